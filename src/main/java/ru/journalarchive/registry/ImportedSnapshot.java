package ru.journalarchive.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An accepted snapshot as registered: where it came from and the state of each of its classes' close.
 */
public record ImportedSnapshot(
        UUID id,
        String sha256,
        String schoolId,
        String schoolName,
        String academicYear,
        String exportedAt,
        String sourceSystem,
        String sourceFile,
        long sizeBytes,
        Instant receivedAt,
        List<ImportedClass> classes) {

    /** One class of the snapshot and how far its close has come. */
    public record ImportedClass(String classId, String className, int grade, String periodId, CloseStatus status,
                                String message, UUID documentId) {
    }

    /** The state of a class's close. */
    public enum CloseStatus {
        /** Not closed yet. */
        PENDING,
        /** Frozen, rendered, stored in every location and registered. */
        CLOSED,
        /** The same content was closed before: nothing changed. */
        ALREADY_CLOSED,
        /**
         * A re-close of a closed class that only added exam, final or year marks: accepted as a supplement, frozen,
         * rendered, stored and registered as the journal's next version (the previous one kept).
         */
        SUPPLEMENTED,
        /** Refused: the content differs from the frozen journal (a retroactive change). */
        REFUSED_RETROACTIVE_CHANGE,
        /** Refused: the class's journal of that period was destroyed under a destruction act (or is being). */
        REFUSED_DESTROYED,
        /** Refused: the snapshot was exported before the class's period ended (nothing archived). */
        REFUSED_PERIOD_NOT_ENDED,
        /** Refused: pupils present at the period's end lack the period's final mark (nothing archived). */
        REFUSED_MISSING_FINAL_MARKS,
        /**
         * The close failed (a storage location could not take the minimum of copies, the registration failed): nothing
         * registered, the reason recorded in Russian; a rerun of the close resumes the class.
         */
        FAILED;

        /** Whether the class was refused by the completeness gate: a deputy may override it with a reason. */
        public boolean incomplete() {
            return this == REFUSED_PERIOD_NOT_ENDED || this == REFUSED_MISSING_FINAL_MARKS;
        }
    }
}
