package ru.journalarchive.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperCustody;

/**
 * {@code paper transfers --school S}: the paper copies of a college's graduated groups (their last semester closed),
 * to be transferred from the class teacher to the archive (003 §5.5), each with the command that records the
 * transfer, or when it was transferred. A school whose copies are kept in the registry is told it has no transfers.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "transfers", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-papercopies")
class PaperTransfersCommand implements Callable<Integer> {

    @Option(names = "--school", descriptionKey = "filter.school")
    String school;

    private final PaperCopies copies;
    private final PaperCustody custody;
    private final PaperTexts texts;

    PaperTransfersCommand(PaperCopies copies, PaperCustody custody, PaperTexts texts) {
        this.copies = copies;
        this.custody = custody;
        this.texts = texts;
    }

    @Override
    public Integer call() {
        try {
            String schoolId = PaperInput.required("--school", school);
            if (!custody.withClassTeacher(schoolId)) {
                System.out.println(texts.get("paper.transfers.registry", schoolId));
                return 0;
            }
            List<PaperCopies.Transfer> transfers = copies.transfers(schoolId);
            long pending = 0;
            for (PaperCopies.Transfer t : transfers) {
                String line = texts.copy(t.copy()) + " — " + texts.get("paper.transfers.graduated",
                        PaperInput.shown(t.graduatedOn()));
                if (t.transferred()) {
                    line += "; " + texts.get("paper.transfers.done", t.copy().event(
                            ru.journalarchive.papercopies.PaperStep.TRANSFERRED_TO_ARCHIVE)
                            .map(e -> e.performedBy() + ", " + PaperInput.shown(e.performedAt())).orElse("—"));
                } else {
                    pending++;
                    String next = texts.nextCommand(t.copy());
                    line += "; " + texts.get("paper.transfers.pending") + (next == null ? "" : "\n  " + next);
                }
                System.out.println(line);
            }
            System.out.println(transfers.isEmpty() ? texts.get("paper.transfers.none", schoolId)
                    : texts.get("paper.transfers.total", transfers.size(), pending));
            return 0;
        } catch (PaperInput.Refused e) {
            return texts.refused(e);
        } catch (PaperCopyException e) {
            return texts.refused(e);
        }
    }
}
