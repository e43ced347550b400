package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "sign", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli",
        subcommands = {SignPrepareCommand.class, SignOfflineCommand.class, SignCompleteCommand.class})
class SignCommand implements Callable<Integer> {

    @Mixin
    DocumentFilter filter;

    private final DirectorSignLauncher launcher;
    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final Messages messages;
    private final SignProgress progress;

    SignCommand(DirectorSignLauncher launcher, DocumentRegistry registry, StorageLocations locations,
            Messages messages, SignProgress progress) {
        this.progress = progress;
        this.launcher = launcher;
        this.registry = registry;
        this.locations = locations;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        progress.start();
        JobRun run;
        int done;
        try {
            run = launcher.sign(filter.toQuery());
        } finally {
            done = progress.stop();
        }
        System.out.println(messages.get("sign.summary", done));
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

}
