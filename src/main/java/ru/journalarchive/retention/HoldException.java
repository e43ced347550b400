package ru.journalarchive.retention;

/**
 * A refused hold operation; the message (Russian, for the records clerk) names the field at fault and why.
 */
public class HoldException extends IllegalArgumentException {

    private final String field;

    public HoldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field (command-line option) at fault. */
    public String field() {
        return field;
    }
}
