package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.disposition.Cancellation;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;

/**
 * {@code act cancel --act … --reason TEXT --by NAME}: cancels a draft or an agreed act, recorded with who, when and
 * why; exit 2 (the field named) for an approved or executed act, an unknown act or a blank reason.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "cancel", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition2")
class ActCancelCommand implements Callable<Integer> {

    @Option(names = "--act", required = true, descriptionKey = "act.act")
    String act;
    @Option(names = "--reason", required = true, descriptionKey = "act.cancelReason")
    String reason;
    @Option(names = "--by", required = true, descriptionKey = "act.cancelBy")
    String by;

    private final DestructionActs acts;
    private final Messages messages;

    ActCancelCommand(DestructionActs acts, Messages messages) {
        this.acts = acts;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        return ActCommand.refusing(() -> {
            DestructionAct cancelled = acts.cancel(act, reason, by);
            Cancellation c = acts.cancellation(cancelled.id()).orElseThrow();
            System.out.println(messages.get("act.cancelled", cancelled.number(), c.by(), ActCommand.shown(c.at()),
                    c.reason()));
            return 0;
        });
    }
}
