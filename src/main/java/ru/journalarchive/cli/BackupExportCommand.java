package ru.journalarchive.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.journalarchive.backup.BackupException;
import ru.journalarchive.backup.BackupExporter;
import ru.journalarchive.backup.BagExport;
import ru.journalarchive.backup.ExportRequest;
import ru.journalarchive.backup.MediumType;

/**
 * {@code backup export --to DIR --medium ID --type optical|hdd|usb [filters] [--kept-at TEXT]
 * [--handed-to-director]}: writes the selection as a BagIt bag into an empty directory and registers the medium.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "export", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class BackupExportCommand implements Callable<Integer> {

    @Mixin
    DocumentFilter filter;
    @Option(names = "--to", required = true, descriptionKey = "backup.export.to")
    Path to;
    @Option(names = "--medium", required = true, descriptionKey = "backup.medium")
    String medium;
    @Option(names = "--type", required = true, descriptionKey = "backup.export.type")
    String type;
    @Option(names = "--kept-at", descriptionKey = "backup.export.keptAt")
    String keptAt;
    @Option(names = "--written-by", descriptionKey = "backup.export.writtenBy")
    String writtenBy;
    @Option(names = "--handed-to-director", descriptionKey = "backup.export.handedToDirector")
    boolean handedToDirector;

    private final BackupExporter exporter;
    private final Messages messages;

    BackupExportCommand(BackupExporter exporter, Messages messages) {
        this.exporter = exporter;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        BagExport export;
        try {
            export = exporter.export(new ExportRequest(to, medium, MediumType.of(type), filter.toQuery(), keptAt,
                    writtenBy == null || writtenBy.isBlank() ? BackupCommand.currentUser() : writtenBy.strip(),
                    handedToDirector));
        } catch (BackupException e) {
            return BackupCommand.refused(messages, e);
        }
        export.fallbacks().forEach(key -> System.out.println(messages.get("backup.export.fallback", key)));
        System.out.println(messages.get("backup.export.done", export.medium().id(), export.directory(),
                export.documents(), export.medium().objectCount(),
                String.format(java.util.Locale.ROOT, "%.1f", export.medium().sizeBytes() / 1e6),
                String.join(", ", export.schools()), String.join(", ", export.years())));
        System.out.println(messages.get("backup.export.next", export.directory()));
        return 0;
    }
}
