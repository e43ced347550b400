package ru.journalarchive.freezing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import ru.journalarchive.freezing.ControlFinding.Kind;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.Regulations;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.SnapshotReader;

/**
 * The deputy's control report of a frozen journal under a regulation profile, on the example school (whose gaps are
 * known) and edits of it with marks at the deadlines' boundaries.
 */
class JournalControlTest {

    private static final List<ClassJournal> EXAMPLE = ClassJournals.of(
            SnapshotReader.withDefaults().read(Path.of("archive-format/examples/example-school.json")));
    private static final Regulations REGULATIONS = Regulations.shipped(Map.of());
    private static final RegulationProfile SEED_000 = REGULATIONS.get("seed-000-five-day");
    private static final RegulationProfile SEED_001 = REGULATIONS.get("seed-001-electronic-only");
    private static final RegulationProfile SEED_004 = REGULATIONS.get("seed-004-on-demand");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void theFifthGradeUnderSeed000HasExactlyTheMarksOfSection2_4LateAndEveryFinalMark() {
        ClassJournal fifth = EXAMPLE.get(1);
        JournalControl control = JournalControl.of(fifth, SEED_000);

        // 000 §2.4 counted independently on local dates: oral after the day after the lesson, other work after 7 days.
        long expected = fifth.schoolClass().marks().stream().filter(m -> {
            LocalDate lesson = lesson(fifth, m.lesson()).date();
            LocalDate entered = OffsetDateTime.parse(m.enteredAt()).atZoneSameInstant(MOSCOW).toLocalDate();
            return entered.isAfter(lesson.plusDays("У".equals(m.workType()) ? 1 : 7));
        }).count();
        assertThat(expected).isPositive();
        assertThat(control.of(Kind.LATE_MARK)).hasSize((int) expected)
                .allSatisfy(m -> assertThat(m.enteredByName()).doesNotStartWith("t-").contains(" "))
                .allSatisfy(m -> assertThat(OffsetDateTime.parse(m.enteredAt()).isAfter(m.dueAt().toOffsetDateTime()))
                        .isTrue());
        assertThat(control.of(Kind.NO_HOMEWORK)).hasSize(36);
        ControlFinding gap = control.of(Kind.NO_HOMEWORK).get(0);
        assertThat(gap.lessonDate()).isEqualTo(LocalDate.of(2024, 11, 5));
        assertThat(gap.lessonNumber()).isEqualTo(1);
        assertThat(gap.subjectName()).isEqualTo("Физическая культура");
        assertThat(gap.teacherName()).isEqualTo(fifth.teacherName(firstLesson(fifth, "2024-11-05", 1).teacher()));
        assertThat(control.of(Kind.NO_TOPIC)).isEmpty();
        // 22 pupils, one left on 3 December: 21 × 9 subjects, every one has its Q2 mark (the one who left needs none).
        assertThat(control.of(Kind.MISSING_FINAL_MARK)).isEmpty();
        assertThat(control.of(Kind.LATE_FINAL_MARK)).as("seed 000 has no final-mark deadline").isEmpty();
        assertThat(control.clean()).isFalse();
    }

    @Test
    void theFirstGradeHasNoMarksAndNoHomeworkSoNothingIsMissing() {
        ClassJournal first = EXAMPLE.get(0);
        assertThat(first.schoolClass().lessons()).allSatisfy(l -> assertThat(l.homework()).isNull());
        assertThat(Completeness.keepsMarks(first)).isFalse();

        assertThat(JournalControl.of(first, SEED_000).clean()).isTrue();
        assertThat(JournalControl.of(first, SEED_004).clean()).isTrue();
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
        ClassJournal edited = with(journal, x -> new Snapshot.SchoolClass(x.id(), x.name(), x.grade(), x.classTeacher(),
                x.period(), x.students(), x.groups(), lessons, x.marks(), x.attendance(), finals));

        JournalControl control = JournalControl.of(edited, SEED_000);

        assertThat(removed.student()).isEqualTo("st-000019");
        assertThat(control.of(Kind.MISSING_FINAL_MARK)).singleElement().satisfies(m -> {
            assertThat(m.studentName()).isEqualTo("Борисов Павел Владимирович");
            assertThat(m.subjectName()).isEqualTo("Русский язык");
            assertThat(m.classId()).isEqualTo("5a");
        });
        assertThat(control.of(Kind.NO_TOPIC)).singleElement().satisfies(g -> {
            assertThat(g.lessonId()).isEqualTo(l.id());
            assertThat(g.teacherName()).isEqualTo(journal.teacherName(l.teacher()));
        });
    }

