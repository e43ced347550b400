package ru.journalarchive.retrieval;

/** A retrieval refused before anything was read or written: which field is wrong, and why. */
public class RetrievalRefusedException extends RuntimeException {

    /** What is wrong with the request. */
    public enum Reason { ACTOR_MISSING, PURPOSE_MISSING, NO_SUCH_DOCUMENT, NO_SUCH_ROLE, OUT_EXISTS,
        OUT_DIRECTORY_MISSING, DESTROYED }

    private final Reason reason;

    RetrievalRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
