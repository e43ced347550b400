package ru.journalarchive.retention;

/** TEMPORARY stand-in for the lead's retention API (removed when "Retention: holds and annual review" lands). */
public record ReviewFile(String schoolId, String recordClass, String title, String nomenclatureIndex,
        String academicYear, String classId, String className, int termYears,
        String federalListArticle, java.time.LocalDate eligibleFrom, java.util.List<java.util.UUID> documentIds,
        java.util.List<String> holdReasons) {}
