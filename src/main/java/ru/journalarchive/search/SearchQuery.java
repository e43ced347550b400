package ru.journalarchive.search;

/**
 * What the archivist searches for: any of school, academic year, class, period, document type and (part of) a
 * pupil's name; null means any. {@code limit} caps the pupil occurrences returned (the total is still counted).
 */
public record SearchQuery(String schoolId, String academicYear, String classId, String periodId, String documentType,
                          String name, int limit) {

    /** The occurrences returned when no limit is given. */
    public static final int DEFAULT_LIMIT = 500;

    public SearchQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
    }

    /** A query by name only. */
    public static SearchQuery byName(String name) {
        return new SearchQuery(null, null, null, null, null, name, DEFAULT_LIMIT);
    }

    /** Whether at least one criterion is given. */
    public boolean hasCriteria() {
        return schoolId != null || academicYear != null || classId != null || periodId != null
                || documentType != null || (name != null && !name.isBlank());
    }

    /** The query as one line for the access log, e.g. {@code school=sosh-7 year=2024/2025 name=Семенов}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        append(s, "school", schoolId);
        append(s, "year", academicYear);
        append(s, "class", classId);
        append(s, "period", periodId);
        append(s, "type", documentType);
        append(s, "name", name);
        return s.toString();
    }

    private static void append(StringBuilder s, String key, String value) {
        if (value != null) {
            s.append(s.isEmpty() ? "" : " ").append(key).append('=').append(value);
        }
    }
}
