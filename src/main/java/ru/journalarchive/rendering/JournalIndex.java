package ru.journalarchive.rendering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot.Attendance;
import ru.journalarchive.snapshot.Snapshot.FinalMark;
import ru.journalarchive.snapshot.Snapshot.Group;
import ru.journalarchive.snapshot.Snapshot.Lesson;
import ru.journalarchive.snapshot.Snapshot.Mark;
import ru.journalarchive.snapshot.Snapshot.SchoolClass;
import ru.journalarchive.snapshot.Snapshot.Student;
import ru.journalarchive.snapshot.Snapshot.Subject;

/**
 * The class journal rearranged the way the paper journal reads it: pupils in alphabetical order, one sheet per
 * subject (and per group of a split subject) with its lessons in date order, and lookups of marks, absences and
 * final marks. Every ordering is total and locale-independent, so rendering stays deterministic.
 */
final class JournalIndex {

    /** Final-mark kinds beside the period's own, in the order they are printed. */
    static final List<String> YEAR_KINDS = List.of("Y", "E", "F");

    private static final Comparator<Lesson> LESSON_ORDER = Comparator.comparing(Lesson::date)
            .thenComparingInt(Lesson::number).thenComparing(Lesson::id);

    private final ClassJournal journal;
    private final SchoolClass schoolClass;
    private final List<Student> pupils;
    private final List<Sheet> sheets;
    private final Map<Key, List<Mark>> marks = new HashMap<>();
    private final Map<Key, List<String>> absences = new HashMap<>();
    private final Map<Key, FinalMark> finalMarks = new HashMap<>();

    JournalIndex(ClassJournal journal) {
        this.journal = journal;
        this.schoolClass = journal.schoolClass();
        this.pupils = list(schoolClass.students()).stream()
                .sorted(Comparator.comparing((Student s) -> sortKey(s.fullName())).thenComparing(Student::id))
                .toList();
        for (Mark mark : list(schoolClass.marks())) {
            marks.computeIfAbsent(key(mark.student(), mark.lesson()), k -> new ArrayList<>()).add(mark);
        }
        for (Attendance absence : list(schoolClass.attendance())) {
            absences.computeIfAbsent(key(absence.student(), absence.lesson()), k -> new ArrayList<>())
                    .add(absence.code());
        }
        for (FinalMark mark : list(schoolClass.finalMarks())) {
            finalMarks.putIfAbsent(key(mark.student(), mark.subject(), mark.period()), mark);
        }
        this.sheets = buildSheets();
    }

    ClassJournal journal() {
        return journal;
    }

    SchoolClass schoolClass() {
        return schoolClass;
    }

    /**
     * A school's grade 1 keeps no marks: its journal shows attendance, topics and homework only. A college's course 1
     * has marks.
     */
    boolean keepsMarks() {
        return schoolClass.grade() != 1 || journal.school().isCollege();
    }

    List<Student> pupils() {
        return pupils;
    }

    List<Sheet> sheets() {
        return sheets;
    }

    List<Mark> marks(String student, String lesson) {
        return marks.getOrDefault(key(student, lesson), List.of());
    }

    List<String> absences(String student, String lesson) {
        return absences.getOrDefault(key(student, lesson), List.of());
    }

    /** The final mark of a pupil in a subject for a period id (or Y, E, F), or null. */
    String finalMark(String student, String subject, String period) {
        FinalMark mark = finalMarks.get(key(student, subject, period));
        return mark == null ? null : mark.value();
    }

    /** Subjects of the final-marks sheet: those with lessons or final marks in this class, in journal order. */
    List<Subject> subjectsWithResults() {
        Set<String> ids = new LinkedHashSet<>();
        list(schoolClass.lessons()).forEach(l -> ids.add(l.subject()));
        list(schoolClass.finalMarks()).forEach(f -> ids.add(f.subject()));
        return orderedSubjects(ids);
    }

    /** Which of Y, E, F carry at least one final mark in the subject. */
    List<String> yearKinds(String subject) {
        return YEAR_KINDS.stream().filter(kind -> list(schoolClass.finalMarks()).stream()
                .anyMatch(f -> subject.equals(f.subject()) && kind.equals(f.period()))).toList();
    }

    /** Whether the lesson date lies outside the pupil's time in the class (before arrival or after departure). */
    static boolean outsideEnrolment(Student pupil, LocalDate date) {
        return (pupil.enrolled() != null && date.isBefore(pupil.enrolled()))
                || (pupil.left() != null && date.isAfter(pupil.left()));
    }

