package ru.journalarchive.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.backup.BackupException;
import ru.journalarchive.backup.BackupMedia;
import ru.journalarchive.backup.BackupMedium;

/** {@code backup return --medium ID}: records the return of an issued medium. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "return", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class BackupReturnCommand implements Callable<Integer> {

    @Option(names = "--medium", required = true, descriptionKey = "backup.medium")
    String medium;
    @Option(names = "--by", descriptionKey = "backup.by")
    String by;

    private final BackupMedia media;
    private final Messages messages;

    BackupReturnCommand(BackupMedia media, Messages messages) {
        this.media = media;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try {
            BackupMedium returned = media.returned(medium, by == null ? BackupCommand.currentUser() : by);
            List<BackupMedium.Use> uses = returned.uses();
            BackupMedium.Use use = uses.get(uses.size() - 1);
            System.out.println(messages.get("backup.return.done", returned.id(), use.issuedTo(),
                    BackupCommand.shown(use.returnedAt())));
            return 0;
        } catch (BackupException e) {
            return BackupCommand.refused(messages, e);
        }
    }
}
