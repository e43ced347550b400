package ru.journalarchive.audit;

import java.util.Arrays;

/** The kinds of audit events, named as PREMIS event types are. */
public enum AuditEventType {

    /** A replica was re-hashed and matched the registry. */
    FIXITY_CHECK("fixity-check"),
    /** A replica was missing, unreadable, or its hash differed from the registry's. */
    FIXITY_FAILURE("fixity-failure"),
    /** A damaged replica was rewritten from a verified healthy copy and verified again. */
    REPAIR("repair"),
    /** A damaged replica could not be repaired (no healthy copy, or the write failed). */
    REPAIR_FAILURE("repair-failure");

    private final String code;

    AuditEventType(String code) {
        this.code = code;
    }

    /** The value stored in {@code audit_event.event_type}. */
    public String code() {
        return code;
    }

    /** The type of a stored code. */
    public static AuditEventType of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown audit event type " + code));
    }
}
