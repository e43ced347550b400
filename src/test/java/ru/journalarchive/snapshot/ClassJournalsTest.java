package ru.journalarchive.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each class journal carries exactly the teachers and subjects its class refers to, and nothing of the others. */
class ClassJournalsTest {

    private final Snapshot snapshot = SnapshotReader.withDefaults()
            .read(Path.of("archive-format/examples/example-school.json"));

    @Test
    void eachClassJournalHasOnlyTheTeachersItsClassRefersTo() {
        for (ClassJournal journal : ClassJournals.of(snapshot)) {
            Snapshot.SchoolClass c = journal.schoolClass();
            Set<String> referenced = new HashSet<>();
            referenced.add(c.classTeacher());
            c.lessons().forEach(l -> {
                referenced.add(l.teacher());
                if (l.replacedTeacher() != null) {
                    referenced.add(l.replacedTeacher());
                }
            });
            c.marks().forEach(m -> referenced.add(m.enteredBy()));
            c.finalMarks().forEach(m -> referenced.add(m.enteredBy()));

            assertThat(journal.teachers()).extracting(Snapshot.Teacher::id)
                    .as("teachers of %s", c.name()).containsExactlyInAnyOrderElementsOf(referenced);
            assertThat(journal.teachers().size()).isLessThan(snapshot.teachers().size());
        }
    }

    @Test
    void theFirstGradeJournalLeavesOutTheTeachersOfOlderClasses() {
        ClassJournal firstGrade = ClassJournals.of(snapshot).get(0);
        String chemistryTeacher = snapshot.classes().get(2).lessons().stream()
                .filter(l -> l.subject().equals("chem")).findFirst().orElseThrow().teacher();

        assertThat(firstGrade.schoolClass().name()).isEqualTo("1А");
        assertThat(firstGrade.teachers()).extracting(Snapshot.Teacher::id).doesNotContain(chemistryTeacher);
        assertThat(firstGrade.subjects()).extracting(Snapshot.Subject::id).doesNotContain("chem", "eng")
                .contains("rus", "math");
    }

    @Test
    void aJournalCarriesTheSchoolTheYearAndTheScaleButNoExportMetadata() {
        ClassJournal journal = ClassJournals.of(snapshot).get(1);

        assertThat(journal.format()).isEqualTo("journal-class/1");
        assertThat(journal.school()).isEqualTo(snapshot.school());
        assertThat(journal.academicYear()).isEqualTo("2024/2025");
        assertThat(journal.gradingScale().allows("н/а")).isTrue();
        assertThat(journal.subjectName("eng")).isEqualTo("Английский язык");
    }

    @Test
    void aSnapshotWithoutAGradingScaleGetsTheDefaultFivePointScale() {
        Snapshot withoutScale = new Snapshot(snapshot.format(), snapshot.exportedAt(), snapshot.source(),
                snapshot.school(), snapshot.academicYear(), null, snapshot.teachers(), snapshot.subjects(),
                List.of(snapshot.classes().get(0)));

        assertThat(ClassJournals.of(withoutScale)).singleElement()
                .satisfies(j -> assertThat(j.gradingScale()).isEqualTo(Snapshot.GradingScale.defaultScale()));
    }
}
