package ru.journalarchive.papercopies;

import java.time.Instant;

/**
 * What staff record with a step: who did it and when (null: now), who records it, and the step's own details (null
 * where they do not apply).
 *
 * @param performedBy who did it; for a subject signature, a certification or the director's signature null means the
 *                    person the journal names
 * @param teacherId   for a subject signature: which of the subject's teachers, needed only when it has several
 */
public record StepDetails(String performedBy, Instant performedAt, String recordedBy, Integer sheets,
                          String subjectId, String teacherId, String room, String cabinet, String shelf, String box,
                          String nomenclatureIndex, String note) {

    /** Details naming only who did the step, when, and who records it. */
    public static StepDetails of(String performedBy, Instant performedAt, String recordedBy) {
        return new StepDetails(performedBy, performedAt, recordedBy, null, null, null, null, null, null, null, null,
                null);
    }

    public StepDetails withSheets(Integer value) {
        return new StepDetails(performedBy, performedAt, recordedBy, value, subjectId, teacherId, room, cabinet, shelf,
                box, nomenclatureIndex, note);
    }

    public StepDetails withSubject(String subject, String teacher) {
        return new StepDetails(performedBy, performedAt, recordedBy, sheets, subject, teacher, room, cabinet, shelf,
                box, nomenclatureIndex, note);
    }

    public StepDetails withPlace(String newRoom, String newCabinet, String newShelf, String newBox, String index) {
        return new StepDetails(performedBy, performedAt, recordedBy, sheets, subjectId, teacherId, newRoom, newCabinet,
                newShelf, newBox, index, note);
    }

    public StepDetails withNote(String value) {
        return new StepDetails(performedBy, performedAt, recordedBy, sheets, subjectId, teacherId, room, cabinet, shelf,
                box, nomenclatureIndex, value);
    }
}
