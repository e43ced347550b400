package ru.journalarchive.storage;

import java.time.Instant;

/**
 * Thrown when a store refuses to destroy an object that it still protects: an S3 Object Lock retention whose date
 * has not passed, or a legal hold. Nothing under the key was deleted.
 */
public class DestructionRefusedException extends StorageException {

    /** Why the store refuses. */
    public enum Reason {
        /** The Object Lock retention date has not passed yet («срок блокировки ещё не истёк»). */
        RETENTION_NOT_EXPIRED,
        /** A legal hold is on a version of the object. */
        LEGAL_HOLD
    }

    private final String location;
    private final String key;
    private final Reason reason;
    private final Instant retainUntil;

    public DestructionRefusedException(String location, String key, Reason reason, Instant retainUntil) {
        super("Object '%s' in location '%s' cannot be destroyed: %s".formatted(key, location,
                reason == Reason.LEGAL_HOLD ? "a legal hold is on it"
                        : "its Object Lock retention lasts until " + retainUntil));
        this.location = location;
        this.key = key;
        this.reason = reason;
        this.retainUntil = retainUntil;
    }

    public String location() {
        return location;
    }

    public String key() {
        return key;
    }

    public Reason reason() {
        return reason;
    }

    /** The retention date the store enforces, for {@link Reason#RETENTION_NOT_EXPIRED}; null otherwise. */
    public Instant retainUntil() {
        return retainUntil;
    }
}
