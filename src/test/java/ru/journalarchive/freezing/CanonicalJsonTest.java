package ru.journalarchive.freezing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.SnapshotReader;

/** The canonical form of a frozen class journal: order-independent, RFC 8785, and a faithful round trip. */
class CanonicalJsonTest {

    private static final ClassJournal JOURNAL = ClassJournals.of(
            SnapshotReader.withDefaults().read(Path.of("archive-format/examples/example-school.json"))).get(1);

    @Test
    void theSameJournalExportedInAnotherOrderFreezesToTheSameBytes() {
        Snapshot.SchoolClass c = JOURNAL.schoolClass();
        Random random = new Random(42);
        Snapshot.SchoolClass shuffled = new Snapshot.SchoolClass(c.id(), c.name(), c.grade(), c.classTeacher(),
                c.period(), shuffle(c.students(), random), shuffle(c.groups().stream().map(g ->
                        new Snapshot.Group(g.id(), g.subject(), g.name(), shuffle(g.students(), random))).toList(), random),
                shuffle(c.lessons(), random), shuffle(c.marks(), random), shuffle(c.attendance(), random),
                shuffle(c.finalMarks(), random));
        ClassJournal reordered = new ClassJournal(JOURNAL.format(), JOURNAL.school(), JOURNAL.academicYear(),
                JOURNAL.gradingScale(), shuffle(JOURNAL.teachers(), random), shuffle(JOURNAL.subjects(), random),
                shuffled);

        assertThat(CanonicalJson.of(reordered)).isEqualTo(CanonicalJson.of(JOURNAL));
    }

    @Test
    void theCanonicalFormIsCompactUtf8WithSortedKeysAndReadsBackToTheSameJournal() {
        byte[] canonical = CanonicalJson.of(JOURNAL);
        String text = new String(canonical, StandardCharsets.UTF_8);

        assertThat(text.substring(0, 80)).startsWith("{\"academicYear\":\"2024/2025\",\"class\":{\"attendance\":[{\"code\":");
        assertThat(text.indexOf('\n')).isEqualTo(-1);
        assertThat(text).contains(JOURNAL.school().name()); // Cyrillic stays as UTF-8, not \\u escapes
        assertThat(CanonicalJson.of(CanonicalJson.read(canonical))).isEqualTo(canonical);
        assertThat(CanonicalJson.sha256(canonical)).hasSize(64).isEqualTo(CanonicalJson.sha256(canonical.clone()));
    }

    @Test
    void theOrderKeyOfEveryRecordIsExactlyItsRfc8785Text() throws Exception {
        tools.jackson.databind.JsonNode tree = tools.jackson.databind.json.JsonMapper.builder().build()
                .valueToTree(JOURNAL.schoolClass());
        int checked = 0;
        for (String list : List.of("students", "lessons", "marks", "attendance", "finalMarks", "groups")) {
            for (tools.jackson.databind.JsonNode element : tree.get(list)) {
                assertThat(CanonicalJson.sortKey(element))
                        .isEqualTo(new org.erdtman.jcs.JsonCanonicalizer(element.toString()).getEncodedString());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void oneChangedMarkChangesTheHash() {
        Snapshot.SchoolClass c = JOURNAL.schoolClass();
        List<Snapshot.Mark> marks = new ArrayList<>(c.marks());
        Snapshot.Mark m = marks.get(0);
        marks.set(0, new Snapshot.Mark(m.student(), m.lesson(), m.value().equals("5") ? "4" : "5", m.workType(),
                m.enteredAt(), m.enteredBy()));
        ClassJournal changed = withClass(new Snapshot.SchoolClass(c.id(), c.name(), c.grade(), c.classTeacher(),
                c.period(), c.students(), c.groups(), c.lessons(), marks, c.attendance(), c.finalMarks()));

        assertThat(CanonicalJson.sha256(CanonicalJson.of(changed))).isNotEqualTo(CanonicalJson.sha256(CanonicalJson.of(JOURNAL)));
        List<RetroactiveChange> changes = RetroactiveChangeDetector.differences(JOURNAL, changed);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(RetroactiveChange.Kind.MARK);
            assertThat(change.studentId()).isEqualTo(m.student());
            assertThat(change.lessonId()).isEqualTo(m.lesson());
            assertThat(change.oldValue()).startsWith(m.value());
            assertThat(change.oldEnteredAt()).isEqualTo(m.enteredAt());
            assertThat(change.newEnteredBy()).isEqualTo(m.enteredBy());
        });
    }

    @Test
    void aRemovedAbsenceAndAnAddedFinalMarkAreBothReported() {
        Snapshot.SchoolClass c = JOURNAL.schoolClass();
        List<Snapshot.Attendance> attendance = new ArrayList<>(c.attendance());
        Snapshot.Attendance removed = attendance.remove(0);
        List<Snapshot.FinalMark> finals = new ArrayList<>(c.finalMarks());
        Snapshot.FinalMark any = finals.get(0);
        finals.add(new Snapshot.FinalMark(any.student(), any.subject(), "Y", "5", "2024-12-28T10:00:00+03:00",
                any.enteredBy()));
        ClassJournal changed = withClass(new Snapshot.SchoolClass(c.id(), c.name(), c.grade(), c.classTeacher(),
                c.period(), c.students(), c.groups(), c.lessons(), c.marks(), attendance, finals));

        List<RetroactiveChange> changes = RetroactiveChangeDetector.differences(JOURNAL, changed);

        assertThat(changes).extracting(RetroactiveChange::kind)
                .containsExactlyInAnyOrder(RetroactiveChange.Kind.ABSENCE, RetroactiveChange.Kind.FINAL_MARK);
        assertThat(changes).filteredOn(ch -> ch.kind() == RetroactiveChange.Kind.ABSENCE).singleElement()
                .satisfies(ch -> {
                    assertThat(ch.oldValue()).isEqualTo(removed.code());
                    assertThat(ch.newValue()).isNull();
                });
        assertThat(changes).filteredOn(ch -> ch.kind() == RetroactiveChange.Kind.FINAL_MARK).singleElement()
                .satisfies(ch -> {
                    assertThat(ch.period()).isEqualTo("Y");
                    assertThat(ch.oldValue()).isNull();
                    assertThat(ch.newValue()).isEqualTo("5");
                });
    }

    private static ClassJournal withClass(Snapshot.SchoolClass c) {
        return new ClassJournal(JOURNAL.format(), JOURNAL.school(), JOURNAL.academicYear(), JOURNAL.gradingScale(),
                JOURNAL.teachers(), JOURNAL.subjects(), c);
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
