package ru.journalarchive.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A signed rendition to register for a document: the signed PDF object, its verified replicas, and the signature.
 */
public record SignatureRegistration(
        UUID documentId,
        DocumentRegistration.ObjectRegistration signedPdf,
        SignatureInfo signature) {

    /** What is known about a signature: who signed with which certificate and algorithm, when (by the timestamp). */
    public record SignatureInfo(String signerSubject, String certificateSerial, String certificateSha256,
                                String algorithm, Instant signingTime, String tsa) {
    }

    /** Convenience for the replicas list. */
    public List<ArchivedDocument.Replica> replicas() {
        return signedPdf.replicas();
    }
}
