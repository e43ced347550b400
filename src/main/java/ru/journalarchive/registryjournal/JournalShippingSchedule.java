package ru.journalarchive.registryjournal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ships the registry journal every few seconds while {@code serve} runs (the web interface and API change the registry
 * too: searches, holds, paper steps, accounts), so a lost database loses at most those seconds.
 */
@Component
@ConditionalOnWebApplication
class JournalShippingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JournalShippingSchedule.class);
    static final long SECONDS = 5;

    private final RegistryJournal journal;
    private ScheduledExecutorService executor;
    private boolean failing;

    JournalShippingSchedule(RegistryJournal journal) {
        this.journal = journal;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "registry-journal");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::ship, SECONDS, SECONDS, TimeUnit.SECONDS);
    }

    private void ship() {
        ShipResult result = journal.ship();
        if (!result.complete() && !failing) {
            log.error("Registry journal not shipped to every location: {}", result.failures());
        } else if (result.complete() && failing) {
            log.warn("Registry journal shipped again to every location");
        }
        failing = !result.complete();
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            journal.ship(); // what the last seconds recorded
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
