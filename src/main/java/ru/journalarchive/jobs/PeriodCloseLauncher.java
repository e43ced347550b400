package ru.journalarchive.jobs;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs {@code periodCloseJob} for an import: starts it, or restarts the failed or crashed execution so that only
 * unfinished classes are closed, or reports that the import's close already completed.
 */
@Component
public class PeriodCloseLauncher {

    private static final Logger log = LoggerFactory.getLogger(PeriodCloseLauncher.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;

    PeriodCloseLauncher(JobOperator operator, JobRepository repository,
            @Qualifier(PeriodCloseJobConfiguration.JOB_NAME) Job job) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
    }

    /** Closes every class of an import (synchronously), resuming an earlier failed or crashed run. */
    public JobRun close(UUID importId) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(PeriodCloseJobConfiguration.IMPORT_ID, importId.toString())
                .toJobParameters();
        try {
            JobInstance instance = repository.getJobInstance(PeriodCloseJobConfiguration.JOB_NAME, parameters);
            if (instance == null) {
                return result(operator.start(job, parameters), false, false);
            }
            JobExecution last = repository.getLastJobExecution(instance);
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return result(last, false, true);
            }
            if (last.getStatus().isRunning()) {
                // This process holds the archive (the embedded database admits one process): a running execution
                // in the repository was left by a crash. Mark it failed so that it can be restarted.
                log.warn("Execution {} of {} was left running by a crash; recovering it", last.getId(), importId);
                last = operator.recover(last);
            }
            log.info("Restarting execution {} of {} for import {}", last.getId(), job.getName(), importId);
            return result(operator.restart(last), true, false);
        } catch (Exception e) {
            throw new IllegalStateException("periodCloseJob for import " + importId + " could not run: " + e.getMessage(), e);
        }
    }

    private static JobRun result(JobExecution execution, boolean restarted, boolean alreadyComplete) {
        List<String> failures = execution.getAllFailureExceptions().stream()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).toList();
        return new JobRun(execution.getId(), execution.getStatus().name(), execution.getExitStatus().getExitCode(),
                restarted, alreadyComplete, failures);
    }
}
