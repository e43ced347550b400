package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.retention.Hold;
import ru.journalarchive.retention.Holds;

/** {@code hold list [--school S] [--all]}: the active holds (with {@code --all} the released ones too). */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class HoldListCommand implements Callable<Integer> {

    @Option(names = "--school", descriptionKey = "hold.place.school")
    String school;
    @Option(names = "--all", descriptionKey = "hold.list.all")
    boolean all;

    private final Holds holds;
    private final Messages messages;

    HoldListCommand(Holds holds, Messages messages) {
        this.holds = holds;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        var list = holds.list(school, all);
        for (Hold h : list) {
            System.out.println(HoldCommand.line(messages, h));
        }
        System.out.println(messages.get("hold.total", list.size()));
        return 0;
    }
}
