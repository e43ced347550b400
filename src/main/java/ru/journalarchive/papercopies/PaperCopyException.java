package ru.journalarchive.papercopies;

import java.util.Arrays;

/**
 * A paper-copy operation refused for a reason staff can act on (a step out of order, a repeated step, a subject not
 * in the journal, a destruction without an executed act …). The Russian text is {@code paper.error.<reason>} in
 * {@code i18n/cli-papercopies.properties}, formatted with {@link #args()}; the exception message is English, for logs.
 */
public class PaperCopyException extends RuntimeException {

    private final String reason;
    private final transient Object[] args;

    public PaperCopyException(String reason, Object... args) {
        super("paper copy refused (" + reason + "): " + Arrays.toString(args));
        this.reason = reason;
        this.args = args.clone();
    }

    /** The reason, the last part of the message key. */
    public String reason() {
        return reason;
    }

    /** The message key of the staff-facing text. */
    public String messageKey() {
        return "paper.error." + reason;
    }

    /** The values the text names, in order. */
    public Object[] args() {
        return args.clone();
    }
}
