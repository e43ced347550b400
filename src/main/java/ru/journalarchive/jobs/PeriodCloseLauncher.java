package ru.journalarchive.jobs;

import java.util.UUID;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs {@code periodCloseJob} for an import: starts it, or restarts the failed or crashed execution so that only
 * unfinished classes are closed, or reports that the import's close already completed.
 */
@Component
public class PeriodCloseLauncher {

    private final JobRuns runs;
    private final Job job;

    PeriodCloseLauncher(JobRuns runs, @Qualifier(PeriodCloseJobConfiguration.JOB_NAME) Job job) {
        this.runs = runs;
        this.job = job;
    }

    /** Closes every class of an import (synchronously), resuming an earlier failed or crashed run. */
    public JobRun close(UUID importId) {
        return runs.startOrResume(job, new JobParametersBuilder()
                .addString(PeriodCloseJobConfiguration.IMPORT_ID, importId.toString())
                .toJobParameters());
    }
}
