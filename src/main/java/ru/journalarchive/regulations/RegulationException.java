package ru.journalarchive.regulations;

/**
 * Thrown at start-up when a regulation profile is missing, unreadable or wrong, or a school is bound to a profile that
 * does not exist; the message (in Russian, for whoever edits the files) names the file (or property), the field and
 * the reason.
 */
public class RegulationException extends IllegalStateException {

    private final String file;
    private final String field;

    RegulationException(String file, String field, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.field = field;
    }

    /** The profile file (or folder, or configuration property) at fault. */
    public String file() {
        return file;
    }

    /** The field at fault, or {@code null} when the whole file is. */
    public String field() {
        return field;
    }
}
