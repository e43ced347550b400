package ru.journalarchive.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * Runs the application's real picocli commands inside a test context and captures what staff would see.
 */
public final class Cli {

    private final ApplicationContext context;

    public Cli(ApplicationContext context) {
        this.context = context;
    }

    /** The exit code and the printed output of one command. */
    public record Result(int exitCode, String out, String err) {
    }

    public synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Object command = context.getBean("archiveCommand");
            // Installed as the application installs it: parse errors in Russian, naming the option, exit code 2.
            int code = context.getBean(ru.journalarchive.cli.ParameterErrors.class)
                    .install(new CommandLine(command, context.getBean(CommandLine.IFactory.class))).execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
