package ru.journalarchive.jobs;

import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ru.journalarchive.retention.RetentionProperties;

/**
 * Runs {@code retentionReviewJob} for the current year on {@code archive.retention.review-cron} (each January by
 * default) while the service runs; {@code serve} calls {@link #start()}.
 */
@Component
public class RetentionReviewSchedule implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionReviewSchedule.class);

    private final RetentionReviewLauncher launcher;
    private final RetentionProperties properties;
    private final CronRunner runner = new CronRunner("retention-review-");

    RetentionReviewSchedule(RetentionReviewLauncher launcher, RetentionProperties properties) {
        this.launcher = launcher;
        this.properties = properties;
    }

    /** Starts the schedule (once); returns the next run, or empty if the schedule is off. */
    public Optional<LocalDateTime> start() {
        return runner.start(properties.reviewSchedule(), properties.reviewCron(), this::runOnce);
    }

    /** The configured cron expression. */
    public String cron() {
        return properties.reviewCron();
    }

    private void runOnce() {
        try {
            JobRun run = launcher.review(null, null, "расписание (archive.retention.review-cron)");
            log.info("Scheduled retention review: {}", run.status());
        } catch (RuntimeException e) {
            log.error("Scheduled retention review failed: {}", e.toString(), e);
        }
    }

    @Override
    public void destroy() {
        runner.stop();
    }
}
