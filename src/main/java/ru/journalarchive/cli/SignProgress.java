package ru.journalarchive.cli;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.DocumentSigner;

/**
 * Prints one line per document as the signing progresses («[3] 5А (Q2) — подписан»).
 */
@Component
class SignProgress {

    private final Messages messages;
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean active;

    SignProgress(Messages messages) {
        this.messages = messages;
    }

    void start() {
        done.set(0);
        active = true;
    }

    int stop() {
        active = false;
        return done.get();
    }

    @EventListener
    void on(DocumentSigner.DocumentSigned event) {
        if (!active) {
            return;
        }
        String line = messages.get("sign.line", done.incrementAndGet(), event.className(), event.periodId(),
                messages.get("sign.outcome." + event.outcome().name()));
        synchronized (System.out) {
            System.out.println(line);
        }
    }
}
