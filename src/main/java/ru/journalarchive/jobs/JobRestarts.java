package ru.journalarchive.jobs;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Restarts a failed or stopped job execution in the background, for the web interface and the API, the way
 * {@link JobRuns} resumes one (an execution a crash left running is marked failed first); one restart at a time.
 */
@Component
public class JobRestarts {

    private static final Logger log = LoggerFactory.getLogger(JobRestarts.class);

    private final JobExecutions executions;
    private final JobRuns runs;
    private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "background-restart");
        t.setDaemon(true);
        return t;
    });

    JobRestarts(JobExecutions executions, JobRuns runs) {
        this.executions = executions;
        this.runs = runs;
    }

    /**
     * Where a restart asked in this process stands.
     *
     * @param running true while it is queued or running
     * @param run     how it ended, or null while running
     * @param error   why it could not run, or null
     */
    public record Outcome(boolean running, JobRun run, String error) {
    }

    /** Why a restart was refused: {@code not-found}, or a reason of {@link JobExecutions.Restartability}. */
    public static class RestartRefusedException extends RuntimeException {

        private final String reason;
        private final Long supersededBy;

        RestartRefusedException(String reason, Long supersededBy) {
            super("restart refused: " + reason);
            this.reason = reason;
            this.supersededBy = supersededBy;
        }

        /** The reason's code. */
        public String reason() {
            return reason;
        }

        /** The newer execution of the same instance, for {@code superseded}; else null. */
        public Long supersededBy() {
            return supersededBy;
        }
    }

    /**
     * Queues the restart of an execution.
     *
     * @throws RestartRefusedException if it does not exist, is being restarted already, or may not be restarted
     */
    public void start(long executionId) {
        JobExecution execution = executions.raw(executionId);
        if (execution == null) {
            throw new RestartRefusedException("not-found", null);
        }
        JobExecutions.Restartability restart = executions.restartability(execution);
        if (!restart.possible()) {
            throw new RestartRefusedException(restart.reason(), restart.supersededBy());
        }
        Outcome queued = new Outcome(true, null, null);
        Outcome previous = outcomes.putIfAbsent(executionId, queued);
        if (previous != null && previous.running()) {
            throw new RestartRefusedException("running", null);
        }
        outcomes.put(executionId, queued);
        executor.submit(() -> {
            try {
                JobRun run = runs.resume(execution);
                log.info("Restart of execution {}: execution {} {}", executionId, run.executionId(), run.status());
                outcomes.put(executionId, new Outcome(false, run, null));
            } catch (RuntimeException e) {
                log.warn("Restart of execution {} failed: {}", executionId, e.getMessage());
                outcomes.put(executionId, new Outcome(false, null, e.getMessage()));
            }
        });
    }

    /** The restart of this execution asked in this process, if any. */
    public Optional<Outcome> outcome(long executionId) {
        return Optional.ofNullable(outcomes.get(executionId));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
