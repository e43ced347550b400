package ru.journalarchive.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import ru.journalarchive.audit.AuditLog;
import ru.journalarchive.audit.AuditMode;

/**
 * Runs {@code fixityAuditJob} in a mode: resumes the last run of that mode if it did not complete, otherwise starts
 * a new one (each run is a new generation: audits repeat for ever).
 */
@Component
public class FixityAuditLauncher {

    private final JobRuns runs;
    private final Job job;
    private final AuditLog auditLog;

    FixityAuditLauncher(JobRuns runs, @Qualifier(FixityAuditJobConfiguration.JOB_NAME) Job job, AuditLog auditLog) {
        this.runs = runs;
        this.job = job;
        this.auditLog = auditLog;
    }

    /**
     * Audits the replicas synchronously.
     *
     * @param startedBy who started it, recorded as the agent of the events (e.g. the operating-system user of the
     *                  CLI), or null for the job itself (a scheduled run)
     */
    public AuditRun audit(AuditMode mode, String startedBy) {
        long generation = runs.currentGeneration(job, g -> parameters(mode, g, null));
        String agent = FixityAuditJobConfiguration.JOB_AGENT + (startedBy == null ? "" : " (" + startedBy + ")");
        JobParameters parameters = parameters(mode, generation, agent);
        JobRun run = runs.startOrResume(job, parameters);
        String runId = FixityAuditJobConfiguration.runId(runs.instance(job, parameters).getInstanceId());
        return new AuditRun(run, runId, auditLog.summary(runId));
    }

    private static JobParameters parameters(AuditMode mode, long generation, String agent) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(FixityAuditJobConfiguration.MODE, mode.code())
                .addLong(FixityAuditJobConfiguration.GENERATION, generation);
        if (agent != null) {
            builder.addString(FixityAuditJobConfiguration.AGENT, agent, false); // not identifying
        }
        return builder.toJobParameters();
    }
}
