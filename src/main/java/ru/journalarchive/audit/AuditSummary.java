package ru.journalarchive.audit;

/**
 * The totals of an audit run.
 *
 * @param checked    replica checks made (a restarted run may check a replica twice)
 * @param intact     checks that matched the registry
 * @param failures   replicas found missing, unreadable or different
 * @param repaired   repairs that succeeded
 * @param unresolved replicas whose last event in the run is a failure: still missing or damaged
 * @param bytes      bytes hashed by the checks
 */
public record AuditSummary(long checked, long intact, long failures, long repaired, long unresolved, long bytes) {
}
