package ru.journalarchive.freezing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A supplement after the close (дополнение): a re-close of a closed class period that only added exam (E), final (F)
 * or year (Y) marks absent from the latest frozen version; accepted as the journal's next version, the previous kept.
 *
 * @param number             the supplement's number among the supplements of this class's period journal (1, 2 …)
 * @param oldVersion         the frozen version it supplements
 * @param newVersion         the version it was frozen as
 * @param recordedAt         when it was accepted and recorded (the new version's frozen moment)
 * @param marks              each added mark with who entered it and when, as the snapshot says
 */
public record JournalSupplement(UUID id, UUID importId, String schoolId, String academicYear, String classId,
                                String periodId, int number, int oldVersion, int newVersion, UUID oldFrozenJournalId,
                                UUID newFrozenJournalId, Instant recordedAt, List<AddedMark> marks) {

    /** The final-mark kinds a supplement may add: exam, final (итоговая) and year marks. */
    public static final List<String> KINDS = List.of("E", "F", "Y");
    /** The year mark: the one kind a supplement may add in any grade that keeps marks. */
    public static final String YEAR = "Y";

    public JournalSupplement {
        marks = List.copyOf(marks);
    }

    /** One mark a supplement added: pupil, subject, kind (E, F or Y), value, who entered it and when (ISO text). */
    public record AddedMark(String studentId, String subjectId, String kind, String value, String enteredBy,
                            String enteredAt) {
    }

    /** The kinds of the added marks, in the order of {@link #KINDS}. */
    public List<String> kinds() {
        return KINDS.stream().filter(k -> marks.stream().anyMatch(m -> m.kind().equals(k))).toList();
    }
}
