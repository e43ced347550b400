package ru.journalarchive.jobs;

import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a job instance, or resumes it: restarts a failed execution, and first marks failed an execution that a
 * crash left running (this process holds the archive, so nothing else runs it), so only unfinished work is redone.
 */
@Component
class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    private final JobOperator operator;
    private final JobRepository repository;

    JobRuns(JobOperator operator, JobRepository repository) {
        this.operator = operator;
        this.repository = repository;
    }

    /** The instance of a job with these identifying parameters, if it was ever started. */
    JobInstance instance(Job job, JobParameters parameters) {
        return repository.getJobInstance(job.getName(), parameters);
    }

    /** The last execution of an instance. */
    JobExecution last(JobInstance instance) {
        return repository.getLastJobExecution(instance);
    }

    /**
     * The generation to run of a job that repeats (a new instance per run, told apart by a generation number): the
     * newest generation if it did not complete (it is resumed), otherwise the next one.
     */
    long currentGeneration(Job job, LongFunction<JobParameters> parametersOfGeneration) {
        long generation = 1;
        JobInstance latest = null;
        for (JobInstance instance; (instance = instance(job, parametersOfGeneration.apply(generation))) != null; ) {
            latest = instance;
            generation++;
        }
        boolean unfinished = latest != null && last(latest).getStatus() != BatchStatus.COMPLETED;
        return unfinished ? generation - 1 : generation;
    }

    /** Runs a repeating job: resumes its newest generation if it did not complete, else starts the next one. */
    JobRun startNextOrResume(Job job, LongFunction<JobParameters> parametersOfGeneration) {
        return startOrResume(job, parametersOfGeneration.apply(currentGeneration(job, parametersOfGeneration)));
    }

    /** Starts the instance, resumes it if it did not complete, or reports it as complete. */
    JobRun startOrResume(Job job, JobParameters parameters) {
        JobExecution last;
        try {
            JobInstance instance = instance(job, parameters);
            if (instance == null) {
                return result(operator.start(job, parameters), false, false);
            }
            last = last(instance);
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return result(last, false, true);
            }
        } catch (Exception e) {
            throw new IllegalStateException(job.getName() + " could not run: " + e.getMessage(), e);
        }
        return resume(last);
    }

    /**
     * Restarts the last execution of an instance that did not complete; one a crash left running is first marked
     * failed (the caller has made sure nothing runs it).
     */
    JobRun resume(JobExecution last) {
        String jobName = last.getJobInstance().getJobName();
        try {
            if (last.getStatus().isRunning()) {
                log.warn("Execution {} of {} was left running by a crash; recovering it", last.getId(), jobName);
                last = operator.recover(last);
            }
            log.info("Restarting execution {} of {}", last.getId(), jobName);
            return result(operator.restart(last), true, false);
        } catch (Exception e) {
            throw new IllegalStateException(jobName + " could not run: " + e.getMessage(), e);
        }
    }

    private static JobRun result(JobExecution execution, boolean restarted, boolean alreadyComplete) {
        List<String> failures = execution.getAllFailureExceptions().stream()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).toList();
        return new JobRun(execution.getId(), execution.getStatus().name(), execution.getExitStatus().getExitCode(),
                restarted, alreadyComplete, failures);
    }
}
