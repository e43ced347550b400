package ru.journalarchive.freezing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;

/**
 * The deputy's control report of one frozen period journal (002 §1.2.10, §1.2.13; 004 §4.6.5): marks entered late
 * (more than {@link #LATE_AFTER_DAYS} days after their lesson), final marks of the period missing for a pupil who is
 * in the class at the period's end, and lessons without a topic or (from grade 2: grade 1 has no homework) without
 * homework. Computed from the frozen journal only, so it describes exactly what was archived.
 *
 * @param lateMarks          marks entered late, by lesson date
 * @param missingFinalMarks  pupil × subject without the period's final mark (none for grade 1, which has no marks)
 * @param lessonsWithoutTopic   lessons whose topic is empty
 * @param lessonsWithoutHomework lessons whose homework is empty (none for grade 1)
 */
public record JournalControl(List<LateMark> lateMarks, List<MissingFinalMark> missingFinalMarks,
                             List<LessonGap> lessonsWithoutTopic, List<LessonGap> lessonsWithoutHomework) {

    /** A mark entered more days than this after its lesson's date is late. */
    public static final int LATE_AFTER_DAYS = 3;

    /** A mark entered late. */
    public record LateMark(String student, String subject, LocalDate lessonDate, String value, LocalDate enteredOn,
                           long daysLate, String enteredBy) {
    }

    /** A pupil without the period's final mark in a subject. */
    public record MissingFinalMark(String student, String subject) {
    }

    /** A lesson with an unfilled field. */
    public record LessonGap(LocalDate date, int number, String subject, String teacher) {
    }

    /** Whether the journal has nothing to report. */
    public boolean clean() {
        return lateMarks.isEmpty() && missingFinalMarks.isEmpty() && lessonsWithoutTopic.isEmpty()
                && lessonsWithoutHomework.isEmpty();
    }

    /** The control report of a frozen class journal. */
    public static JournalControl of(ClassJournal journal) {
        Snapshot.SchoolClass c = journal.schoolClass();
        Map<String, Snapshot.Lesson> lessons = nz(c.lessons()).stream()
                .collect(Collectors.toMap(Snapshot.Lesson::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> names = nz(c.students()).stream()
                .collect(Collectors.toMap(Snapshot.Student::id, Snapshot.Student::fullName, (a, b) -> a));
        boolean marked = Completeness.keepsMarks(journal);

        List<LateMark> late = new ArrayList<>();
        for (Snapshot.Mark m : nz(c.marks())) {
            Snapshot.Lesson lesson = lessons.get(m.lesson());
            LocalDate entered = day(m.enteredAt());
            if (lesson == null || entered == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(lesson.date(), entered);
            if (days > LATE_AFTER_DAYS) {
                late.add(new LateMark(names.getOrDefault(m.student(), m.student()),
                        journal.subjectName(lesson.subject()), lesson.date(), m.value(), entered, days,
                        journal.teacherName(m.enteredBy())));
            }
        }
        late.sort(Comparator.comparing(LateMark::lessonDate).thenComparing(LateMark::subject)
                .thenComparing(LateMark::student));

        List<MissingFinalMark> missing = Completeness.missingFinalMarks(journal).stream()
                .map(m -> new MissingFinalMark(m.studentName(), m.subjectName())).toList();

        List<LessonGap> noTopic = new ArrayList<>();
        List<LessonGap> noHomework = new ArrayList<>();
        for (Snapshot.Lesson l : lessons.values()) {
            LessonGap gap = new LessonGap(l.date(), l.number(), journal.subjectName(l.subject()),
                    journal.teacherName(l.teacher()));
            if (blank(l.topic())) {
                noTopic.add(gap);
            }
            if (marked && blank(l.homework())) {
                noHomework.add(gap);
            }
        }
        Comparator<LessonGap> order = Comparator.comparing(LessonGap::date).thenComparing(LessonGap::number);
        noTopic.sort(order);
        noHomework.sort(order);
        return new JournalControl(List.copyOf(late), List.copyOf(missing), List.copyOf(noTopic),
                List.copyOf(noHomework));
    }

    private static LocalDate day(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(instant).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