    @Test
    void seed000OralMarksAreDueByTheEndOfTheDayAfterTheLessonInMoscowWrittenOnesAfter7Or10Days() {
        ClassJournal fifth = onTime(EXAMPLE.get(1), "+03:00");
        ClassJournal tenth = onTime(EXAMPLE.get(3), "+03:00");
        assertThat(JournalControl.of(fifth, SEED_000).of(Kind.LATE_MARK)).isEmpty();
        assertThat(JournalControl.of(tenth, SEED_000).of(Kind.LATE_MARK)).isEmpty();

        List<Snapshot.Mark> marks = new ArrayList<>(fifth.schoolClass().marks());
        Snapshot.Mark oral = firstOfType(fifth, marks, "У");
        LocalDate day = lesson(fifth, oral.lesson()).date();
        marks.set(marks.indexOf(oral), at(oral, "У", day.plusDays(2) + "T00:01:00+03:00"));
        Snapshot.Mark utc = firstOfType(fifth, marks, "У");
        LocalDate utcDay = lesson(fifth, utc.lesson()).date();
        // 21:30 UTC of the day after the lesson is 00:30 two days after in Moscow: late.
        marks.set(marks.indexOf(utc), at(utc, "У", utcDay.plusDays(1) + "T21:30:00+00:00"));
        Snapshot.Mark onTimeOral = firstOfType(fifth, marks, "У");
        marks.set(marks.indexOf(onTimeOral), at(onTimeOral, "У",
                lesson(fifth, onTimeOral.lesson()).date().plusDays(1) + "T23:59:00+03:00"));
        Snapshot.Mark written = firstOfType(fifth, marks, "КР");
        marks.set(marks.indexOf(written), at(written, "КР",
                lesson(fifth, written.lesson()).date().plusDays(8) + "T10:00:00+03:00"));
        Snapshot.Mark untyped = firstOfType(fifth, marks, "СР");
        marks.set(marks.indexOf(untyped), at(untyped, null,
                lesson(fifth, untyped.lesson()).date().plusDays(7) + "T23:00:00+03:00"));
        ClassJournal edited = withMarks(fifth, marks);

        List<ControlFinding> late = JournalControl.of(edited, SEED_000).of(Kind.LATE_MARK);

        assertThat(late).extracting(ControlFinding::lessonId, ControlFinding::studentId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(oral.lesson(), oral.student()),
                org.assertj.core.groups.Tuple.tuple(utc.lesson(), utc.student()),
                org.assertj.core.groups.Tuple.tuple(written.lesson(), written.student()));
        ControlFinding first = late.stream().filter(f -> f.lessonId().equals(oral.lesson())
                && f.studentId().equals(oral.student())).findFirst().orElseThrow();
        assertThat(first.oral()).isTrue();
        assertThat(first.dueAt().toLocalDateTime()).isEqualTo(day.plusDays(1).atTime(23, 59, 59, 999_999_999));
        assertThat(first.workType()).isEqualTo("У");
    }

