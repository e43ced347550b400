package ru.journalarchive.freezing;

import java.time.Instant;
import java.util.UUID;
import ru.journalarchive.snapshot.ClassJournal;

/**
 * A class's period journal as frozen: its canonical JSON, the SHA-256 of those bytes and the moment it was frozen.
 */
public record FrozenJournal(
        UUID id,
        String schoolId,
        String academicYear,
        String classId,
        String periodId,
        int version,
        String sha256,
        byte[] canonicalJson,
        Instant frozenAt) {

    /** The journal read back from its canonical JSON. */
    public ClassJournal journal() {
        return CanonicalJson.read(canonicalJson);
    }
}
