package ru.journalarchive.audit;

import java.time.Instant;

/**
 * The state of one storage location for IT: what it holds, since when all of it is verified, what the audits found
 * and repaired since a date, and which object waited longest for a verification.
 *
 * @param location          the location's name
 * @param type              its type ({@code filesystem}, {@code s3}), or null if no longer configured
 * @param description       where it keeps its objects, or null if no longer configured
 * @param objects           replicas registered in it
 * @param bytes             their total size
 * @param allVerifiedSince  the oldest last verification among its replicas: every replica was verified (or written
 *                          and read back) since then; null if it holds nothing
 * @param since             the start of the period the event counts cover
 * @param failures          fixity failures found since then
 * @param repairs           successful repairs since then
 * @param repairFailures    failed repairs since then
 * @param unresolved        replicas whose latest audit event is a failure: missing or damaged now
 * @param oldestKey         the key of the replica verified longest ago, or null
 * @param oldestVerifiedAt  when it was last verified, or null
 */
public record LocationReport(String location, String type, String description, long objects, long bytes,
                             Instant allVerifiedSince, Instant since, long failures, long repairs, long repairFailures,
                             long unresolved, String oldestKey, Instant oldestVerifiedAt) {
}
