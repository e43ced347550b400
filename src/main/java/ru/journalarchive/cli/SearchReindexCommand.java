package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import ru.journalarchive.search.ArchiveSearch;

/** {@code search reindex}: indexes every class journal of the registry that is not in the search index yet. */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "reindex", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-search")
class SearchReindexCommand implements Callable<Integer> {

    private final ArchiveSearch search;
    private final Messages messages;

    SearchReindexCommand(ArchiveSearch search, Messages messages) {
        this.search = search;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        long[] indexed = search.reindex();
        System.out.println(messages.get("search.reindexed", indexed[0], indexed[1]));
        return 0;
    }
}
