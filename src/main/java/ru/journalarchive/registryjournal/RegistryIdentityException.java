package ru.journalarchive.registryjournal;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The database and a storage location belong to different registries (or the database lost its registry): the
 * service must not start. Its message (Russian) names the location and the registry and says what to do; the process
 * exits with {@link #EXIT_CODE}.
 */
public class RegistryIdentityException extends RuntimeException implements ExitCodeGenerator {

    /** The exit code of a start refused by the identity check. */
    public static final int EXIT_CODE = 6;

    private final String action;

    RegistryIdentityException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What the operator should do, in Russian. */
    public String action() {
        return action;
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
