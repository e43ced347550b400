/**
 * Fixity audit: re-hashes every replica in its location, repairs a missing or damaged one from a verified healthy
 * copy, records every check, failure and repair as an insert-only audit event (PREMIS-like), and reports per
 * location what IT must be able to show: objects, bytes, last full verification, failures, repairs, the oldest
 * unverified object. The job that runs it on a schedule lives in {@code jobs} ({@code fixityAuditJob}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fixity audit")
package ru.journalarchive.audit;
