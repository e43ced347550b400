package ru.journalarchive.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.registryjournal.JournalTexts;
import ru.journalarchive.search.ArchiveSearch;
import ru.journalarchive.registryjournal.RebuildResult;
import ru.journalarchive.registryjournal.RegistryRebuild;
import ru.journalarchive.registryjournal.RegistryRebuildException;

/**
 * {@code registry rebuild --from LOCATION}: rebuilds a lost (empty) database from one storage location's registry
 * journal and prints the rows restored per table; the start-up identity check is skipped for this command only.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "rebuild", mixinStandardHelpOptions = true, resourceBundle = "i18n.registry-journal")
class RegistryRebuildCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, descriptionKey = "cli.rebuild.from")
    String from;

    private final RegistryRebuild rebuild;
    private final ArchiveSearch search;

    RegistryRebuildCommand(RegistryRebuild rebuild, ArchiveSearch search) {
        this.rebuild = rebuild;
        this.search = search;
    }

    @Override
    public Integer call() {
        RebuildResult result;
        try {
            result = rebuild.rebuild(from);
        } catch (IllegalArgumentException e) {
            System.err.println(JournalTexts.get("cli.rebuild.unknown-location", from, e.getMessage()));
            return 2;
        } catch (RegistryRebuildException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            System.err.println(JournalTexts.get("cli.rebuild.unreadable", from, e.getMessage()));
            return 1;
        }
        System.out.println(JournalTexts.get("cli.rebuild.done", result.registryId().toString(), from,
                String.valueOf(result.segments()), String.valueOf(result.entries())));
        for (Map.Entry<String, Long> table : result.rowsPerTable().entrySet()) {
            if (table.getValue() > 0) {
                System.out.println(JournalTexts.get("cli.rebuild.table", table.getKey(),
                        String.valueOf(table.getValue())));
            }
        }
        System.out.println(JournalTexts.get("cli.rebuild.contents", String.valueOf(result.contentsRestored()),
                String.valueOf(result.contentsDestroyed())));
        // The search index is not journaled (it holds names a destruction act must take away): rebuilt from the
        // restored journals and statements, as `search reindex` does.
        long[] indexed = search.reindex();
        System.out.println(JournalTexts.get("cli.rebuild.reindexed", String.valueOf(indexed[0]),
                String.valueOf(indexed[1])));
        System.out.println(JournalTexts.get("cli.rebuild.next"));
        return 0;
    }
}
