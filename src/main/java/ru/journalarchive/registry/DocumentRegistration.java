package ru.journalarchive.registry;

import java.util.List;
import java.util.UUID;

/**
 * What the archive registers for a document once every object has a verified copy in every location.
 */
public record DocumentRegistration(
        String documentType,
        String schoolId,
        String academicYear,
        String classId,
        String className,
        String periodId,
        int version,
        UUID frozenJournalId,
        String pdfaFlavour,
        int pageCount,
        List<ObjectRegistration> objects,
        ArchivedDocument.Retention retention) {

    /** An object with its hash and the replicas written and verified. */
    public record ObjectRegistration(String role, String key, String mediaType, String sha256, long sizeBytes,
                                     List<ArchivedDocument.Replica> replicas) {
    }
}
