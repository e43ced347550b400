package ru.journalarchive.registry;

/**
 * Filters for listing the registry; a null field matches everything.
 */
public record DocumentQuery(String schoolId, String academicYear, String periodId, String classId) {

    /** A query that matches every document. */
    public static DocumentQuery all() {
        return new DocumentQuery(null, null, null, null);
    }
}
