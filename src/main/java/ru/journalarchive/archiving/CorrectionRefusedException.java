package ru.journalarchive.archiving;

/** A correction that may not be made (nothing was written): why, for a Russian message naming the field. */
public class CorrectionRefusedException extends RuntimeException {

    /** Why a correction is refused. */
    public enum Reason { REASON_MISSING, AUTHORISER_MISSING, ACTOR_MISSING, NO_SUCH_IMPORT, NO_SUCH_CLASS,
        NO_REFUSED_CHANGE, ALREADY_CORRECTED, DESTROYED }

    private final Reason reason;

    CorrectionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
