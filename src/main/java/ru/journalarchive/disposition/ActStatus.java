package ru.journalarchive.disposition;

import java.util.Locale;

/** Where an act is in its workflow: draft → agreed (ЭК) → approved (director) → executing → executed; or cancelled. */
public enum ActStatus {
    DRAFT, AGREED, APPROVED, EXECUTING, EXECUTED, CANCELLED;

    /** The value stored in {@code destruction_act.status}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ActStatus of(String dbValue) {
        return valueOf(dbValue.toUpperCase(Locale.ROOT));
    }

    /** The status in Russian, as staff read it. */
    public String russian() {
        return DispositionMessages.get("status." + dbValue());
    }
}
