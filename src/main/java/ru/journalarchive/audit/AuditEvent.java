package ru.journalarchive.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded audit event about one replica (an object in one location).
 *
 * @param id         the event's number, increasing in the order events were recorded
 * @param type       what happened
 * @param objectId   the archived object
 * @param documentId the document the object belongs to
 * @param location   the storage location of the replica
 * @param key        the object key
 * @param success    the outcome: true for {@code success}, false for {@code failure}
 * @param detail     expected and actual hash, the source of a repair, where damaged bytes are kept
 * @param sizeBytes  the bytes read, or null
 * @param agent      who or what acted, e.g. {@code fixityAuditJob/1 (ivanov)}
 * @param run        the audit run the event belongs to, e.g. {@code fixityAuditJob#12}, or null
 * @param occurredAt when it happened
 */
public record AuditEvent(long id, AuditEventType type, UUID objectId, UUID documentId, String location, String key,
                         boolean success, String detail, Long sizeBytes, String agent, String run,
                         Instant occurredAt) {

    /** The stored outcome, {@code success} or {@code failure}. */
    public String outcome() {
        return success ? "success" : "failure";
    }
}
