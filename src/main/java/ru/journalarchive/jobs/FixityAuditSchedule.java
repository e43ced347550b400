package ru.journalarchive.jobs;

import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import ru.journalarchive.audit.AuditProperties;

/**
 * Runs {@code fixityAuditJob} on {@code archive.audit.cron} (in {@code archive.audit.scheduled-mode}) while the
 * service runs: {@code serve} calls {@link #start()}; one-off commands never start it, so an audit never runs
 * inside a CLI command by surprise. A run still going when the next one is due delays it; it never overlaps.
 */
@Component
public class FixityAuditSchedule implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FixityAuditSchedule.class);

    private final FixityAuditLauncher launcher;
    private final AuditProperties properties;
    private ThreadPoolTaskScheduler scheduler;

    FixityAuditSchedule(FixityAuditLauncher launcher, AuditProperties properties) {
        this.launcher = launcher;
        this.properties = properties;
    }

    /** Starts the schedule (once); returns the next run, or empty if {@code archive.audit.cron} is {@code -}. */
    public synchronized Optional<LocalDateTime> start() {
        CronExpression cron = properties.schedule();
        if (cron == null) {
            return Optional.empty();
        }
        if (scheduler == null) {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("fixity-audit-");
            scheduler.setDaemon(true);
            scheduler.initialize();
            scheduler.schedule(this::runOnce, new CronTrigger(properties.cron()));
        }
        return Optional.ofNullable(cron.next(LocalDateTime.now()));
    }

    /** The configured cron expression. */
    public String cron() {
        return properties.cron();
    }

    private void runOnce() {
        try {
            AuditRun run = launcher.audit(properties.scheduledMode(), null);
            log.info("Scheduled {} {}: {} (checked {}, failures {}, repaired {}, still damaged {})",
                    properties.scheduledMode().code(), run.run(), run.job().status(), run.summary().checked(),
                    run.summary().failures(), run.summary().repaired(), run.summary().unresolved());
        } catch (RuntimeException e) {
            log.error("Scheduled fixity audit failed: {}", e.toString(), e);
        }
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }
}
