package ru.journalarchive.jobs;

import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
    private final CronRunner runner = new CronRunner("fixity-audit-");

    FixityAuditSchedule(FixityAuditLauncher launcher, AuditProperties properties) {
        this.launcher = launcher;
        this.properties = properties;
    }

    /** Starts the schedule (once); returns the next run, or empty if the schedule is off. */
    public Optional<LocalDateTime> start() {
        return runner.start(properties.schedule(), properties.cron(), this::runOnce);
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
    public void destroy() {
        runner.stop();
    }
}
