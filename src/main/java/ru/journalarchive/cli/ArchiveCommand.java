package ru.journalarchive.cli;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/**
 * The top command {@code journal-archive}; its subcommands are the archive's operations.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "journal-archive", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli",
        subcommands = {ImportCommand.class, CloseCommand.class, DocumentsCommand.class, VerifyCommand.class,
                ServeCommand.class, GenerateCommand.class, BenchmarkCommand.class,
                SignCommand.class, VerifySignatureCommand.class, ReplicateCommand.class,
                BackupCommand.class, RestoreCommand.class, AuditCommand.class, StorageReportCommand.class,
                RetentionCommand.class, HoldCommand.class, ActCommand.class, DispositionCommand.class,
                YearCloseCommand.class, ExtractCommand.class, PacketCommand.class, PaperCommand.class,
                ReportCommand.class,

                SearchCommand.class, RetrieveCommand.class, AccessLogCommand.class, CorrectCommand.class,
                BenchmarkSearchCommand.class,
                UserCommand.class, ApiKeyCommand.class, RegistryCommand.class})
class ArchiveCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
