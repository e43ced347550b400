package ru.journalarchive.jobs;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs an import's close ({@code periodCloseJob}, then {@code yearCloseJob} if the last period closed) in the
 * background, for the web interface and the API: one close at a time, in the order asked, each import at most once
 * at a time. Progress is read from the import's per-class status ({@code SnapshotImports}); a close interrupted by a
 * stop resumes on the next start like any other ({@link PeriodCloseLauncher}).
 */
@Component
public class BackgroundCloses {

    private static final Logger log = LoggerFactory.getLogger(BackgroundCloses.class);

    private final PeriodCloseLauncher closes;
    private final YearCloseLauncher yearCloses;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "background-close");
        t.setDaemon(true);
        return t;
    });

    BackgroundCloses(PeriodCloseLauncher closes, YearCloseLauncher yearCloses) {
        this.closes = closes;
        this.yearCloses = yearCloses;
    }

    /** Queues the close of an import; false if it is already queued or running. */
    public boolean start(UUID importId) {
        if (!queued.add(importId)) {
            return false;
        }
        executor.submit(() -> {
            try {
                JobRun run = closes.close(importId);
                log.info("Background close of import {}: {}", importId, run.status());
                if (run.completed()) {
                    yearCloses.closeIfLastPeriod(importId).ifPresent(year -> log.info(
                            "Year close after import {}: {}", importId, year.status()));
                }
            } catch (RuntimeException e) {
                log.warn("Background close of import {} failed: {}", importId, e.getMessage());
            } finally {
                queued.remove(importId);
            }
        });
        return true;
    }

    /** Whether the close of this import is queued or running in this process. */
    public boolean busy(UUID importId) {
        return queued.contains(importId);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
