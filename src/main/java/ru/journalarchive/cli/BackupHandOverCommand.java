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

/** {@code backup hand-over --medium ID}: records that a medium was handed to the director. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "hand-over", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class BackupHandOverCommand implements Callable<Integer> {

    @Option(names = "--medium", required = true, descriptionKey = "backup.medium")
    String medium;

    private final BackupMedia media;
    private final Messages messages;

    BackupHandOverCommand(BackupMedia media, Messages messages) {
        this.media = media;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try {
            BackupMedium handed = media.handOver(medium);
            System.out.println(messages.get("backup.handOver.done", handed.id(),
                    BackupCommand.shown(handed.handedToDirectorAt())));
            return 0;
        } catch (BackupException e) {
            return BackupCommand.refused(messages, e);
        }
    }
}
