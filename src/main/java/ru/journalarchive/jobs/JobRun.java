package ru.journalarchive.jobs;

import java.util.List;

/**
 * How a run of a job ended: its execution id, batch status, exit code, whether it was a restart, and the failures.
 */
public record JobRun(long executionId, String status, String exitCode, boolean restarted, boolean alreadyComplete,
                     List<String> failures) {

    /** Whether the job completed. */
    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
