package ru.journalarchive.freezing;

/**
 * One difference between a frozen class journal and a later snapshot of the same class and period.
 *
 * @param kind          what differs: a mark, an absence, a final mark, a lesson, a pupil or other content
 * @param subjectId     the subject concerned, when there is one
 * @param studentId     the pupil concerned, when there is one
 * @param lessonId      the lesson concerned, when there is one
 * @param lessonDate    the lesson's date (ISO), when there is one
 * @param period        the final mark's period, for final marks
 * @param field         for lessons, pupils and other content: the field that differs
 * @param oldValue      the frozen value, or null when the item was added
 * @param newValue      the snapshot's value, or null when the item was removed
 * @param oldEnteredAt  when the frozen value was entered (marks, final marks)
 * @param oldEnteredBy  who entered the frozen value
 * @param newEnteredAt  when the new value was entered
 * @param newEnteredBy  who entered the new value
 */
public record RetroactiveChange(
        Kind kind,
        String subjectId,
        String studentId,
        String lessonId,
        String lessonDate,
        String period,
        String field,
        String oldValue,
        String newValue,
        String oldEnteredAt,
        String oldEnteredBy,
        String newEnteredAt,
        String newEnteredBy) {

    /** What a change concerns. */
    public enum Kind { MARK, ABSENCE, FINAL_MARK, LESSON, STUDENT, OTHER }
}
