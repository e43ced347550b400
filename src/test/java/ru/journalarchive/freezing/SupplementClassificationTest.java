package ru.journalarchive.freezing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.SnapshotReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a re-close of a frozen journal is: a supplement only when it adds exam, final or year marks that were absent
 * and changes nothing else; a changed or removed value, a period final mark added later, or any other difference
 * alongside added marks keeps it a retroactive change.
 */
class SupplementClassificationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<ClassJournal> EXAMPLE = ClassJournals.of(
            SnapshotReader.withDefaults().read(Path.of("archive-format/examples/example-school.json")));
    /** 9Б: a graduating grade, whose exam and final marks arrive after the close. */
    private static final ClassJournal FROZEN = EXAMPLE.get(2);
    private static final String PUPIL = FROZEN.schoolClass().students().get(0).id();

    @Test
    void examFinalAndYearMarksAddedAfterTheCloseAreASupplementWithWhoEnteredThemWhen() {
        ClassJournal incoming = changed(c -> {
            add(c, "rus", "E", "4");
            add(c, "rus", "F", "4");
            add(c, "math", "Y", "5");
        });

        Optional<List<JournalSupplement.AddedMark>> added = classify(incoming);

        assertThat(added).hasValueSatisfying(marks -> assertThat(marks).containsExactlyInAnyOrder(
                new JournalSupplement.AddedMark(PUPIL, "rus", "E", "4", "t-01", "2025-06-20T11:30:00+03:00"),
                new JournalSupplement.AddedMark(PUPIL, "rus", "F", "4", "t-01", "2025-06-20T11:30:00+03:00"),
                new JournalSupplement.AddedMark(PUPIL, "math", "Y", "5", "t-01", "2025-06-20T11:30:00+03:00")));
    }

    @Test
    void examMarksAddedInAGradeThatSitsNoExamsAreARetroactiveChangeButAYearMarkIsASupplement() {
        ClassJournal fifth = EXAMPLE.get(1);
        assertThat(fifth.schoolClass().grade()).isEqualTo(5);
        String pupil = fifth.schoolClass().students().get(0).id();
        ClassJournal withExam = withFinalMark(fifth, pupil, "E");
        assertThat(RetroactiveChangeDetector.supplement(fifth, withExam,
                RetroactiveChangeDetector.differences(fifth, withExam))).isEmpty();

        ClassJournal withYear = withFinalMark(fifth, pupil, "Y");
        assertThat(RetroactiveChangeDetector.supplement(fifth, withYear,
                RetroactiveChangeDetector.differences(fifth, withYear))).isPresent();
    }

    private static ClassJournal withFinalMark(ClassJournal journal, String pupil, String kind) {
        ObjectNode tree = JSON.valueToTree(journal);
        ((ArrayNode) tree.get("class").get("finalMarks")).addObject().put("student", pupil).put("subject", "rus")
                .put("period", kind).put("value", "4");
        return CanonicalJson.read(JSON.writeValueAsBytes(tree));
    }

    @Test
    void aPeriodFinalMarkAddedLaterIsARetroactiveChange() {
        // The frozen journal lacks one Q2 final mark; the incoming one has it: not a supplement.
        ClassJournal frozenWithout = journal(tree -> ((ArrayNode) tree.get("class").get("finalMarks")).remove(0));

        assertThat(RetroactiveChangeDetector.supplement(frozenWithout, FROZEN,
                RetroactiveChangeDetector.differences(frozenWithout, FROZEN))).isEmpty();
    }

    @Test
    void aChangedOrRemovedValueAlongsideAddedExamMarksIsARetroactiveChange() {
        ClassJournal withExam = changed(c -> add(c, "rus", "E", "4"));
        ClassJournal changedFinal = changed(c -> {
            add(c, "rus", "E", "4");
            ObjectNode first = (ObjectNode) c.get("finalMarks").get(0);
            first.put("value", first.get("value").asString().equals("5") ? "4" : "5");
        });
        ClassJournal removedMark = changed(c -> {
            add(c, "rus", "E", "4");
            ((ArrayNode) c.get("marks")).remove(0);
        });
        ClassJournal renamedSchool = journal(tree -> {
            add((ObjectNode) tree.get("class"), "rus", "E", "4");
            ((ObjectNode) tree.get("school")).put("name", "Другое название");
        });

        assertThat(classify(withExam)).isPresent();
        assertThat(classify(changedFinal)).isEmpty();
        assertThat(classify(removedMark)).isEmpty();
        assertThat(classify(renamedSchool)).as("a difference the detector lists only on its own").isEmpty();
    }

    @Test
    void anExamMarkWhoseValueChangedAfterASupplementIsARetroactiveChange() {
        ClassJournal supplemented = changed(c -> add(c, "rus", "E", "4"));
        ClassJournal incoming = changed(c -> add(c, "rus", "E", "5"));

        assertThat(RetroactiveChangeDetector.supplement(supplemented, incoming,
                RetroactiveChangeDetector.differences(supplemented, incoming))).isEmpty();
    }

    private static Optional<List<JournalSupplement.AddedMark>> classify(ClassJournal incoming) {
        return RetroactiveChangeDetector.supplement(FROZEN, incoming,
                RetroactiveChangeDetector.differences(FROZEN, incoming));
    }

    private static ClassJournal changed(Consumer<ObjectNode> classChange) {
        return journal(tree -> classChange.accept((ObjectNode) tree.get("class")));
    }

    private static ClassJournal journal(Consumer<ObjectNode> change) {
        ObjectNode tree = JSON.valueToTree(FROZEN);
        change.accept(tree);
        return CanonicalJson.read(JSON.writeValueAsBytes(tree));
    }

    private static void add(ObjectNode schoolClass, String subject, String kind, String value) {
        ((ArrayNode) schoolClass.get("finalMarks")).addObject().put("student", PUPIL).put("subject", subject)
                .put("period", kind).put("value", value).put("enteredAt", "2025-06-20T11:30:00+03:00")
                .put("enteredBy", "t-01");
    }
}
