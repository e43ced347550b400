package ru.journalarchive.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered archived document with its objects, their replicas and its retention.
 */
public record ArchivedDocument(
        UUID id,
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
        Instant createdAt,
        List<ArchivedObject> objects,
        Retention retention) {

    /** Object role of the rendered PDF. */
    public static final String ROLE_PDF = "pdf";
    /** Object role of the director-signed rendition of the PDF (PAdES); the unsigned rendition stays. */
    public static final String ROLE_SIGNED_PDF = "signed-pdf";
    /** Object role of the frozen canonical JSON the PDF was rendered from. */
    public static final String ROLE_SOURCE_JSON = "source-json";

    /** The object with a role, if the document has one. */
    public Optional<ArchivedObject> object(String role) {
        return objects.stream().filter(o -> o.role().equals(role)).findFirst();
    }

    /** An archived object (a file) of a document. */
    public record ArchivedObject(UUID id, String role, String key, String mediaType, String sha256, long sizeBytes,
                                 List<Replica> replicas) {
    }

    /** A verified copy of an object in one storage location. */
    public record Replica(String location, String key, String sha256, Instant storedAt, Instant verifiedAt) {
    }

    /** The retention of a document. */
    public record Retention(String recordClass, int termYears, LocalDate eligibleForDestructionFrom) {
    }
}
