package ru.journalarchive.backup;

import java.util.Arrays;

/**
 * A backup operation refused for a reason a person can fix (a non-empty directory, a medium issued twice …). The
 * staff-facing Russian text is {@code backup.error.<reason>} in {@code i18n/cli.properties}, formatted with
 * {@link #args()}; the exception message is the English form for logs.
 */
public class BackupException extends RuntimeException {

    private final String reason;
    private final transient Object[] args;

    public BackupException(String reason, Object... args) {
        super("backup refused (" + reason + "): " + Arrays.toString(args));
        this.reason = reason;
        this.args = args.clone();
    }

    /** The reason, the last part of the message key {@code backup.error.<reason>}. */
    public String reason() {
        return reason;
    }

    /** The message key of the staff-facing text. */
    public String messageKey() {
        return "backup.error." + reason;
    }

    /** The values the text names, in order. */
    public Object[] args() {
        return args.clone();
    }
}
