package ru.journalarchive.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.backup.BackupException;
import ru.journalarchive.backup.BackupRestorer;
import ru.journalarchive.backup.RestoreResult;

/**
 * {@code restore --from DIR --to LOCATION}: rebuilds a lost storage location from a backup bag, checking every object
 * against the registry; exit 1 if some object could not be restored.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "restore", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class RestoreCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, descriptionKey = "restore.from")
    Path from;
    @Option(names = "--to", required = true, descriptionKey = "restore.to")
    String to;

    private final BackupRestorer restorer;
    private final Messages messages;

    RestoreCommand(BackupRestorer restorer, Messages messages) {
        this.restorer = restorer;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        RestoreResult result;
        try {
            result = restorer.restore(from, to);
        } catch (BackupException e) {
            return BackupCommand.refused(messages, e);
        }
        System.out.println(messages.get("restore.summary", result.location(), result.restored(),
                result.alreadyPresent(), result.unknown().size(), result.damaged().size(), result.conflicts().size()));
        result.unknown().forEach(p -> System.out.println("  " + messages.get("restore.unknown", p)));
        result.damaged().forEach(p -> System.err.println("  " + messages.get("restore.damaged", p)));
        result.destroyed().forEach(d -> System.err.println("  " + messages.get("restore.destroyed", d.path(),
                d.actNumber(), ActCommand.shown(d.destroyedAt()))));
        result.conflicts().forEach(k -> System.err.println("  " + messages.get("restore.conflict", k, to)));
        if (!result.complete()) {
            System.err.println(messages.get("restore.incomplete"));
            return 1;
        }
        System.out.println(messages.get("restore.done", to));
        return 0;
    }
}
