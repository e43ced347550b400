package ru.journalarchive.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Runs the picocli command given on the command line and hands its exit code to Spring Boot.
 */
@Component
@ConditionalOnProperty(name = "archive.cli.enabled", havingValue = "true", matchIfMissing = true)
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final ArchiveCommand command;
    private final IFactory factory;
    private final ParameterErrors parameterErrors;
    private int exitCode;

    CliRunner(ArchiveCommand command, IFactory factory, ParameterErrors parameterErrors) {
        this.command = command;
        this.factory = factory;
        this.parameterErrors = parameterErrors;
    }

    @Override
    public void run(String... args) {
        // Spring Boot's own --property=value arguments were consumed by Spring; picocli sees the rest.
        String[] commandArgs = java.util.Arrays.stream(args)
                .filter(a -> !(a.startsWith("--archive.") || a.startsWith("--spring.") || a.startsWith("--logging.")))
                .toArray(String[]::new);
        exitCode = parameterErrors.install(new CommandLine(command, factory)).execute(commandArgs);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
