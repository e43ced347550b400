package ru.journalarchive.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered replica as the audit sees it: where it is, what the registry says its bytes are, when it was last
 * verified, and until when its document is retained (a repair writes the copy with that retention).
 */
public record AuditedReplica(UUID objectId, UUID documentId, String role, String key, String sha256, long sizeBytes,
                             String location, Instant verifiedAt, LocalDate retainUntil) {
}