    @Test
    void seed001HasNoOralDeadlineSoAnOralMarkIsNeverLate() {
        ClassJournal fifth = onTime(EXAMPLE.get(1), "+03:00");
        List<Snapshot.Mark> marks = new ArrayList<>(fifth.schoolClass().marks());
        Snapshot.Mark oral = firstOfType(fifth, marks, "У");
        marks.set(marks.indexOf(oral), at(oral, "У", lesson(fifth, oral.lesson()).date().plusDays(30)
                + "T10:00:00+03:00"));

        JournalControl control = JournalControl.of(withMarks(fifth, marks), SEED_001);

        assertThat(control.of(Kind.LATE_MARK)).isEmpty();
        assertThat(control.of(Kind.FEW_MARKS)).as("seed 001 sets no minimum").isEmpty();
    }

    @Test
    void seed004MarksAreDueBy19OnTheLessonsDayFinalMarksTwoDaysBeforeThePeriodEndsAndThreeMarksAtLeast() {
        ClassJournal fifth = onTime(EXAMPLE.get(1), "+07:00");
        assertThat(JournalControl.of(fifth, SEED_004).of(Kind.LATE_MARK)).isEmpty();
        assertThat(JournalControl.of(fifth, SEED_004).of(Kind.LATE_FINAL_MARK)).isEmpty();
        List<Snapshot.Mark> marks = new ArrayList<>(fifth.schoolClass().marks());
        Snapshot.Mark lateOne = firstOfType(fifth, marks, "КР");
        marks.set(marks.indexOf(lateOne), at(lateOne, "КР", lesson(fifth, lateOne.lesson()).date()
                + "T19:01:00+07:00"));
        Snapshot.Mark onTimeOne = firstOfType(fifth, marks, "КР");
        marks.set(marks.indexOf(onTimeOne), at(onTimeOne, "КР", lesson(fifth, onTimeOne.lesson()).date()
                + "T18:59:00+07:00"));
        List<Snapshot.FinalMark> finals = new ArrayList<>(fifth.schoolClass().finalMarks());
        Snapshot.FinalMark f = finals.get(0);
        // The period ends on 27.12.2024: final marks are due by the end of 25.12.2024 in Kemerovo.
        finals.set(0, new Snapshot.FinalMark(f.student(), f.subject(), f.period(), f.value(),
                "2024-12-26T08:00:00+07:00", f.enteredBy()));
        Snapshot.FinalMark g = finals.get(1);
        finals.set(1, new Snapshot.FinalMark(g.student(), g.subject(), g.period(), g.value(),
                "2024-12-25T23:59:00+07:00", g.enteredBy()));
        ClassJournal edited = with(fifth, x -> new Snapshot.SchoolClass(x.id(), x.name(), x.grade(), x.classTeacher(),
                x.period(), x.students(), x.groups(), x.lessons(), marks, x.attendance(), finals));

        JournalControl control = JournalControl.of(edited, SEED_004);

        assertThat(control.of(Kind.LATE_MARK)).singleElement().satisfies(m -> {
            assertThat(m.lessonId()).isEqualTo(lateOne.lesson());
            assertThat(m.studentId()).isEqualTo(lateOne.student());
            assertThat(m.byTime()).isTrue();
            assertThat(m.dueAt().toLocalTime()).isEqualTo(java.time.LocalTime.of(19, 0));
        });
        assertThat(control.of(Kind.LATE_FINAL_MARK)).singleElement().satisfies(m -> {
            assertThat(m.studentId()).isEqualTo(f.student());
            assertThat(m.subject()).isEqualTo(f.subject());
            assertThat(m.dueAt().toLocalDate()).isEqualTo(LocalDate.of(2024, 12, 25));
        });
        assertThat(control.of(Kind.FEW_MARKS)).allSatisfy(m -> assertThat(m.count()).isLessThan(3));
    }

