package ru.journalarchive.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs {@code replicationJob}: resumes the last run if it did not complete, otherwise starts a new one.
 */
@Component
public class ReplicationLauncher {

    private final JobRuns runs;
    private final Job job;

    ReplicationLauncher(JobRuns runs, @Qualifier(ReplicationJobConfiguration.JOB_NAME) Job job) {
        this.runs = runs;
        this.job = job;
    }

    /** Makes every missing copy (synchronously). */
    public JobRun replicate() {
        return runs.startNextOrResume(job, ReplicationLauncher::parameters);
    }

    private static JobParameters parameters(long generation) {
        return new JobParametersBuilder().addLong(ReplicationJobConfiguration.RUN, generation).toJobParameters();
    }
}
