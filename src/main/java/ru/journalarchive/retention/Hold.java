package ru.journalarchive.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * A hold (инспекция, спор, требование архива) that keeps every document it covers from being destroyed while it is
 * active; released holds stay on record.
 *
 * @param scope        {@code document}, {@code class} (one class in one academic year), {@code academic-year} (a
 *                     school's year) or {@code school}
 * @param academicYear set for the class and academic-year scopes
 * @param classId      set for the class scope
 * @param documentId   set for the document scope
 */
public record Hold(UUID id, String scope, String schoolId, String academicYear, String classId, UUID documentId,
        String reason, String placedBy, Instant placedAt, String releasedBy, Instant releasedAt,
        String releaseReason) {

    /** Whether the hold still blocks destruction. */
    public boolean active() {
        return releasedAt == null;
    }
}
