package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.Disposition;
import ru.journalarchive.disposition.FlaggedMedium;

/** {@code disposition}: the backup media an executed act flags for physical destruction, and their confirmation. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "disposition", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition",
        subcommands = {DispositionCommand.Media.class, DispositionCommand.ConfirmMedium.class})
class DispositionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code disposition media --act …}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "media", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class Media implements Callable<Integer> {
        @Option(names = "--act", required = true, descriptionKey = "act.act")
        String act;

        private final DestructionActs acts;
        private final Disposition disposition;
        private final Messages messages;

        Media(DestructionActs acts, Disposition disposition, Messages messages) {
            this.acts = acts;
            this.disposition = disposition;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct found = acts.find(act);
                for (FlaggedMedium m : disposition.media(found.id())) {
                    System.out.println(messages.get("disposition.medium", m.mediumId(), m.mediumType(),
                            m.keptAt() == null ? "—" : m.keptAt(), String.valueOf(m.objectCount()),
                            m.confirmedAt() == null ? messages.get("disposition.medium.pending")
                                    : messages.get("disposition.medium.confirmed", m.confirmedBy(),
                                            ActCommand.shown(m.confirmedAt()))));
                    for (FlaggedMedium.HeldObject o : disposition.objectsOn(found.id(), m.mediumId())) {
                        System.out.println(messages.get("disposition.medium.object", o.key(), o.sha256()));
                    }
                }
                return 0;
            });
        }
    }

    /** {@code disposition confirm-medium --act N --medium ID --by NAME}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "confirm-medium", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class ConfirmMedium implements Callable<Integer> {
        @Option(names = "--act", required = true, descriptionKey = "act.act")
        String act;
        @Option(names = "--medium", required = true, descriptionKey = "disposition.medium.id")
        String medium;
        @Option(names = "--by", required = true, descriptionKey = "act.by")
        String by;

        private final DestructionActs acts;
        private final Disposition disposition;
        private final Messages messages;

        ConfirmMedium(DestructionActs acts, Disposition disposition, Messages messages) {
            this.acts = acts;
            this.disposition = disposition;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct found = acts.find(act);
                FlaggedMedium m = disposition.confirmMedium(found.id(), medium, by);
                System.out.println(messages.get("disposition.medium.done", m.mediumId(), found.number(),
                        m.confirmedBy()));
                return 0;
            });
        }
    }
}
