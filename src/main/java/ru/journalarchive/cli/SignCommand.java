package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.journalarchive.archiving.DocumentSigner;
import ru.journalarchive.jobs.DirectorSignLauncher;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocations;

/**
 * {@code sign [filters]}: signs every unsigned archived document of the selection with the server's token (the
 * director's PKCS#11 token or PKCS#12 file, or the demo key), showing progress; exit 1 if the job failed (run it
 * again to resume: nothing is signed twice).
 */
@Component
@Command(name = "sign", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli",
        subcommands = {SignPrepareCommand.class, SignOfflineCommand.class, SignCompleteCommand.class})
class SignCommand implements Callable<Integer> {

    @Mixin
    DocumentFilter filter;

    private final DirectorSignLauncher launcher;
    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final Messages messages;
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean active;

    SignCommand(DirectorSignLauncher launcher, DocumentRegistry registry, StorageLocations locations,
            Messages messages) {
        this.launcher = launcher;
        this.registry = registry;
        this.locations = locations;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        done.set(0);
        active = true;
        JobRun run;
        try {
            run = launcher.sign(filter.toQuery());
        } finally {
            active = false;
        }
        System.out.println(messages.get("sign.summary", done.get()));
        for (ArchivedDocument document : registry.list(filter.toQuery())) {
            document.object(ArchivedDocument.ROLE_SIGNED_PDF).flatMap(o -> o.replicas().stream().findFirst())
                    .ifPresent(r -> System.out.println("  " + messages.get("sign.pdf", document.className(),
                            document.periodId(), locations.get(r.location()).describe(r.key()))));
        }
        if (!run.completed()) {
            System.err.println(messages.get("sign.failed", run.status()));
            run.failures().forEach(f -> System.err.println("  " + f));
            return 1;
        }
        return 0;
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
