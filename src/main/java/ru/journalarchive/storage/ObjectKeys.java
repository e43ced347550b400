package ru.journalarchive.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds and validates object keys. Every archived object lives at the same key in every storage location:
 * {@code <schoolId>/<academicYear as YYYY-YYYY>/<periodId>/<classId>/<documentType>/v<version>/<fileName>},
 * e.g. {@code sosh-7/2024-2025/Q2/5a/class-journal/v1/class-journal.pdf} (see
 * {@code archive-format/storage-layout.md}).
 */
public final class ObjectKeys {

    /** The longest key a location accepts. */
    public static final int MAX_KEY_LENGTH = 512;

    /** The document type of a period's class journal. */
    public static final String CLASS_JOURNAL = "class-journal";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})[/-](\\d{4})");

    private ObjectKeys() {
    }

    /** The key of the rendered PDF/A class journal of one class and period, in the given version (1, 2, …). */
    public static String classJournalPdf(String schoolId, String academicYear, String periodId, String classId,
            int version) {
        return documentKey(schoolId, academicYear, periodId, classId, CLASS_JOURNAL, version, "class-journal.pdf");
    }

    /** The key of the frozen canonical JSON of one class and period, in the given version (1, 2, …). */
    public static String classJournalJson(String schoolId, String academicYear, String periodId, String classId,
            int version) {
        return documentKey(schoolId, academicYear, periodId, classId, CLASS_JOURNAL, version, "class-journal.json");
    }

    /**
     * The key of any document of one class and period.
     *
     * @param academicYear {@code 2024/2025} (as in snapshots) or {@code 2024-2025}; the key always uses the dash
     * @throws IllegalArgumentException naming the bad part
     */
    public static String documentKey(String schoolId, String academicYear, String periodId, String classId,
            String documentType, int version, String fileName) {
        if (version < 1) {
            throw new IllegalArgumentException("Version must be 1 or more, was " + version);
        }
        String key = String.join("/", id("schoolId", schoolId), keyYear(academicYear), id("periodId", periodId),
                id("classId", classId), id("documentType", documentType), "v" + version, id("fileName", fileName));
        return requireValid(key);
    }

    /**
     * Checks a key: segments of {@code [A-Za-z0-9._-]} separated by single {@code /}, no {@code .} or {@code ..}
     * segment, no leading or trailing {@code /}, at most {@value #MAX_KEY_LENGTH} characters.
     *
     * @return the key, unchanged
     * @throws IllegalArgumentException naming the key and what is wrong with it
     */
    public static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Object key must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Object key '%s…' is %d characters long; at most %d are allowed"
                    .formatted(key.substring(0, 40), key.length(), MAX_KEY_LENGTH));
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("Object key '%s' must not start with '/'".formatted(key));
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("Object key '%s' has an empty segment".formatted(key));
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "Object key '%s' must not contain a '%s' segment".formatted(key, segment));
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException(
                        "Object key '%s' has segment '%s' with characters outside [A-Za-z0-9._-]".formatted(key,
                                segment));
            }
        }
        return key;
    }

    private static String id(String what, String value) {
        if (value == null || !ID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(
                    "%s '%s' must be 1–64 characters of [A-Za-z0-9._-]".formatted(what, value));
        }
        return value;
    }

    private static String keyYear(String academicYear) {
        Matcher m = academicYear == null ? null : ACADEMIC_YEAR.matcher(academicYear);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException(
                    "academicYear '%s' must be YYYY/YYYY+1 (or YYYY-YYYY+1), e.g. 2024/2025".formatted(academicYear));
        }
        return m.group(1) + "-" + m.group(2);
    }
}
