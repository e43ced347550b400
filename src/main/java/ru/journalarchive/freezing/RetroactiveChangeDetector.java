package ru.journalarchive.freezing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares a frozen class journal with a later snapshot of the same class and period and lists what differs:
 * marks, absences and final marks with old and new values and who entered them when; then lessons, pupils and
 * anything else. Also tells a supplement after the close (only exam, final or year marks added) from such a change.
 */
final class RetroactiveChangeDetector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RetroactiveChangeDetector() {
    }

    static List<RetroactiveChange> differences(ClassJournal frozen, ClassJournal incoming) {
        List<RetroactiveChange> changes = new ArrayList<>();
        Snapshot.SchoolClass before = frozen.schoolClass();
        Snapshot.SchoolClass after = incoming.schoolClass();
        Map<String, Snapshot.Lesson> lessons = new LinkedHashMap<>();
        before.lessons().forEach(l -> lessons.put(l.id(), l));
        after.lessons().forEach(l -> lessons.putIfAbsent(l.id(), l));
        marks(before, after, lessons, changes);
        absences(before, after, lessons, changes);
        finalMarks(before, after, changes);
        lessons(before, after, changes);
        students(before, after, changes);
        if (changes.isEmpty() && !CanonicalJson.sha256(CanonicalJson.of(frozen))
                .equals(CanonicalJson.sha256(CanonicalJson.of(incoming)))) {
            changes.add(new RetroactiveChange(RetroactiveChange.Kind.OTHER, null, null, null, null, null,
                    otherField(frozen, incoming), null, null, null, null, null, null));
        }
        return changes;
    }

    /**
     * The marks a re-close only adds after the close, if that is all it does: every difference is an exam (E) or final
     * (F) mark of a {@linkplain #graduating graduating class}, or a year (Y) mark, absent from the frozen journal and present in the incoming one, and the incoming journal
     * without those marks is exactly the frozen one. Anything else — a changed or removed value, a period final mark
     * added later, any other difference — is not a supplement (empty): the re-close stays a retroactive change.
     */
    static Optional<List<JournalSupplement.AddedMark>> supplement(ClassJournal frozen, ClassJournal incoming,
            List<RetroactiveChange> changes) {
        boolean graduating = graduating(incoming);
        boolean onlyAdded = !changes.isEmpty() && changes.stream().allMatch(c ->
                c.kind() == RetroactiveChange.Kind.FINAL_MARK && c.oldValue() == null && c.newValue() != null
                        && JournalSupplement.KINDS.contains(c.period())
                        && (graduating || JournalSupplement.YEAR.equals(c.period())));
        if (!onlyAdded) {
            return Optional.empty();
        }
        Set<String> added = changes.stream().map(c -> c.studentId() + "|" + c.subjectId() + "|" + c.period())
                .collect(Collectors.toSet());
        // The detector lists other content only when nothing else differs: check the rest is byte for byte the same.
        ObjectNode tree = JSON.valueToTree(incoming);
        ArrayNode finalMarks = (ArrayNode) tree.get("class").get("finalMarks");
        for (int i = finalMarks.size() - 1; i >= 0; i--) {
            JsonNode f = finalMarks.get(i);
            if (added.contains(f.get("student").asString() + "|" + f.get("subject").asString() + "|"
                    + f.get("period").asString())) {
                finalMarks.remove(i);
            }
        }
        byte[] rest = CanonicalJson.of(CanonicalJson.read(JSON.writeValueAsBytes(tree)));
        if (!CanonicalJson.sha256(rest).equals(CanonicalJson.sha256(CanonicalJson.of(frozen)))) {
            return Optional.empty();
        }
        return Optional.of(changes.stream().map(c -> new JournalSupplement.AddedMark(c.studentId(), c.subjectId(),
                c.period(), c.newValue(), c.newEnteredBy(), c.newEnteredAt())).toList());
    }

    /**
     * Whether the class sits its exams this year, so that exam (E) and final (F) marks may follow the close: grades 9
     * and 11 of a school, a college group's last course (or any course when the snapshot does not say which is last).
     */
    static boolean graduating(ClassJournal journal) {
        Snapshot.SchoolClass c = journal.schoolClass();
        if (journal.school().isCollege()) {
            return c.lastCourse() == null || c.lastCourse() == c.grade();
        }
        return c.grade() == 9 || c.grade() == 11;
    }

    private static void marks(Snapshot.SchoolClass before, Snapshot.SchoolClass after,
            Map<String, Snapshot.Lesson> lessons, List<RetroactiveChange> changes) {
        Map<String, List<Snapshot.Mark>> old = group(before.marks(), m -> m.student() + "|" + m.lesson());
        Map<String, List<Snapshot.Mark>> neu = group(after.marks(), m -> m.student() + "|" + m.lesson());
        for (String key : union(old.keySet(), neu.keySet())) {
            List<Snapshot.Mark> o = old.getOrDefault(key, List.of());
            List<Snapshot.Mark> n = neu.getOrDefault(key, List.of());
            if (o.equals(n)) {
                continue;
            }
            int count = Math.max(o.size(), n.size());
            for (int i = 0; i < count; i++) {
                Snapshot.Mark a = i < o.size() ? o.get(i) : null;
                Snapshot.Mark b = i < n.size() ? n.get(i) : null;
                if (Objects.equals(a, b)) {
                    continue;
                }
                Snapshot.Mark any = a != null ? a : b;
                Snapshot.Lesson lesson = lessons.get(any.lesson());
                changes.add(new RetroactiveChange(RetroactiveChange.Kind.MARK,
                        lesson == null ? null : lesson.subject(), any.student(), any.lesson(),
                        lesson == null ? null : String.valueOf(lesson.date()), null, null,
                        a == null ? null : withWorkType(a), b == null ? null : withWorkType(b),
                        a == null ? null : a.enteredAt(), a == null ? null : a.enteredBy(),
                        b == null ? null : b.enteredAt(), b == null ? null : b.enteredBy()));
            }
        }
    }

    private static String withWorkType(Snapshot.Mark mark) {
        return mark.workType() == null || mark.workType().isBlank() ? mark.value() : mark.value() + " " + mark.workType();
    }

    private static void absences(Snapshot.SchoolClass before, Snapshot.SchoolClass after,
            Map<String, Snapshot.Lesson> lessons, List<RetroactiveChange> changes) {
        Map<String, String> old = before.attendance().stream()
                .collect(Collectors.toMap(a -> a.student() + "|" + a.lesson(), Snapshot.Attendance::code, (x, y) -> x));
        Map<String, String> neu = after.attendance().stream()
                .collect(Collectors.toMap(a -> a.student() + "|" + a.lesson(), Snapshot.Attendance::code, (x, y) -> x));
        for (String key : union(old.keySet(), neu.keySet())) {
            if (Objects.equals(old.get(key), neu.get(key))) {
                continue;
            }
            String[] parts = key.split("\\|", 2);
            Snapshot.Lesson lesson = lessons.get(parts[1]);
            changes.add(new RetroactiveChange(RetroactiveChange.Kind.ABSENCE, lesson == null ? null : lesson.subject(),
                    parts[0], parts[1], lesson == null ? null : String.valueOf(lesson.date()), null, null,
                    old.get(key), neu.get(key), null, null, null, null));
        }
    }

    private static void finalMarks(Snapshot.SchoolClass before, Snapshot.SchoolClass after,
            List<RetroactiveChange> changes) {
        Function<Snapshot.FinalMark, String> key = f -> f.student() + "|" + f.subject() + "|" + f.period();
        Map<String, Snapshot.FinalMark> old = before.finalMarks().stream()
                .collect(Collectors.toMap(key, Function.identity(), (x, y) -> x));
        Map<String, Snapshot.FinalMark> neu = after.finalMarks().stream()
                .collect(Collectors.toMap(key, Function.identity(), (x, y) -> x));
        for (String k : union(old.keySet(), neu.keySet())) {
            Snapshot.FinalMark a = old.get(k);
            Snapshot.FinalMark b = neu.get(k);
            if (Objects.equals(a, b)) {
                continue;
            }
            Snapshot.FinalMark any = a != null ? a : b;
            changes.add(new RetroactiveChange(RetroactiveChange.Kind.FINAL_MARK, any.subject(), any.student(), null,
                    null, any.period(), null, a == null ? null : a.value(), b == null ? null : b.value(),
                    a == null ? null : a.enteredAt(), a == null ? null : a.enteredBy(),
                    b == null ? null : b.enteredAt(), b == null ? null : b.enteredBy()));
        }
    }

    private static void lessons(Snapshot.SchoolClass before, Snapshot.SchoolClass after, List<RetroactiveChange> changes) {
        Map<String, Snapshot.Lesson> old = byId(before.lessons(), Snapshot.Lesson::id);
        Map<String, Snapshot.Lesson> neu = byId(after.lessons(), Snapshot.Lesson::id);
        for (String id : union(old.keySet(), neu.keySet())) {
            Snapshot.Lesson a = old.get(id);
            Snapshot.Lesson b = neu.get(id);
            if (Objects.equals(a, b)) {
                continue;
            }
            Snapshot.Lesson any = a != null ? a : b;
            changes.add(new RetroactiveChange(RetroactiveChange.Kind.LESSON, any.subject(), null, id,
                    String.valueOf(any.date()), null, a == null || b == null ? "lesson" : lessonField(a, b),
                    a == null ? null : describe(a, b, true), b == null ? null : describe(a, b, false),
                    null, null, null, null));
        }
    }

    private static String lessonField(Snapshot.Lesson a, Snapshot.Lesson b) {
        if (!Objects.equals(a.topic(), b.topic())) {
            return "topic";
        }
        if (!Objects.equals(a.homework(), b.homework())) {
            return "homework";
        }
        if (!Objects.equals(a.teacher(), b.teacher()) || !Objects.equals(a.replacedTeacher(), b.replacedTeacher())) {
            return "teacher";
        }
        if (!Objects.equals(a.date(), b.date()) || a.number() != b.number()) {
            return "date";
        }
        return "lesson";
    }

    private static String describe(Snapshot.Lesson a, Snapshot.Lesson b, boolean old) {
        Snapshot.Lesson l = old ? a : b;
        if (a == null || b == null) {
            return l.date() + " №" + l.number();
        }
        return switch (lessonField(a, b)) {
            case "topic" -> l.topic();
            case "homework" -> l.homework();
            case "teacher" -> l.teacher() + (l.replacedTeacher() == null ? "" : " / " + l.replacedTeacher());
            default -> l.date() + " №" + l.number();
        };
    }

    private static void students(Snapshot.SchoolClass before, Snapshot.SchoolClass after, List<RetroactiveChange> changes) {
        Map<String, Snapshot.Student> old = byId(before.students(), Snapshot.Student::id);
        Map<String, Snapshot.Student> neu = byId(after.students(), Snapshot.Student::id);
        for (String id : union(old.keySet(), neu.keySet())) {
            Snapshot.Student a = old.get(id);
            Snapshot.Student b = neu.get(id);
            if (Objects.equals(a, b)) {
                continue;
            }
            String field = a == null || b == null ? "student"
                    : !Objects.equals(a.fullName(), b.fullName()) ? "fullName"
                    : !Objects.equals(a.enrolled(), b.enrolled()) ? "enrolled" : "left";
            changes.add(new RetroactiveChange(RetroactiveChange.Kind.STUDENT, null, id, null, null, null, field,
                    a == null ? null : studentValue(a, field), b == null ? null : studentValue(b, field),
                    null, null, null, null));
        }
    }

    private static String studentValue(Snapshot.Student s, String field) {
        return switch (field) {
            case "fullName" -> s.fullName();
            case "enrolled" -> String.valueOf(s.enrolled());
            case "left" -> String.valueOf(s.left());
            default -> s.id();
        };
    }

    private static String otherField(ClassJournal a, ClassJournal b) {
        if (!Objects.equals(a.school(), b.school())) {
            return "school";
        }
        if (!Objects.equals(a.gradingScale(), b.gradingScale())) {
            return "gradingScale";
        }
        if (!Objects.equals(new TreeSet<>(a.teachers().stream().map(Object::toString).toList()),
                new TreeSet<>(b.teachers().stream().map(Object::toString).toList()))) {
            return "teachers";
        }
        if (!Objects.equals(new TreeSet<>(a.subjects().stream().map(Object::toString).toList()),
                new TreeSet<>(b.subjects().stream().map(Object::toString).toList()))) {
            return "subjects";
        }
        if (!Objects.equals(a.schoolClass().period(), b.schoolClass().period())) {
            return "class.period";
        }
        if (!Objects.equals(a.schoolClass().groups(), b.schoolClass().groups())) {
            return "class.groups";
        }
        return "class";
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> map = new LinkedHashMap<>();
        for (T item : items) {
            map.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        map.values().forEach(list -> list.sort(Comparator.comparing(Object::toString)));
        return map;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
