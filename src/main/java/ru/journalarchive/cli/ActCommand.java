package ru.journalarchive.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.text.RussianPlural;
import ru.journalarchive.disposition.DispositionException;

/**
 * {@code act}: destruction acts — {@code draft}, {@code show}, {@code list}, {@code agree}, {@code approve},
 * {@code execute}, {@code certificate}. A refused step (unknown act, wrong status, bad date) exits 2 with a Russian
 * message naming the field.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "act", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition",
        subcommands = {ActCommands.Draft.class, ActCommands.Show.class, ActCommands.ListActs.class,
                ActCommands.Agree.class, ActCommands.Approve.class, ActCommands.Execute.class,
                ActCommands.Certificate.class, ActCancelCommand.class})
class ActCommand implements Runnable {

    static final int REFUSED = 2;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a step, printing a refusal in Russian and returning {@link #REFUSED}. */
    static int refusing(Callable<Integer> step) {
        try {
            return step.call();
        } catch (DispositionException e) {
            System.err.println(e.getMessage());
            return REFUSED;
        } catch (IllegalArgumentException e) {
            // The retention rules' own refusals (a malformed or out-of-range year …) are Russian texts already.
            System.err.println(e.getMessage());
            return REFUSED;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code YYYY-MM-DD} option, or a refusal naming the field. */
    static LocalDate date(Messages messages, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DispositionException("act.field.blank", field) {
                @Override
                public String getMessage() {
                    return messages.get("act.date.invalid", field, value);
                }
            };
        }
    }

    static String shown(java.time.Instant instant) {
        return instant == null ? "—" : SHOWN.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** The act's heading and table, as staff read it. */
    static void print(Messages messages, DestructionAct act) {
        print(messages, act, null);
    }

    /** The act's heading, its cancellation if it was cancelled, and its table. */
    static void print(Messages messages, DestructionAct act, ru.journalarchive.disposition.Cancellation cancelled) {
        System.out.println(messages.get("act.show.head", act.number(), act.status().russian(), act.schoolId(),
                act.actDate().toString(), act.id().toString()));
        System.out.println(messages.get("act.show.steps", act.draftedBy(), shown(act.draftedAt()),
                nz(act.protocolNumber()), act.protocolDate() == null ? "—" : act.protocolDate().toString(),
                nz(act.agreedBy()), nz(act.approvedBy()), shown(act.approvedAt()), nz(act.executedBy()),
                shown(act.executedAt())));
        if (cancelled != null) {
            System.out.println(messages.get("act.show.cancelled", cancelled.by(), shown(cancelled.at()),
                    cancelled.reason()));
        }
        for (DestructionAct.Row row : act.rows()) {
            System.out.println(messages.get("act.show.row", String.valueOf(row.number()), row.title(),
                    row.extremeDates(), row.inventories(), row.nomenclatureIndex(), String.valueOf(row.fileCount()),
                    row.retention(), row.note()));
        }
        System.out.println(messages.get("act.show.total", String.valueOf(act.fileTotal()), act.years(),
                files(messages, act.fileTotal()), messages.get(act.years().contains("–") ? "act.years.many"
                        : "act.years.one")));
    }

    /** «дело», «дела» or «дел», whichever follows the number. */
    static String files(Messages messages, int count) {
        return messages.get("plural.case." + RussianPlural.of(count).key());
    }

    private static String nz(String value) {
        return value == null ? "—" : value;
    }
}
