package ru.journalarchive.archiving;

import java.util.List;
import ru.journalarchive.registry.ArchivedDocument;

/**
 * The result of re-hashing replicas: how many were checked and every one that is missing or differs.
 */
public record VerificationReport(int documents, long replicas, long verifiedBytes, int signatures,
                                 List<Problem> problems) {

    /** Whether every replica matched the registry. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /** What is wrong with a replica. */
    public enum Kind { MISSING, DIFFERS, UNREADABLE, NOT_COPIED, LOCATION_UNKNOWN, SIGNATURE_INVALID }

    /**
     * One replica that failed verification; {@code actualSha256} is set when the content differs, {@code details}
     * lists what failed in a signature.
     */
    public record Problem(Kind kind, ArchivedDocument document, ArchivedDocument.ArchivedObject object,
                          ArchivedDocument.Replica replica, String actualSha256, List<String> details) {

        Problem(Kind kind, ArchivedDocument document, ArchivedDocument.ArchivedObject object,
                ArchivedDocument.Replica replica, String actualSha256) {
            this(kind, document, object, replica, actualSha256, List.of());
        }
    }
}
