package ru.journalarchive.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.SnapshotReader;

/** The committed college example is what the seeded generator writes, and the import accepts it as a college. */
class ExampleCollegeTest {

    @Test
    void committedExampleIsWhatTheGeneratorWritesAndIsAValidCollege() throws Exception {
        if (Boolean.getBoolean("example.update")) {
            ExampleCollege.update();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExampleCollege.write(out);
        assertThat(Files.readAllBytes(ExampleCollege.FILE))
                .as("archive-format/examples/example-college.json is stale: rerun with -Dexample.update=true")
                .isEqualTo(out.toByteArray());

        Snapshot college = SnapshotReader.withDefaults().read(ExampleCollege.FILE);
        assertThat(college.school().isCollege()).isTrue();
        assertThat(college.school().kind()).isEqualTo("college");
        assertThat(college.classes()).extracting(Snapshot.SchoolClass::name).containsExactly("ТМ-11", "ТМ-41");
        assertThat(college.classes()).extracting(Snapshot.SchoolClass::grade).containsExactly(1, 4);
        assertThat(college.classes()).extracting(Snapshot.SchoolClass::lastCourse).containsExactly(4, 4);
        assertThat(college.classes()).allSatisfy(c -> {
            assertThat(c.period().id()).isEqualTo("H2");
            assertThat(c.period().name()).isEqualTo("2 семестр");
            assertThat(c.marks()).isNotEmpty();
            assertThat(c.finalMarks()).extracting(Snapshot.FinalMark::period).contains("H1", "H2", "Y");
        });
    }
}
