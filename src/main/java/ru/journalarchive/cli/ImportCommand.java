package ru.journalarchive.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.snapshot.SnapshotRejectedException;

/**
 * {@code import <snapshot.json>}: validates a snapshot and registers it; exit code 2 when it is rejected.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class ImportCommand implements Callable<Integer> {

    static final int REJECTED = 2;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", descriptionKey = "snapshot.file")
    Path file;

    private final SnapshotIntake intake;
    private final Messages messages;

    ImportCommand(SnapshotIntake intake, Messages messages) {
        this.intake = intake;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try {
            ImportResult result = intake.importFile(file);
            print(System.out, messages, result);
            return 0;
        } catch (SnapshotRejectedException e) {
            printRejection(System.err, messages, file, e);
            return REJECTED;
        }
    }

    static void print(PrintStream out, Messages messages, ImportResult result) {
        var s = result.snapshot();
        out.println(messages.get(result.alreadyImported() ? "import.again" : "import.accepted", s.schoolName(),
                s.academicYear(), s.classes().size(), s.id().toString()));
    }

    static void printRejection(PrintStream err, Messages messages, Path file, SnapshotRejectedException e) {
        err.println(messages.get("import.rejected", file.toString(), e.total()));
        // At most SnapshotRejectedException.SHOWN lines: a hostile file can break 100,000 rules.
        e.shown().forEach(v -> err.println("  " + v.path() + ": " + v.message()));
        String more = e.notShownNote(messages.source());
        if (more != null) {
            err.println("  " + more);
        }
        err.println(messages.get("import.nothingStored"));
    }
}
