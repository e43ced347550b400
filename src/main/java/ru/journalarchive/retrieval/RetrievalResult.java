package ru.journalarchive.retrieval;

import java.nio.file.Path;
import java.util.List;
import ru.journalarchive.registry.ArchivedDocument;

/**
 * How a retrieval ended: the object handed out (and from which location) or, when no replica was intact, nothing;
 * and every replica skipped on the way, with why.
 *
 * @param location the location the verified copy came from, or null when none was intact (nothing written)
 */
public record RetrievalResult(ArchivedDocument document, ArchivedDocument.ArchivedObject object, String location,
                              Path out, List<SkippedReplica> skipped) {

    /** Whether the file was handed out. */
    public boolean retrieved() {
        return location != null;
    }

    /** Why a replica was not used. */
    public enum SkipReason { MISSING, DAMAGED, UNREADABLE, LOCATION_NOT_CONFIGURED }

    /** A replica not used: where, why, and (for a damaged one) the SHA-256 its bytes have. */
    public record SkippedReplica(String location, String key, SkipReason reason, String actualSha256,
                                 String detail) {
    }
}
