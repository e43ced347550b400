package ru.journalarchive.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.retention.RetentionEvents;

/** {@code retention events [--since DATE]}: the retention event log (terms changed, holds, reviews), oldest first. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "events", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class RetentionEventsCommand implements Callable<Integer> {

    @Option(names = "--since", descriptionKey = "retention.events.since")
    LocalDate since;

    private final RetentionEvents events;
    private final Messages messages;

    RetentionEventsCommand(RetentionEvents events, Messages messages) {
        this.events = events;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        var list = events.since(since == null ? null : since.atStartOfDay(ZoneId.systemDefault()).toInstant());
        for (RetentionEvents.Event e : list) {
            System.out.println(messages.get("retention.events.line", BackupCommand.shown(e.occurredAt()),
                    messages.get("retention.event." + e.type()), e.agent(), e.detail(),
                    e.documentId() == null ? "" : " [" + e.documentId() + "]"));
        }
        System.out.println(messages.get("retention.events.total", list.size()));
        return 0;
    }
}
