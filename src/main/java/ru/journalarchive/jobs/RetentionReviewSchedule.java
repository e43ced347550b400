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
    private ThreadPoolTaskScheduler scheduler;

    RetentionReviewSchedule(RetentionReviewLauncher launcher, RetentionProperties properties) {
        this.launcher = launcher;
        this.properties = properties;
    }

    /** Starts the schedule (once); returns the next run, or empty if the schedule is off. */
    public synchronized Optional<LocalDateTime> start() {
        CronExpression cron = properties.reviewSchedule();
        if (cron == null) {
            return Optional.empty();
        }
        if (scheduler == null) {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("retention-review-");
            scheduler.setDaemon(true);
            scheduler.initialize();
            scheduler.schedule(this::runOnce, new CronTrigger(properties.reviewCron()));
        }
        return Optional.ofNullable(cron.next(LocalDateTime.now()));
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
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }
}
