package ru.journalarchive.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.audit.AuditEvent;
import ru.journalarchive.audit.AuditEventType;
import ru.journalarchive.audit.AuditLog;
import ru.journalarchive.audit.AuditMode;
import ru.journalarchive.jobs.AuditRun;
import ru.journalarchive.jobs.FixityAuditLauncher;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * {@code audit [--full|--rolling]}: runs {@code fixityAuditJob} now, prints each damaged replica and what was done
 * about it, and a summary; exit 1 if a replica could not be repaired or the run did not complete.
 */
@Component
@org.springframework.context.annotation.Scope("prototype") // options must not carry over between runs
@Command(name = "audit", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class AuditCommand implements Callable<Integer> {

    static final int NOT_REPAIRED = 1;

    @ArgGroup(exclusive = true)
    Scope scope;

    static class Scope {
        @Option(names = "--full", descriptionKey = "audit.full")
        boolean full;
        @Option(names = "--rolling", descriptionKey = "audit.rolling")
        boolean rolling;
    }

    private final FixityAuditLauncher launcher;
    private final AuditLog auditLog;
    private final DocumentRegistry registry;
    private final Messages messages;

    AuditCommand(FixityAuditLauncher launcher, AuditLog auditLog, DocumentRegistry registry, Messages messages) {
        this.launcher = launcher;
        this.auditLog = auditLog;
        this.registry = registry;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        AuditMode mode = scope != null && scope.rolling ? AuditMode.ROLLING : AuditMode.FULL;
        long start = System.nanoTime();
        AuditRun run = launcher.audit(mode, System.getProperty("user.name"));
        double seconds = (System.nanoTime() - start) / 1e9;
        for (AuditEvent event : auditLog.ofRun(run.run())) {
            if (event.type() == AuditEventType.FIXITY_CHECK) {
                continue;
            }
            ArchivedDocument document = registry.get(event.documentId());
            String role = document.objects().stream().filter(o -> o.id().equals(event.objectId()))
                    .map(ArchivedDocument.ArchivedObject::role).findFirst().orElse("?");
            String line = "  " + messages.get("audit.event." + event.type().code(), document.schoolId(),
                    document.academicYear(), document.periodId(), document.className(), role, event.location(),
                    event.key(), event.detail());
            (event.type() == AuditEventType.REPAIR ? System.out : System.err).println(line);
        }
        double megabytes = run.summary().bytes() / 1e6;
        System.out.println(messages.get("audit.summary", messages.get("audit.mode." + mode.code()),
                run.summary().checked(), format(megabytes), format(seconds),
                format(seconds > 0 ? megabytes / seconds : 0), run.summary().intact(), run.summary().failures(),
                run.summary().repaired(), run.summary().unresolved()));
        if (!run.job().completed()) {
            System.err.println(messages.get("audit.failed", run.job().status()));
            run.job().failures().forEach(f -> System.err.println("  " + f));
            return NOT_REPAIRED;
        }
        if (run.summary().unresolved() > 0) {
            System.err.println(messages.get("audit.unresolved", run.summary().unresolved()));
            return NOT_REPAIRED;
        }
        System.out.println(messages.get(run.summary().failures() == 0 ? "audit.clean" : "audit.allRepaired"));
        return 0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
