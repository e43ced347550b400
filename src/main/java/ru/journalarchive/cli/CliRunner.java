package ru.journalarchive.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import ru.journalarchive.registryjournal.RegistryJournal;
import ru.journalarchive.registryjournal.ShipResult;

/**
 * Runs the picocli command given on the command line and hands its exit code to Spring Boot; then ships what the
 * command changed in the registry to every storage location (the registry journal): a command whose registry entries
 * could not be shipped everywhere says so and exits 1.
 */
@Component
@ConditionalOnProperty(name = "archive.cli.enabled", havingValue = "true", matchIfMissing = true)
class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private final ArchiveCommand command;
    private final IFactory factory;
    private final ParameterErrors parameterErrors;
    private final RegistryJournal journal;
    private int exitCode;

    CliRunner(ArchiveCommand command, IFactory factory, ParameterErrors parameterErrors, RegistryJournal journal) {
        this.command = command;
        this.factory = factory;
        this.parameterErrors = parameterErrors;
        this.journal = journal;
    }

    @Override
    public void run(String... args) {
        // Spring Boot's own --property=value arguments were consumed by Spring; picocli sees the rest.
        String[] commandArgs = java.util.Arrays.stream(args)
                .filter(a -> !(a.startsWith("--archive.") || a.startsWith("--spring.") || a.startsWith("--logging.")))
                .toArray(String[]::new);
        exitCode = parameterErrors.install(new CommandLine(command, factory)).execute(commandArgs);
        ShipResult shipped = journal.ship();
        if (!shipped.complete()) {
            shipped.failures().forEach(System.err::println);
            System.err.println(ru.journalarchive.registryjournal.JournalTexts.get("cli.ship.failed"));
            if (exitCode == 0) {
                exitCode = 1;
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
