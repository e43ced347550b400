package ru.journalarchive.database;

import java.nio.file.Path;
import org.springframework.boot.ExitCodeGenerator;

/**
 * Another archive command already runs on this data directory (it holds the directory's lock), or a postgres left on
 * it could not be stopped: this command must not start its own database there. Its message is the one Russian line the command prints; its exit code is
 * {@value #EXIT_CODE} (EX_TEMPFAIL of {@code sysexits.h}: try again later).
 */
public class DataDirectoryBusyException extends RuntimeException implements ExitCodeGenerator {

    /** The exit code of a command refused because another one runs on the same data directory. */
    public static final int EXIT_CODE = 75;

    DataDirectoryBusyException(Path directory, String holderPid) {
        this(DatabaseMessages.get("database.busy", directory, holderPid));
    }

    /** Another holder of the data directory, said in {@code message} (a postgres that would not stop). */
    DataDirectoryBusyException(String message) {
        super(message);
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
