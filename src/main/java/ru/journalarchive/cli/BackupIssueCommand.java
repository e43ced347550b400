package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.backup.BackupException;
import ru.journalarchive.backup.BackupMedia;
import ru.journalarchive.backup.BackupMedium;

/** {@code backup issue --medium ID --to NAME --purpose TEXT}: records that a medium was issued to someone. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "issue", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class BackupIssueCommand implements Callable<Integer> {

    @Option(names = "--medium", required = true, descriptionKey = "backup.medium")
    String medium;
    @Option(names = "--to", required = true, descriptionKey = "backup.issue.to")
    String to;
    @Option(names = "--purpose", required = true, descriptionKey = "backup.issue.purpose")
    String purpose;
    @Option(names = "--by", descriptionKey = "backup.by")
    String by;

    private final BackupMedia media;
    private final Messages messages;

    BackupIssueCommand(BackupMedia media, Messages messages) {
        this.media = media;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try {
            BackupMedium issued = media.issue(medium, to, purpose, by == null ? BackupCommand.currentUser() : by);
            BackupMedium.Use use = issued.currentUse().orElseThrow();
            System.out.println(messages.get("backup.issue.done", issued.id(), use.issuedTo(), use.purpose(),
                    BackupCommand.shown(use.issuedAt())));
            return 0;
        } catch (BackupException e) {
            return BackupCommand.refused(messages, e);
        }
    }
}
