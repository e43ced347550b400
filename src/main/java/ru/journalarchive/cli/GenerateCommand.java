package ru.journalarchive.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;

/**
 * {@code generate}: writes a synthetic school's snapshot (fictional people) for tests, demos and benchmarks; with
 * {@code --kind college} a technical college's (study groups of courses 1–4, semesters {@code --period H1|H2}).
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "generate", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class GenerateCommand implements Callable<Integer> {

    @Option(names = "--pupils", defaultValue = "1000", descriptionKey = "generate.pupils")
    int pupils;
    @Option(names = "--seed", defaultValue = "1", descriptionKey = "generate.seed")
    long seed;
    @Option(names = "--school", defaultValue = "synthetic-school", descriptionKey = "generate.school")
    String school;
    @Option(names = "--year", defaultValue = "2024/2025", descriptionKey = "filter.year")
    String year;
    @Option(names = "--period", descriptionKey = "generate.period")
    String period;
    @Option(names = "--kind", defaultValue = "school", descriptionKey = "generate.kind")
    String kind;
    @Option(names = "--out", required = true, descriptionKey = "generate.out")
    Path out;
    @Option(names = "--full-year", descriptionKey = "generate.fullYear")
    boolean fullYear;

    private final Messages messages;

    GenerateCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() throws IOException {
        boolean college = "college".equals(kind);
        if (!college && !"school".equals(kind)) {
            System.err.println(messages.get("college.generate.refused.kind", kind));
            return 2;
        }
        String closing = period != null ? period : college ? "H1" : "Q1";
        if (!closing.matches(college ? "H[12]" : "Q[1-4]")) {
            System.err.println(messages.get(college ? "college.generate.refused.semester"
                    : "college.generate.refused.quarter", closing));
            return 2;
        }
        var options = college ? SyntheticSchoolGenerator.Options.college(pupils, seed, school, year, closing)
                : new SyntheticSchoolGenerator.Options(pupils, seed, school, year, closing);
        if (fullYear) {
            writeYear(options, out);
        } else {
            write(options, out);
        }
        System.out.println(messages.get("generate.done", out.toAbsolutePath(), pupils, Files.size(out)));
        return 0;
    }

    /** Writes the snapshot of one closing date of a consistent generated year ({@code --full-year}). */
    static void writeYear(SyntheticSchoolGenerator.Options options, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file))) {
            SyntheticSchoolGenerator.writeYear(options, stream);
        }
    }

    static void write(SyntheticSchoolGenerator.Options options, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file))) {
            SyntheticSchoolGenerator.write(options, stream);
        }
    }
}
