package ru.journalarchive.cli;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.journalarchive.disposition.DocumentDestroyed;

/**
 * Prints one line per document as {@code act execute} destroys them («[3/40] акт № 1/2026: документ … уничтожен,
 * записей в справке: 4»), counting the documents an earlier, interrupted run already destroyed.
 */
@Component
class DispositionProgress {

    private final Messages messages;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile boolean active;

    DispositionProgress(Messages messages) {
        this.messages = messages;
    }

    void start(int alreadyDestroyed, int documents) {
        done.set(alreadyDestroyed);
        total = documents;
        active = true;
    }

    void stop() {
        active = false;
    }

    /** After the document's chunk committed: a printed line means its tombstone is durable. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DocumentDestroyed event) {
        if (!active) {
            return;
        }
        String line = messages.get("act.execute.line", String.valueOf(done.incrementAndGet()), String.valueOf(total),
                event.actNumber(), event.documentId().toString(), String.valueOf(event.entries()));
        synchronized (System.out) {
            System.out.println(line);
        }
    }
}
