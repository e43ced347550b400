package ru.journalarchive.jobs;

import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs one task on a cron expression on its own daemon thread, started once and stopped with the application: the
 * machinery the service's schedules (fixity audit, retention review) share. A run still going when the next is due
 * delays it; runs never overlap.
 */
final class CronRunner {

    private final String threadPrefix;
    private ThreadPoolTaskScheduler scheduler;

    CronRunner(String threadPrefix) {
        this.threadPrefix = threadPrefix;
    }

    /** Starts the task on the expression (once); returns the next run, or empty if {@code cron} is null (off). */
    synchronized Optional<LocalDateTime> start(CronExpression cron, String expression, Runnable task) {
        if (cron == null) {
            return Optional.empty();
        }
        if (scheduler == null) {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix(threadPrefix);
            scheduler.setDaemon(true);
            scheduler.initialize();
            scheduler.schedule(task, new CronTrigger(expression));
        }
        return Optional.ofNullable(cron.next(LocalDateTime.now()));
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }
}
