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
 * {@code generate}: writes a synthetic school's snapshot (fictional people) for tests, demos and benchmarks.
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
    @Option(names = "--period", defaultValue = "Q1", descriptionKey = "generate.period")
    String period;
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
        var options = new SyntheticSchoolGenerator.Options(pupils, seed, school, year, period);
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
