package ru.journalarchive.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed example is exactly what the seeded generator writes, so the two never drift apart. */
class ExampleSchoolTest {

    @Test
    void committedExampleIsWhatTheGeneratorWrites() throws Exception {
        if (Boolean.getBoolean("example.update")) {
            ExampleSchool.update();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExampleSchool.write(out);
        assertThat(Files.readAllBytes(ExampleSchool.FILE))
                .as("archive-format/examples/example-school.json is stale: rerun with -Dexample.update=true")
                .isEqualTo(out.toByteArray());
    }
}
