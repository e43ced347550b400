package ru.journalarchive.freezing;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.journalarchive.freezing.ControlFinding.Kind;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;

/**
 * What the control report looks up in one frozen class journal (its lessons and pupils by id, names of subjects and
 * teachers), and the findings made of them with the class's ids and names filled in.
 */
final class ClassFacts {

    private final ClassJournal journal;
    private final Snapshot.SchoolClass schoolClass;
    private final Map<String, Snapshot.Lesson> lessons;
    private final Map<String, String> pupilNames;

    ClassFacts(ClassJournal journal) {
        this.journal = journal;
        this.schoolClass = journal.schoolClass();
        this.lessons = nz(schoolClass.lessons()).stream().collect(Collectors.toMap(Snapshot.Lesson::id,
                Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.pupilNames = nz(schoolClass.students()).stream().collect(Collectors.toMap(Snapshot.Student::id,
                Snapshot.Student::fullName, (a, b) -> a));
    }

    ClassJournal journal() {
        return journal;
    }

    Snapshot.SchoolClass schoolClass() {
        return schoolClass;
    }

    /** The lessons in the journal's order. */
    java.util.Collection<Snapshot.Lesson> lessons() {
        return lessons.values();
    }

    /** A lesson by id, or null. */
    Snapshot.Lesson lesson(String lessonId) {
        return lessons.get(lessonId);
    }

    /** A mark entered after its deadline. */
    ControlFinding lateMark(Snapshot.Mark m, Snapshot.Lesson l, boolean oral, ZonedDateTime due, boolean byTime) {
        return finding(Kind.LATE_MARK, m.student(), l, l.subject(), m.workType(), oral, m.value(), m.enteredAt(),
                m.enteredBy(), due, byTime, null, null);
    }

    /** A period final mark entered after the final-mark deadline. */
    ControlFinding lateFinalMark(Snapshot.FinalMark f, ZonedDateTime due) {
        return finding(Kind.LATE_FINAL_MARK, f.student(), null, f.subject(), null, false, f.value(), f.enteredAt(),
                f.enteredBy(), due, false, null, null);
    }

    /** A pupil with fewer current marks in a subject than the minimum. */
    ControlFinding fewMarks(String studentId, String subject, int count, int minimum) {
        return finding(Kind.FEW_MARKS, studentId, null, subject, null, false, null, null, null, null, false, count,
                minimum);
    }

    /** A pupil without the period's final mark in a subject. */
    ControlFinding missingFinalMark(String studentId, String subject) {
        return finding(Kind.MISSING_FINAL_MARK, studentId, null, subject, null, false, null, null, null, null, false,
                null, null);
    }

    /** A lesson without topic or homework. */
    ControlFinding lessonGap(Kind kind, Snapshot.Lesson l) {
        return finding(kind, null, l, l.subject(), null, false, null, null, null, null, false, null, null);
    }

    private ControlFinding finding(Kind kind, String studentId, Snapshot.Lesson l, String subject, String workType,
            boolean oral, String value, String enteredAt, String enteredBy, ZonedDateTime due, boolean byTime,
            Integer count, Integer minimum) {
        boolean gap = kind == Kind.NO_TOPIC || kind == Kind.NO_HOMEWORK;
        return new ControlFinding(kind, schoolClass.id(), schoolClass.name(), schoolClass.period().id(),
                schoolClass.period().name(), studentId,
                studentId == null ? null : pupilNames.getOrDefault(studentId, studentId),
                l == null ? null : l.id(), l == null ? null : l.date(), l == null ? null : l.number(),
                subject, journal.subjectName(subject), workType, oral, value, enteredAt, enteredBy,
                enteredBy == null ? null : journal.teacherName(enteredBy), due, byTime,
                gap ? l.teacher() : null, gap ? journal.teacherName(l.teacher()) : null, count, minimum);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
