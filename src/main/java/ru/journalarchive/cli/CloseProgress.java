package ru.journalarchive.cli;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.ClassClosed;
import ru.journalarchive.archiving.ClassCloseResult;

/**
 * Prints one line per class as the close progresses («[3/40] 5А — закрыт, 48 листов»).
 */
@Component
class CloseProgress {

    private final Messages messages;
    private final AtomicInteger done = new AtomicInteger();
    private volatile UUID importId;
    private volatile int total;

    CloseProgress(Messages messages) {
        this.messages = messages;
    }

    void start(UUID importId, int total) {
        this.importId = importId;
        this.total = total;
        done.set(0);
    }

    void stop() {
        this.importId = null;
    }

    @EventListener
    void on(ClassClosed event) {
        if (!event.importId().equals(importId)) {
            return;
        }
        ClassCloseResult r = event.result();
        String line = messages.get("progress.line", done.incrementAndGet(), total, r.className(),
                messages.get("status." + r.status().name()), r.pageCount());
        synchronized (System.out) {
            System.out.println(line);
        }
    }
}
