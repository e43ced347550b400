package ru.journalarchive.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import ru.journalarchive.backup.BackupVerifier;
import ru.journalarchive.backup.BagReport;

/**
 * {@code backup verify DIR}: checks a bag (manifests, Payload-Oxum, no missing or extra files) and compares it with
 * the registry; exit 1 and a report naming each problem.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "verify", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class BackupVerifyCommand implements Callable<Integer> {

    static final int DAMAGED = 1;

    @Parameters(index = "0", descriptionKey = "backup.bag")
    Path bag;

    private final BackupVerifier verifier;
    private final Messages messages;

    BackupVerifyCommand(BackupVerifier verifier, Messages messages) {
        this.verifier = verifier;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        BagReport report = verifier.verify(bag);
        System.out.println(messages.get("backup.verify.summary", bag.toAbsolutePath().normalize(),
                BackupCommand.shown(report.mediumId()), report.payloadFiles(),
                String.format(java.util.Locale.ROOT, "%.1f", report.payloadBytes() / 1e6)));
        if (report.clean()) {
            System.out.println(messages.get("backup.verify.clean"));
            return 0;
        }
        System.err.println(messages.get("backup.verify.problems", report.problems().size()));
        for (BagReport.Problem p : report.problems()) {
            System.err.println("  " + messages.get("backup.verify.problem." + p.kind().name(), p.path(),
                    BackupCommand.shown(p.expected()), BackupCommand.shown(p.actual())));
        }
        return DAMAGED;
    }
}
