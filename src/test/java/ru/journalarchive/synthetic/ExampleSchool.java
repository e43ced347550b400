package ru.journalarchive.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.ClassSpec;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.Options;

/**
 * The documented example {@code archive-format/examples/example-school.json}: a fictional МБОУ «СОШ № 7» closing
 * the second quarter of 2024/2025 for 1А, 5А, 9Б (quarters) and 10А (first half-year). Run
 * {@code ./mvnw test -Dtest=ExampleSchoolTest -Dexample.update=true} to rewrite it after changing the generator.
 */
public final class ExampleSchool {

    public static final Path FILE = Path.of("archive-format/examples/example-school.json");

    static final Options OPTIONS = new Options(80, 7, "sosh-7", "2024/2025", "Q2");

    static final List<ClassSpec> CLASSES = List.of(
            new ClassSpec("1А", 1, 18, 8),
            new ClassSpec("5А", 5, 22, 9),
            new ClassSpec("9Б", 9, 21, 10),
            new ClassSpec("10А", 10, 17, 10));

    private ExampleSchool() {
    }

    /** Writes the example, laid out for people. */
    public static void write(OutputStream out) {
        SyntheticSchoolGenerator.write(OPTIONS, CLASSES, true, out);
    }

    /** Rewrites the example file. */
    static void update() throws IOException {
        try (OutputStream out = Files.newOutputStream(FILE)) {
            write(out);
        }
    }
}
