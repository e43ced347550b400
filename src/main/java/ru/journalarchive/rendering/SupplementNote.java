package ru.journalarchive.rendering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The note a supplement after the close adds to a class journal's new version: its number and moment, the version
 * it supplements, and each added final mark with who entered it and when (the renderer words them with names).
 */
public record SupplementNote(int number, Instant recordedAt, int supplementsVersion, List<Mark> marks,
                             java.time.ZoneId zone) {

    /** Moscow time, for a note without the school's zone. */
    static final java.time.ZoneId DEFAULT_ZONE = java.time.ZoneId.of("Europe/Moscow");

    /**
     * @param zone the school's time zone (its regulation profile's): the times a teacher entered a mark are shown as
     *             the school saw them
     */
    public SupplementNote {
        Objects.requireNonNull(recordedAt, "recordedAt");
        marks = List.copyOf(marks);
        zone = zone == null ? DEFAULT_ZONE : zone;
    }

    /** A note shown in Moscow time. */
    public SupplementNote(int number, Instant recordedAt, int supplementsVersion, List<Mark> marks) {
        this(number, recordedAt, supplementsVersion, marks, DEFAULT_ZONE);
    }

    /**
     * One added mark: pupil and subject ids, kind (E exam, F final, Y year), value, the teacher id who entered it and
     * when (ISO date-time with offset, as the snapshot says).
     */
    public record Mark(String studentId, String subjectId, String kind, String value, String enteredBy,
                       String enteredAt) {
    }
}
