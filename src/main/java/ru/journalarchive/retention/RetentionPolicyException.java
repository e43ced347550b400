package ru.journalarchive.retention;

/**
 * Thrown at start-up when a retention policy file is missing, unreadable or breaks the schema; the message (in
 * Russian, for the records clerk who edits the files) names the file and the field.
 */
public class RetentionPolicyException extends IllegalStateException {

    private final String file;
    private final String field;

    public RetentionPolicyException(String file, String field, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.field = field;
    }

    /** The policy file (or folder) at fault, as a resource location. */
    public String file() {
        return file;
    }

    /** The field at fault, or {@code null} when the whole file is. */
    public String field() {
        return field;
    }
}
