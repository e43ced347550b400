package ru.journalarchive.retention;

/** TEMPORARY stand-in for the lead's retention API. */
public record Hold(java.util.UUID id, String scope, String schoolId, String academicYear, String classId,
        java.util.UUID documentId, String reason, String placedBy, java.time.Instant placedAt,
        String releasedBy, java.time.Instant releasedAt, String releaseReason) {}
