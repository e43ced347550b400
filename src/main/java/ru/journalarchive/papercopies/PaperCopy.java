package ru.journalarchive.papercopies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A paper copy of an archived document with its whole history.
 *
 * @param copyNumber    the copy's number among the document's copies (1, 2 …)
 * @param state         the last step completed
 * @param sheets        sheets printed
 * @param classTeacher  the class teacher who certifies it (from the journal), null for other documents
 * @param director      the director who signs it (from the journal), null if not named
 * @param signers       the subject teachers who must sign it
 * @param events        every step recorded, in order
 */
public record PaperCopy(UUID id, UUID documentId, int copyNumber, PaperStep state, int sheets, String classTeacher,
                        String director, Instant createdAt, Document document, List<Signer> signers,
                        List<Event> events) {

    /** What the copy is a copy of. */
    public record Document(String documentType, String schoolId, String academicYear, String classId,
                           String className, String periodId, int version) {
    }

    /** A subject teacher who signs the sheets of a subject; {@code teacherId} is empty when the journal names none. */
    public record Signer(String subjectId, String teacherId, String subjectName, String teacherName) {
    }

    /** One recorded step with its details (null where the step has none). */
    public record Event(long id, PaperStep step, String performedBy, Instant performedAt, String recordedBy,
                        Instant recordedAt, Integer sheets, String subjectId, String teacherId, String room,
                        String cabinet, String shelf, String box, String nomenclatureIndex, String actNumber,
                        String note) {
    }

    /** The first recorded event of a step. */
    public Optional<Event> event(PaperStep step) {
        return events.stream().filter(e -> e.step() == step).findFirst();
    }

    /** The subject teachers who have not signed yet. */
    public List<Signer> missingSignatures() {
        return signers.stream().filter(s -> events.stream().noneMatch(e -> e.step() == PaperStep.SUBJECT_SIGNED
                && e.subjectId().equals(s.subjectId()) && s.teacherId().equals(e.teacherId()))).toList();
    }

    /**
     * The step the copy has effectively completed: a printed copy whose every subject teacher has signed (or that has
     * no subject pages) counts as signed.
     */
    public PaperStep effectiveState() {
        return state == PaperStep.PRINTED && missingSignatures().isEmpty() ? PaperStep.SUBJECT_SIGNED : state;
    }

    /** When and by whom a step was completed: for the subject signatures, the last of them once all are there. */
    public Optional<Event> completion(PaperStep step) {
        if (step != PaperStep.SUBJECT_SIGNED) {
            return event(step);
        }
        if (!missingSignatures().isEmpty() || state.compareTo(PaperStep.PRINTED) < 0) {
            return Optional.empty();
        }
        Optional<Event> last = events.stream().filter(e -> e.step() == PaperStep.SUBJECT_SIGNED)
                .reduce((a, b) -> b.performedAt().isAfter(a.performedAt()) ? b : a);
        return last.isPresent() ? last : event(PaperStep.PRINTED);
    }
}