    /** «Фамилия И. О.» from a full name «Фамилия Имя Отчество». */
    static String shortName(String fullName) {
        String[] parts = fullName == null ? new String[0] : fullName.trim().split("\\s+");
        if (parts.length == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.append(" ").append(parts[i].charAt(0)).append('.');
            }
        }
        return out.toString();
    }

    private List<Sheet> buildSheets() {
        Map<String, List<Lesson>> bySubject = new LinkedHashMap<>();
        list(schoolClass.lessons()).stream().sorted(LESSON_ORDER)
                .forEach(l -> bySubject.computeIfAbsent(l.subject(), k -> new ArrayList<>()).add(l));
        Map<String, Group> groups = new LinkedHashMap<>();
        list(schoolClass.groups()).forEach(g -> groups.put(g.id(), g));
        List<Sheet> result = new ArrayList<>();
        for (Subject subject : orderedSubjects(bySubject.keySet())) {
            Map<String, List<Lesson>> byGroup = new LinkedHashMap<>();
            List<Lesson> lessons = bySubject.get(subject.id());
            lessons.stream().filter(l -> l.group() == null).forEach(l -> add(byGroup, "", l));
            groups.keySet().forEach(id -> lessons.stream().filter(l -> id.equals(l.group()))
                    .forEach(l -> add(byGroup, id, l)));
            lessons.stream().filter(l -> l.group() != null && !groups.containsKey(l.group()))
                    .forEach(l -> add(byGroup, l.group(), l));
            byGroup.forEach((groupId, groupLessons) -> {
                Group group = groups.get(groupId);
                List<Student> sheetPupils = group == null ? pupils
                        : pupils.stream().filter(p -> list(group.students()).contains(p.id())).toList();
                String groupName = groupId.isEmpty() ? null : group == null ? groupId : group.name();
                String teacherId = mainTeacher(groupLessons);
                result.add(new Sheet(subject, groupName, sheetPupils, groupLessons,
                        teacherId == null ? "" : journal.teacherName(teacherId), teacherId));
            });
        }
        return result;
    }

    private static void add(Map<String, List<Lesson>> byGroup, String groupId, Lesson lesson) {
        byGroup.computeIfAbsent(groupId, k -> new ArrayList<>()).add(lesson);
    }

    /** The id of the teacher who gives the lessons as a rule (substitutes count for the teacher they replaced), or null. */
    private static String mainTeacher(List<Lesson> lessons) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Lesson lesson : lessons) {
            String regular = lesson.replacedTeacher() != null ? lesson.replacedTeacher() : lesson.teacher();
            if (regular != null) {
                counts.merge(regular, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
    }

    private List<Subject> orderedSubjects(Set<String> ids) {
        List<Subject> ordered = new ArrayList<>();
        list(journal.subjects()).stream().filter(s -> ids.contains(s.id())).forEach(ordered::add);
        ids.stream().filter(id -> ordered.stream().noneMatch(s -> s.id().equals(id)))
                .forEach(id -> ordered.add(new Subject(id, journal.subjectName(id))));
        return ordered;
    }

    /** Alphabetical order for Russian names without a locale-dependent collator: ё sorts as е. */
    private static String sortKey(String name) {
        return Objects.requireNonNullElse(name, "").toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
    }

    private static Key key(String student, String item) {
        return new Key(student, item, "");
    }

    private static Key key(String student, String subject, String period) {
        return new Key(student, subject, period);
    }

    /** A lookup key: a pupil and a lesson, or a pupil, subject and period. */
    private record Key(String student, String item, String period) {
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * One subject's section of the journal: the whole class, or one group of a split subject.
     *
     * @param groupName the group's name, or null for the whole class
     * @param teacher   the full name of the teacher who usually gives these lessons (empty if none)
     * @param teacherId that teacher's id, or null when the sheet has no lessons with a teacher
     */
    record Sheet(Subject subject, String groupName, List<Student> pupils, List<Lesson> lessons, String teacher,
                 String teacherId) {

        /** «Русский язык», or the group's name («Английский язык, группа 1») for a group. */
        String title() {
            if (groupName == null) {
                return subject.name();
            }
            return groupName.contains(subject.name()) ? groupName : subject.name() + " (" + groupName + ")";
        }
    }
}
