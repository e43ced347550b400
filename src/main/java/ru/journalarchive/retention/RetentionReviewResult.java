package ru.journalarchive.retention;

/** TEMPORARY stand-in for the lead's retention API. */
public record RetentionReviewResult(int actYear, java.time.LocalDate cutoff, String schoolId,
        java.util.List<ReviewGroup> eligible, java.util.List<ReviewFile> epk, java.util.List<ReviewFile> held) {}
