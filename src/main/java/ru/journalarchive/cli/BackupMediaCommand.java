package ru.journalarchive.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import ru.journalarchive.backup.BackupMedia;
import ru.journalarchive.backup.BackupMedium;

/** {@code backup media}: the register of backup media, each with its log of use. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "media", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class BackupMediaCommand implements Callable<Integer> {

    private final BackupMedia media;
    private final Messages messages;

    BackupMediaCommand(BackupMedia media, Messages messages) {
        this.media = media;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        List<BackupMedium> all = media.list();
        for (BackupMedium m : all) {
            System.out.println(messages.get("backup.media.line", m.id(), messages.get("backup.type." + m.type().code()),
                    m.contents(), m.objectCount(), String.format(java.util.Locale.ROOT, "%.1f", m.sizeBytes() / 1e6),
                    m.writtenBy(), BackupCommand.shown(m.writtenAt()), BackupCommand.shown(m.keptAt()),
                    BackupCommand.shown(m.handedToDirectorAt())));
            String state = m.currentUse().map(u -> messages.get("backup.media.out", u.issuedTo()))
                    .orElse(messages.get("backup.media.in"));
            System.out.println("    " + state);
            for (BackupMedium.Use u : m.uses()) {
                System.out.println("    " + messages.get("backup.media.use", BackupCommand.shown(u.issuedAt()),
                        u.issuedTo(), u.purpose(), u.recordedBy(), BackupCommand.shown(u.returnedAt()),
                        BackupCommand.shown(u.returnRecordedBy())));
            }
        }
        System.out.println(messages.get("backup.media.total", all.size()));
        return 0;
    }
}
