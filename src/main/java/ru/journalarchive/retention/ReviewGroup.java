package ru.journalarchive.retention;

/** TEMPORARY stand-in for the lead's retention API. */
public record ReviewGroup(String schoolId, String recordClass, String title, String nomenclatureIndex, int termYears,
        String federalListArticle, String firstAcademicYear, String lastAcademicYear, java.util.List<ReviewFile> files) {}
