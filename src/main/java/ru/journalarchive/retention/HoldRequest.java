package ru.journalarchive.retention;

import java.util.UUID;

/**
 * A hold to place: what it covers, why and by whom. Only the fields its scope needs are set.
 */
public record HoldRequest(HoldScope scope, String schoolId, String academicYear, String classId, UUID documentId,
        String reason, String placedBy) {
}
