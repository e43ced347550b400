package ru.journalarchive.cli;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import ru.journalarchive.retention.Hold;
import ru.journalarchive.retention.HoldException;

/**
 * {@code hold}: holds that block destruction (inspection, dispute, an archive's demand) on a document, a class, a
 * school year or a school; the work is done by its subcommands {@code place}, {@code release}, {@code list}.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "hold", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli",
        subcommands = {HoldPlaceCommand.class, HoldReleaseCommand.class, HoldListCommand.class})
class HoldCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints a refused hold operation (Russian, naming the option) and returns exit code 2. */
    static int refused(HoldException e) {
        System.err.println(e.getMessage());
        return 2;
    }

    /** One hold as a line for staff. */
    static String line(Messages messages, Hold h) {
        String what = switch (h.scope()) {
            case "document" -> messages.get("hold.scope.document", h.documentId());
            case "class" -> messages.get("hold.scope.class", h.classId(), h.academicYear());
            case "academic-year" -> messages.get("hold.scope.year", h.academicYear());
            default -> messages.get("hold.scope.school");
        };
        String state = h.active() ? messages.get("hold.state.active")
                : messages.get("hold.state.released", BackupCommand.shown(h.releasedAt()), h.releasedBy(),
                        h.releaseReason());
        return messages.get("hold.line", h.id(), h.schoolId(), what, h.reason(), h.placedBy(),
                BackupCommand.shown(h.placedAt()), state);
    }
}
