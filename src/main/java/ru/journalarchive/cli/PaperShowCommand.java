package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperStep;

/** {@code paper show --copy ID}: one paper copy with its signers and its whole history. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "show", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-papercopies")
class PaperShowCommand implements Callable<Integer> {

    @Option(names = "--copy", descriptionKey = "paper.option.copy")
    String copy;

    private final PaperCopies copies;
    private final PaperTexts texts;

    PaperShowCommand(PaperCopies copies, PaperTexts texts) {
        this.copies = copies;
        this.texts = texts;
    }

    @Override
    public Integer call() {
        try {
            PaperCopy c = copies.get(copies.resolve(PaperInput.required("--copy", copy)));
            System.out.println(texts.copy(c));
            System.out.println(texts.get("paper.show.header", c.id(), c.documentId(),
                    texts.step(copies.routine(c).effective(c)), c.sheets()));
            String custody = texts.custody(c);
            if (custody != null) {
                System.out.println(custody);
            }
            if (!c.signers().isEmpty()) {
                System.out.println(texts.get("paper.show.signers"));
            }
            for (PaperCopy.Signer s : c.signers()) {
                boolean signed = c.missingSignatures().stream().noneMatch(m -> m.equals(s));
                System.out.println("  " + texts.get(signed ? "paper.show.signed" : "paper.show.unsigned",
                        s.subjectName(), s.teacherName().isBlank() ? "—" : s.teacherName(),
                        "--subject " + s.subjectId() + (s.teacherId().isEmpty() ? "" : " --teacher " + s.teacherId())));
            }
            System.out.println(texts.get("paper.show.history"));
            for (PaperCopy.Event e : c.events()) {
                System.out.println("  " + texts.event(c, e));
            }
            if (c.state() != PaperStep.DESTROYED) {
                String next = texts.nextCommand(c);
                if (next != null) {
                    System.out.println(next);
                }
            }
            return 0;
        } catch (PaperInput.Refused e) {
            return texts.refused(e);
        } catch (PaperCopyException e) {
            return texts.refused(e);
        }
    }
}