    @Test
    void aPupilWithTwoMarksInASubjectHasTooFewUnderAMinimumOfThree() {
        ClassJournal fifth = EXAMPLE.get(1);
        assertThat(JournalControl.of(fifth, SEED_004).of(Kind.FEW_MARKS)).as("the example has enough marks").isEmpty();
        Snapshot.Mark any = fifth.schoolClass().marks().stream().filter(m -> fifth.schoolClass().students().stream()
                .anyMatch(p -> p.id().equals(m.student()) && p.left() == null)).findFirst().orElseThrow();
        String subject = lesson(fifth, any.lesson()).subject();
        List<Snapshot.Mark> marks = new ArrayList<>();
        int kept = 0;
        for (Snapshot.Mark m : fifth.schoolClass().marks()) {
            boolean same = m.student().equals(any.student()) && lesson(fifth, m.lesson()).subject().equals(subject);
            if (!same || kept++ < 2) {
                marks.add(m);
            }
        }

        JournalControl control = JournalControl.of(withMarks(fifth, marks), SEED_004);

        assertThat(control.of(Kind.FEW_MARKS)).singleElement().satisfies(m -> {
            assertThat(m.studentId()).isEqualTo(any.student());
            assertThat(m.subject()).isEqualTo(subject);
            assertThat(m.count()).isEqualTo(2);
            assertThat(m.minimum()).isEqualTo(3);
        });
        assertThat(JournalControl.of(withMarks(fifth, marks), SEED_001).of(Kind.FEW_MARKS)).isEmpty();
    }

    /** Every mark entered at 15:00 of its lesson's day, every final mark on the period's first day, at an offset. */
    static ClassJournal onTime(ClassJournal journal, String offset) {
        Snapshot.SchoolClass c = journal.schoolClass();
        List<Snapshot.Mark> marks = c.marks().stream().map(m -> at(m, m.workType(),
                lesson(journal, m.lesson()).date() + "T15:00:00" + offset)).toList();
        List<Snapshot.FinalMark> finals = c.finalMarks().stream().map(f -> new Snapshot.FinalMark(f.student(),
                f.subject(), f.period(), f.value(), c.period().start() + "T15:00:00" + offset, f.enteredBy())).toList();
        return with(journal, x -> new Snapshot.SchoolClass(x.id(), x.name(), x.grade(), x.classTeacher(), x.period(),
                x.students(), x.groups(), x.lessons(), marks, x.attendance(), finals));
    }

    private static Snapshot.Mark at(Snapshot.Mark m, String workType, String enteredAt) {
        return new Snapshot.Mark(m.student(), m.lesson(), m.value(), workType, enteredAt, m.enteredBy());
    }

    /** The first mark of a work type whose lesson has no other edited mark (its enteredAt still at 15:00). */
    private static Snapshot.Mark firstOfType(ClassJournal journal, List<Snapshot.Mark> marks, String type) {
        return marks.stream().filter(m -> type.equals(m.workType()) && m.enteredAt().contains("T15:00:00"))
                .findFirst().orElseThrow();
    }

    private static ClassJournal withMarks(ClassJournal journal, List<Snapshot.Mark> marks) {
        return with(journal, x -> new Snapshot.SchoolClass(x.id(), x.name(), x.grade(), x.classTeacher(), x.period(),
                x.students(), x.groups(), x.lessons(), marks, x.attendance(), x.finalMarks()));
    }

    private static ClassJournal with(ClassJournal journal, UnaryOperator<Snapshot.SchoolClass> change) {
        return new ClassJournal(journal.format(), journal.school(), journal.academicYear(), journal.gradingScale(),
                journal.teachers(), journal.subjects(), change.apply(journal.schoolClass()));
    }

    private static Snapshot.Lesson lesson(ClassJournal journal, String lessonId) {
        return journal.schoolClass().lessons().stream().filter(l -> l.id().equals(lessonId)).findFirst()
                .orElseThrow();
    }

    private static Snapshot.Lesson firstLesson(ClassJournal journal, String date, int number) {
        return journal.schoolClass().lessons().stream()
                .filter(l -> l.date().toString().equals(date) && l.number() == number && l.homework() == null)
                .findFirst().orElseThrow();
    }
}
