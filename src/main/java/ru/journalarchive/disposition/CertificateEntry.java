package ru.journalarchive.disposition;

import java.time.Instant;
import java.util.UUID;

/** One line of a destruction certificate: an object of a destroyed document, deleted from one location. */
public record CertificateEntry(UUID documentId, UUID objectId, String role, String location, String key,
        String sha256, long sizeBytes, int versions, Instant deletedAt, String deletedBy) {
}
