package ru.journalarchive.jobs;

import ru.journalarchive.audit.AuditSummary;

/**
 * How a run of {@code fixityAuditJob} ended: the job's outcome, the run id its audit events carry, and its totals.
 *
 * @param job     the job execution's outcome
 * @param run     the run id in the audit events, e.g. {@code fixityAuditJob#3} (the same across restarts)
 * @param summary the totals over the whole run, restarts included
 */
public record AuditRun(JobRun job, String run, AuditSummary summary) {

    /** Whether the run completed and left no replica missing or damaged. */
    public boolean clean() {
        return job.completed() && summary.unresolved() == 0;
    }
}
