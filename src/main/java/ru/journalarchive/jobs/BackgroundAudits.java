package ru.journalarchive.jobs;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import ru.journalarchive.audit.AuditLog;
import ru.journalarchive.audit.AuditMode;
import ru.journalarchive.audit.AuditSummary;

/**
 * Runs {@code fixityAuditJob} in the background for the web interface ({@link FixityAuditLauncher}), one run at a
 * time, and tells how far the running one is: the replicas checked so far by its run.
 */
@Component
public class BackgroundAudits {

    private static final Logger log = LoggerFactory.getLogger(BackgroundAudits.class);

    private final FixityAuditLauncher launcher;
    private final JobRepository repository;
    private final AuditLog auditLog;
    private final AtomicReference<State> state = new AtomicReference<>(new State(false, null, null, null, null));
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "background-audit");
        t.setDaemon(true);
        return t;
    });

    BackgroundAudits(FixityAuditLauncher launcher, JobRepository repository, AuditLog auditLog) {
        this.launcher = launcher;
        this.repository = repository;
        this.auditLog = auditLog;
    }

    /**
     * The background audit of this process.
     *
     * @param running   true while queued or running
     * @param startedAt when it was asked, or null if none was
     * @param startedBy who asked
     * @param last      how the last one ended, or null
     * @param error     why the last one could not run, or null
     */
    public record State(boolean running, Instant startedAt, String startedBy, AuditRun last, String error) {
    }

    /** Where the running audit is: its run id and totals so far, if one is running. */
    public record Progress(String run, AuditSummary summary) {
    }

    /** Queues an audit; false if one is already queued or running. */
    public boolean start(AuditMode mode, String startedBy) {
        State current = state.get();
        if (current.running()
                || !state.compareAndSet(current, new State(true, Instant.now(), startedBy, current.last(), null))) {
            return false;
        }
        executor.submit(() -> {
            try {
                AuditRun run = launcher.audit(mode, startedBy);
                log.info("Background audit {}: {}, unresolved {}", run.run(), run.job().status(),
                        run.summary().unresolved());
                state.set(new State(false, state.get().startedAt(), startedBy, run, null));
            } catch (RuntimeException e) {
                log.warn("Background audit failed: {}", e.getMessage());
                state.set(new State(false, state.get().startedAt(), startedBy, state.get().last(), e.getMessage()));
            }
        });
        return true;
    }

    /** The state of the background audit. */
    public State state() {
        return state.get();
    }

    /** The progress of the audit running now (in this process or any), if one is. */
    public Optional<Progress> progress() {
        return repository.findRunningJobExecutions(FixityAuditJobConfiguration.JOB_NAME).stream()
                .map(JobExecution::getJobInstanceId).max(Long::compare)
                .map(FixityAuditJobConfiguration::runId)
                .map(run -> new Progress(run, auditLog.summary(run)));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
