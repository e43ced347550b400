package ru.journalarchive.jobs;

import java.util.UUID;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import ru.journalarchive.registry.CloseOverrides;

/**
 * Runs {@code periodCloseJob} for an import: starts it, or restarts the failed or crashed execution so that only
 * unfinished classes are closed, or reports that the import's close already completed. A class refused as incomplete
 * and then overridden by a deputy is closed by the import's next generation (a new job instance: the first has only
 * the import's id, later ones add a generation number, and only they list just the refused classes).
 */
@Component
public class PeriodCloseLauncher {

    private final JobRuns runs;
    private final Job job;
    private final CloseOverrides overrides;

    PeriodCloseLauncher(JobRuns runs, @Qualifier(PeriodCloseJobConfiguration.JOB_NAME) Job job,
            CloseOverrides overrides) {
        this.runs = runs;
        this.job = job;
        this.overrides = overrides;
    }

    /**
     * Closes every class of an import (synchronously), resuming an earlier failed or crashed run; once that has
     * completed, closes by a new generation the classes overridden since, or reports the close as complete.
     */
    public JobRun close(UUID importId) {
        long generation = runs.currentGeneration(job, g -> parameters(importId, g));
        boolean previousCompleted = generation > 1 && runs.instance(job, parameters(importId, generation)) == null;
        if (previousCompleted && !overrides.awaitingClose(importId)) {
            return runs.startOrResume(job, parameters(importId, generation - 1)); // reported as already complete
        }
        return runs.startOrResume(job, parameters(importId, generation));
    }

    private static JobParameters parameters(UUID importId, long generation) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(PeriodCloseJobConfiguration.IMPORT_ID, importId.toString());
        if (generation > 1) {
            builder.addLong(PeriodCloseJobConfiguration.GENERATION, generation);
        }
        return builder.toJobParameters();
    }
}
