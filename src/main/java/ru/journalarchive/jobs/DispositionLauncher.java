package ru.journalarchive.jobs;

import java.util.UUID;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import ru.journalarchive.disposition.ActStatus;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.Disposition;
import ru.journalarchive.disposition.DispositionException;

/**
 * Runs {@code dispositionJob} for one act: refuses an act that is not approved (or already executing, to resume it)
 * before anything starts; resumes a failed or killed run of the same act.
 */
@Component
public class DispositionLauncher {

    private final JobRuns runs;
    private final Job job;
    private final Disposition disposition;

    DispositionLauncher(JobRuns runs, @Qualifier(DispositionJobConfiguration.JOB_NAME) Job job,
            Disposition disposition) {
        this.runs = runs;
        this.job = job;
        this.disposition = disposition;
    }

    /**
     * Executes the act (synchronously).
     *
     * @throws DispositionException if the act is neither approved nor executing (a draft, an agreed act …)
     */
    public JobRun execute(UUID actId, String by) {
        DestructionAct act = disposition.act(actId);
        if (act.status() != ActStatus.APPROVED && act.status() != ActStatus.EXECUTING
                && act.status() != ActStatus.EXECUTED) {
            disposition.begin(actId, by); // throws the Russian refusal
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(DispositionJobConfiguration.ACT, actId.toString())
                .addString(DispositionJobConfiguration.BY, by, false)
                .toJobParameters();
        return runs.startOrResume(job, parameters);
    }
}
