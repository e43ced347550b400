package ru.journalarchive.backup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registered backup medium: what it holds, who wrote it and when, where it is kept, when it was handed to the
 * director, and every use of it, oldest first.
 */
public record BackupMedium(String id, MediumType type, String contents, int objectCount, long sizeBytes,
                           String writtenBy, Instant writtenAt, String keptAt, Instant handedToDirectorAt,
                           List<Use> uses) {

    /** The use in progress (issued, not yet returned), if any. */
    public Optional<Use> currentUse() {
        return uses.stream().filter(u -> u.returnedAt() == null).findFirst();
    }

    /** One use of a medium: issued to whom, for what, when, returned when; who recorded each step. */
    public record Use(String issuedTo, String purpose, Instant issuedAt, String recordedBy, Instant returnedAt,
                      String returnRecordedBy) {
    }

    /** One object on a medium, with the hash it was written with. */
    public record MediumObject(java.util.UUID objectId, String key, String sha256, long sizeBytes) {
    }
}
