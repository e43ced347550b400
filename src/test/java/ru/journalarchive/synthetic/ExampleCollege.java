package ru.journalarchive.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.ClassSpec;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.Options;

/**
 * The documented example {@code archive-format/examples/example-college.json}: a fictional ГБПОУ «ПК № 5» (a
 * technical college, {@code school.kind} «college») closing the spring semester H2 of 2024/2025 for two study groups:
 * ТМ-11 of course 1 (with marks) and ТМ-41 of course 4, the last ({@code lastCourse} 4). The H1 marks are repeated
 * and the year's marks added. Run {@code ./mvnw test -Dtest=ExampleCollegeTest -Dexample.update=true} to rewrite it.
 */
public final class ExampleCollege {

    public static final Path FILE = Path.of("archive-format/examples/example-college.json");

    static final Options OPTIONS = Options.college(12, 5, "ptk-5", "2024/2025", "H2");

    static final List<ClassSpec> GROUPS = List.of(
            new ClassSpec("ТМ-11", 1, 6, 3),
            new ClassSpec("ТМ-41", 4, 6, 3));

    private ExampleCollege() {
    }

    /** Writes the example, laid out for people. */
    public static void write(OutputStream out) {
        SyntheticSchoolGenerator.writeYear(OPTIONS, GROUPS, true, out);
    }

    /** Rewrites the example file. */
    static void update() throws IOException {
        try (OutputStream out = Files.newOutputStream(FILE)) {
            write(out);
        }
    }
}
