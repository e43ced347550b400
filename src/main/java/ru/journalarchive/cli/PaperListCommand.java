package ru.journalarchive.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperStep;
import ru.journalarchive.registry.DocumentQuery;

/**
 * {@code paper list [filters] [--state STEP] [--pending-destruction]}: the paper copies, one line each with their state
 * and place; with {@code --pending-destruction} the copies of destroyed documents still to be destroyed physically.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-papercopies")
class PaperListCommand implements Callable<Integer> {

    @Mixin
    DocumentFilter filter;
    @Option(names = "--state", descriptionKey = "paper.option.state")
    String state;
    @Option(names = "--pending-destruction", descriptionKey = "paper.option.pendingDestruction")
    boolean pendingDestruction;

    private final PaperCopies copies;
    private final PaperTexts texts;

    PaperListCommand(PaperCopies copies, PaperTexts texts) {
        this.copies = copies;
        this.texts = texts;
    }

    @Override
    public Integer call() {
        try {
            PaperStep step = state == null ? null : PaperStep.of(state.strip())
                    .orElseThrow(() -> new PaperInput.Refused("paper.input.state", state));
            DocumentQuery query = new DocumentQuery(filter.school, PaperInput.academicYear("--year", filter.year),
                    filter.period, filter.classId);
            List<PaperCopy> list = pendingDestruction ? copies.pendingDestruction(query) : copies.list(query, step);
            for (PaperCopy copy : list) {
                System.out.println(line(copy));
            }
            System.out.println(texts.get(pendingDestruction ? "paper.list.pendingTotal" : "paper.list.total",
                    list.size()));
            return 0;
        } catch (PaperInput.Refused e) {
            return texts.refused(e);
        } catch (PaperCopyException e) {
            return texts.refused(e);
        }
    }

    private String line(PaperCopy copy) {
        String place = copy.event(PaperStep.PLACED).map(e -> texts.get("paper.detail.place", e.room(), e.cabinet(),
                e.shelf(), e.box(), e.nomenclatureIndex())).orElse("—");
        String line = texts.get("paper.list.line", texts.copy(copy), texts.step(copies.routine(copy).effective(copy)),
                copy.sheets(), place);
        String custody = texts.custody(copy);
        line = custody == null ? line : line + "; " + custody;
        return pendingDestruction ? line + " — " + texts.get("paper.list.toDestroy") : line;
    }
}
