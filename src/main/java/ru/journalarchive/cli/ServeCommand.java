package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.jobs.FixityAuditSchedule;
import ru.journalarchive.jobs.InboxPoller;
import ru.journalarchive.jobs.RetentionReviewSchedule;

/**
 * {@code serve}: runs as a service, polling the inbox folder on its schedule and running the fixity audit on
 * {@code archive.audit.cron} and the annual retention review on {@code archive.retention.review-cron}, until stopped
 * (Ctrl+C).
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "serve", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class ServeCommand implements Callable<Integer> {

    private final InboxPoller inbox;
    private final Messages messages;
    private final FixityAuditSchedule audits;
    private final RetentionReviewSchedule reviews;

    @Option(names = "--demo", descriptionKey = "serve.demo")
    boolean demo;

    private final org.springframework.context.ApplicationContext context;
    private final DemoData demoData;

    ServeCommand(InboxPoller inbox, Messages messages, FixityAuditSchedule audits, RetentionReviewSchedule reviews,
            org.springframework.context.ApplicationContext context, DemoData demoData) {
        this.context = context;
        this.demoData = demoData;
        this.inbox = inbox;
        this.messages = messages;
        this.audits = audits;
        this.reviews = reviews;
    }

    /** Sets up the demo school, closed and signed, and prints the demo users with their passwords. */
    private void demo(String port) {
        System.out.println(messages.get("serve.demo.preparing", DemoData.EXAMPLE));
        DemoData.Demo set = demoData.setUp();
        boolean ok = set.close().completed() && set.sign().completed();
        System.out.println(messages.get(ok ? "serve.demo.ready" : "serve.demo.failed", set.close().status(),
                set.sign().status()));
        System.out.println(messages.get("serve.demo.users"));
        for (DemoData.DemoUser user : set.users()) {
            System.out.println(messages.get("serve.demo.user", String.format("%-15s", user.login()),
                    String.format("%-22s", messages.get("web.role." + user.role().name())), user.password()));
        }
        System.out.println(messages.get("serve.demo.upload", set.toUpload()));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!inbox.enabled()) {
            System.err.println(messages.get("serve.inboxDisabled"));
            return 1;
        }
        String port = context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext web
                ? String.valueOf(web.getWebServer().getPort()) : null;
        if (demo) {
            demo(port);
        }
        System.out.println(messages.get("serve.started", inbox.directory().toAbsolutePath(),
                inbox.pollInterval().toSeconds()));
        // The web interface and the REST API: the embedded web server JournalArchiveApplication starts for `serve` only.
        if (port != null) {
            System.out.println(messages.get("serve.web", context.getEnvironment().getProperty("server.address"), port));
        }
        // The fixity audit runs on its own thread on archive.audit.cron while the service runs.
        System.out.println(audits.start().map(next -> messages.get("serve.audit", audits.cron(), next))
                .orElseGet(() -> messages.get("serve.auditOff")));
        // The annual retention review runs on archive.retention.review-cron (each January by default).
        System.out.println(reviews.start().map(next -> messages.get("serve.review", reviews.cron(), next))
                .orElseGet(() -> messages.get("serve.reviewOff")));
        if (demo && port != null) {
            System.out.println(messages.get("serve.demo.open", port));
        }
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (InboxPoller.InboxOutcome outcome : inbox.pollOnce()) {
                    System.out.println(messages.get("serve.outcome." + outcome.kind().name(), outcome.file(),
                            outcome.movedTo()));
                }
            } catch (RuntimeException e) {
                // The inbox folder itself is unreadable or the database is away: say so and try again next time.
                System.err.println(messages.get("serve.pollFailed", String.valueOf(e.getMessage())));
            }
            Thread.sleep(inbox.pollInterval().toMillis());
        }
        return 0;
    }
}
