package ru.journalarchive.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperStep;
import ru.journalarchive.papercopies.StepDetails;

/**
 * {@code paper}: the registry of paper copies. {@code print} registers a printed copy, one command per further step
 * records it ({@code sign-subject}, {@code certify}, {@code accept}, {@code director-sign}, {@code bind},
 * {@code place}, {@code transfer}, {@code destroy}); {@code list}, {@code show} and {@code deadlines} report.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "paper", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-papercopies",
        subcommands = {PaperListCommand.class, PaperShowCommand.class, PaperDeadlinesCommand.class,
                PaperTransfersCommand.class})
class PaperCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final PaperCopies copies;
    private final PaperTexts texts;
    private final Clock clock = Clock.systemUTC();

    PaperCommand(PaperCopies copies, PaperTexts texts) {
        this.copies = copies;
        this.texts = texts;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The options every step has: which copy, who did it, when, a note. */
    static class StepOptions {
        @Option(names = "--copy", descriptionKey = "paper.option.copy")
        String copy;
        @Option(names = "--by", descriptionKey = "paper.option.by")
        String by;
        @Option(names = "--at", descriptionKey = "paper.option.at")
        String at;
        @Option(names = "--note", descriptionKey = "paper.option.note")
        String note;
    }

    @Command(name = "print", mixinStandardHelpOptions = true)
    int print(@Option(names = "--document", descriptionKey = "paper.option.document") String document,
            @Option(names = "--sheets", descriptionKey = "paper.option.sheets") String sheets,
            @Option(names = "--by", descriptionKey = "paper.option.by") String by,
            @Option(names = "--at", descriptionKey = "paper.option.at") String at,
            @Option(names = "--note", descriptionKey = "paper.option.note") String note) {
        return run(() -> {
            UUID documentId = PaperInput.uuid("--document", document);
            Integer count = PaperInput.positive("--sheets", sheets);
            StepDetails details = StepDetails.of(by == null ? currentUser() : by,
                    PaperInput.moment("--at", at, clock.instant()), currentUser()).withNote(note);
            return copies.print(documentId, count, details);
        }, PaperStep.PRINTED);
    }

    @Command(name = "sign-subject", mixinStandardHelpOptions = true)
    int signSubject(@Mixin StepOptions options,
            @Option(names = "--subject", descriptionKey = "paper.option.subject") String subject,
            @Option(names = "--teacher", descriptionKey = "paper.option.teacher") String teacher) {
        return step(options, PaperStep.SUBJECT_SIGNED, null, d -> d.withSubject(
                PaperInput.required("--subject", subject), teacher == null ? null : teacher.strip()));
    }

    @Command(name = "certify", mixinStandardHelpOptions = true)
    int certify(@Mixin StepOptions options) {
        return step(options, PaperStep.CLASS_TEACHER_CERTIFIED, null, d -> d);
    }

    @Command(name = "accept", mixinStandardHelpOptions = true)
    int accept(@Mixin StepOptions options) {
        return step(options, PaperStep.DEPUTY_ACCEPTED, currentUser(), d -> d);
    }

    @Command(name = "director-sign", mixinStandardHelpOptions = true)
    int directorSign(@Mixin StepOptions options) {
        return step(options, PaperStep.DIRECTOR_SIGNED_SEALED, null, d -> d);
    }

    @Command(name = "bind", mixinStandardHelpOptions = true)
    int bind(@Mixin StepOptions options,
            @Option(names = "--sheets", descriptionKey = "paper.option.boundSheets") String sheets) {
        return step(options, PaperStep.BOUND_NUMBERED, currentUser(),
                d -> d.withSheets(PaperInput.positive("--sheets", sheets)));
    }

    @Command(name = "place", mixinStandardHelpOptions = true)
    int place(@Mixin StepOptions options,
            @Option(names = "--room", descriptionKey = "paper.option.room") String room,
            @Option(names = "--cabinet", descriptionKey = "paper.option.cabinet") String cabinet,
            @Option(names = "--shelf", descriptionKey = "paper.option.shelf") String shelf,
            @Option(names = "--box", descriptionKey = "paper.option.box") String box,
            @Option(names = "--index", descriptionKey = "paper.option.index") String index) {
        return step(options, PaperStep.PLACED, currentUser(), d -> d.withPlace(room, cabinet, shelf, box, index));
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true)
    int transfer(@Mixin StepOptions options) {
        return step(options, PaperStep.TRANSFERRED_TO_ARCHIVE, currentUser(), d -> d);
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true)
    int destroy(@Mixin StepOptions options) {
        return step(options, PaperStep.DESTROYED, currentUser(), d -> d);
    }

    private int step(StepOptions options, PaperStep step, String defaultBy,
            java.util.function.UnaryOperator<StepDetails> details) {
        return run(() -> {
            String copyId = PaperInput.required("--copy", options.copy);
            StepDetails base = StepDetails.of(options.by != null ? options.by : defaultBy,
                    PaperInput.moment("--at", options.at, clock.instant()), currentUser()).withNote(options.note);
            StepDetails all = details.apply(base);
            return copies.record(copies.resolve(copyId), step, all);
        }, step);
    }

    private int run(Supplier<PaperCopy> action, PaperStep step) {
        try {
            PaperCopy copy = action.get();
            System.out.println(texts.get("paper.done", texts.copy(copy), texts.step(step)));
            if (step == PaperStep.PRINTED) {
                System.out.println(texts.get("paper.print.done", copy.id(), copy.sheets(), copy.signers().size()));
            }
            if (step == PaperStep.SUBJECT_SIGNED && copy.state() == PaperStep.PRINTED) {
                System.out.println(texts.get("paper.signatures.left", copy.missingSignatures().size()));
            }
            String next = texts.nextCommand(copy);
            if (next != null) {
                System.out.println(next);
            }
            return 0;
        } catch (PaperCopyException e) {
            return texts.refused(e);
        } catch (PaperInput.Refused e) {
            return texts.refused(e);
        }
    }

    static String currentUser() {
        return System.getProperty("user.name", "?");
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(java.time.ZoneId.systemDefault()));
    }
}
