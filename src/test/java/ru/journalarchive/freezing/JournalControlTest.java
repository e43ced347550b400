package ru.journalarchive.freezing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.SnapshotReader;

/** The deputy's control report of a frozen journal, on the example school (whose gaps are known) and edits of it. */
class JournalControlTest {

    private static final List<ClassJournal> EXAMPLE = ClassJournals.of(
            SnapshotReader.withDefaults().read(Path.of("archive-format/examples/example-school.json")));

    @Test
    void theFifthGradeHasLateMarksAndLessonsWithoutHomeworkButEveryFinalMark() {
        JournalControl control = JournalControl.of(EXAMPLE.get(1));

        assertThat(control.lateMarks()).hasSize(17)
                .allSatisfy(m -> assertThat(m.daysLate()).isGreaterThan(JournalControl.LATE_AFTER_DAYS))
                .allSatisfy(m -> assertThat(m.enteredBy()).doesNotStartWith("t-").contains(" "));
        assertThat(control.lessonsWithoutHomework()).hasSize(36);
        assertThat(control.lessonsWithoutHomework().get(0)).isEqualTo(new JournalControl.LessonGap(
                LocalDate.of(2024, 11, 5), 1, "Физическая культура",
                EXAMPLE.get(1).teacherName(firstLesson(EXAMPLE.get(1), "2024-11-05", 1).teacher())));
        assertThat(control.lessonsWithoutTopic()).isEmpty();
        // 22 pupils, one left on 3 December: 21 × 9 subjects, every one has its Q2 mark (the pupil who left needs none).
        assertThat(control.missingFinalMarks()).isEmpty();
        assertThat(control.clean()).isFalse();
    }

    @Test
    void theFirstGradeHasNoMarksAndNoHomeworkSoNothingIsMissing() {
        ClassJournal first = EXAMPLE.get(0);
        assertThat(first.schoolClass().lessons()).allSatisfy(l -> assertThat(l.homework()).isNull());

        assertThat(JournalControl.of(first).clean()).isTrue();
    }

    @Test
    void aMissingFinalMarkAndAnEmptyTopicAreNamed() {
        ClassJournal journal = EXAMPLE.get(1);
        Snapshot.SchoolClass c = journal.schoolClass();
        List<Snapshot.FinalMark> finals = new ArrayList<>(c.finalMarks());
        Snapshot.FinalMark removed = finals.remove(0);
        List<Snapshot.Lesson> lessons = new ArrayList<>(c.lessons());
        Snapshot.Lesson l = lessons.get(3);
        lessons.set(3, new Snapshot.Lesson(l.id(), l.date(), l.number(), l.subject(), l.teacher(), l.replacedTeacher(),
                l.group(), " ", l.homework()));
        ClassJournal edited = new ClassJournal(journal.format(), journal.school(), journal.academicYear(),
                journal.gradingScale(), journal.teachers(), journal.subjects(), new Snapshot.SchoolClass(c.id(),
                        c.name(), c.grade(), c.classTeacher(), c.period(), c.students(), c.groups(), lessons, c.marks(),
                        c.attendance(), finals));

        JournalControl control = JournalControl.of(edited);

        assertThat(removed.student()).isEqualTo("st-000019");
        assertThat(control.missingFinalMarks()).containsExactly(
                new JournalControl.MissingFinalMark("Борисов Павел Владимирович", "Русский язык"));
        assertThat(control.lessonsWithoutTopic()).containsExactly(new JournalControl.LessonGap(l.date(), l.number(),
                journal.subjectName(l.subject()), journal.teacherName(l.teacher())));
    }

    private static Snapshot.Lesson firstLesson(ClassJournal journal, String date, int number) {
        return journal.schoolClass().lessons().stream()
                .filter(l -> l.date().toString().equals(date) && l.number() == number && l.homework() == null)
                .findFirst().orElseThrow();
    }
}
