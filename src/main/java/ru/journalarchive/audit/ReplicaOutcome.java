package ru.journalarchive.audit;

/**
 * What the audit of one replica ended with.
 *
 * @param replica the replica
 * @param kind    intact, repaired, or still damaged
 * @param detail  what was found and done (expected and actual hash, repair source), for a report
 */
public record ReplicaOutcome(AuditedReplica replica, Kind kind, String detail) {

    /** How the audit of a replica ended. */
    public enum Kind {
        /** The replica matched the registry. */
        INTACT,
        /** The replica was missing or damaged and is now repaired from a healthy copy. */
        REPAIRED,
        /** The replica is missing or damaged and could not be repaired. */
        UNREPAIRED
    }
}
