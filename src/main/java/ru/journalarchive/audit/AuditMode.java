package ru.journalarchive.audit;

import java.util.Locale;

/** Which replicas an audit run checks: all of them, or the share whose last verification is oldest. */
public enum AuditMode {

    /** Every replica in every location. */
    FULL,
    /** A share of the replicas ({@code archive.audit.rolling-share}), those verified longest ago first. */
    ROLLING;

    /** The lower-case name used in job parameters and on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a job parameter value ({@code full} or {@code rolling}). */
    public static AuditMode of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
