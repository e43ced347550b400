package ru.journalarchive.snapshot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks the rules of {@code journal-snapshot/1} that a JSON Schema cannot express: unique ids, resolving
 * references, real dates, periods inside the academic year, lessons inside the period, marks on the scale, no marks
 * in grade 1 of a school (a college's course 1 has marks), courses 1–5 and semesters H1/H2 in a college, a group's
 * last course (colleges only, not below its course), pupils enrolled and in the lesson's group, one attendance record per pupil and lesson, one final mark
 * per pupil, subject and period. It works on the raw tree and tolerates values of the wrong type (the schema check
 * reports those), so that every violation is found in one pass.
 */
final class SemanticRules {

    /** The most violations collected; a snapshot that breaks more is rejected with the first ones listed. */
    static final int MAX_VIOLATIONS = 10_000;

    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT_SHAPE =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final Pattern YEAR_SHAPE = Pattern.compile("([0-9]{4})/([0-9]{4})");
    private static final Pattern PERIOD_ID = Pattern.compile("([QH])([1-4])");
    private static final List<String> DEFAULT_MARKS = List.of("1", "2", "3", "4", "5");

    private final Messages messages;
    private final List<Violation> violations = new ArrayList<>();
    private long overflow;

    /** Course numbers of a college: 1–5. */
    static final int MAX_COURSE = 5;

    private boolean college;
    private LocalDate yearStart;
    private LocalDate yearEnd;
    private Set<String> scale;
    private Set<String> teachers;
    private Set<String> subjects;
    private final Map<String, String> studentClasses = new HashMap<>();

    SemanticRules(Messages messages) {
        this.messages = messages;
    }

    /** Every semantic violation of {@code root}, at most {@link #MAX_VIOLATIONS} (then a last one saying so). */
    List<Violation> check(JsonNode root) {
        academicYear(root);
        college = Snapshot.School.COLLEGE.equals(text(root.get("school"), "kind"));
        instant(root, "exportedAt", JsonPaths.ROOT);
        scale = gradingScale(root.get("gradingScale"));
        teachers = keys(root.get("teachers"), uniqueIds(root.get("teachers"), "$.teachers", "id"));
        subjects = keys(root.get("subjects"), uniqueIds(root.get("subjects"), "$.subjects", "id"));
        uniqueIds(root.get("classes"), "$.classes", "id");
        JsonNode classes = root.get("classes");
        if (classes != null && classes.isArray()) {
            for (int i = 0; i < classes.size(); i++) {
                if (classes.get(i).isObject()) {
                    schoolClass(classes.get(i), JsonPaths.index("$.classes", i));
                }
            }
        }
        if (overflow > 0) {
            violations.add(new Violation(JsonPaths.ROOT, messages.get("too-many", MAX_VIOLATIONS, overflow)));
        }
        return violations;
    }

    /** How many violations the last {@link #check} found, listed or only counted (its closing note not included). */
    long found() {
        return violations.size() - (overflow > 0 ? 1 : 0) + overflow;
    }

    private void academicYear(JsonNode root) {
        String year = text(root, "academicYear");
        Matcher m = year == null ? null : YEAR_SHAPE.matcher(year);
        if (m == null || !m.matches()) {
            return;
        }
        int first = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != first + 1) {
            add("$.academicYear", "year.sequence", year);
            return;
        }
        yearStart = LocalDate.of(first, 9, 1);
        yearEnd = LocalDate.of(first + 1, 8, 31);
    }

    private Set<String> gradingScale(JsonNode node) {
        Set<String> values = new LinkedHashSet<>();
        if (node == null || !node.isObject()) {
            values.addAll(DEFAULT_MARKS);
            return values;
        }
        for (String list : List.of("marks", "special")) {
            JsonNode array = node.get(list);
            if (array != null && array.isArray()) {
                array.forEach(v -> {
                    if (v.isString()) {
                        values.add(v.stringValue());
                    }
                });
            }
        }
        return values;
    }

    private record Pupil(LocalDate enrolled, LocalDate left) {
    }

    private record LessonFacts(LocalDate date, String group) {
    }

    private record GroupFacts(String subject, Set<String> students) {
    }

    private void schoolClass(JsonNode c, String path) {
        ref(c, "classTeacher", path, teachers, "ref.teacher");
        int grade = c.path("grade").isInt() ? c.get("grade").intValue() : 0;
        courseAndLastCourse(c, path, grade);

        JsonNode period = c.get("period");
        String periodPath = path + ".period";
        String periodId = text(period, "id");
        if (college && periodId != null && periodId.startsWith("Q")) {
            add(periodPath + ".id", "college.period", periodId);
        }
        LocalDate start = date(period, "start", periodPath);
        LocalDate end = date(period, "end", periodPath);
        if (start != null && end != null && start.isAfter(end)) {
            add(periodPath + ".end", "period.reversed", end, start);
        }
        insideYear(start, periodPath + ".start");
        insideYear(end, periodPath + ".end");

        Map<String, Pupil> pupils = students(c.get("students"), path + ".students", path);
        Map<String, GroupFacts> groups = groups(c.get("groups"), path + ".groups", keys(c.get("students"), pupils));
        Map<String, LessonFacts> lessons = lessons(c.get("lessons"), path + ".lessons", groups,
                keys(c.get("groups"), groups), start, end);
        Set<String> pupilIds = keys(c.get("students"), pupils);
        Set<String> lessonIds = keys(c.get("lessons"), lessons);

        JsonNode marks = c.get("marks");
        if (grade == 1 && !college && marks != null && marks.isArray() && !marks.isEmpty()) {
            add(path + ".marks", "grade1.marks", marks.size());
        }
        forEachObject(marks, path + ".marks", (mark, at) -> {
            String pupil = ref(mark, "student", at, pupilIds, "ref.student");
            String lesson = ref(mark, "lesson", at, lessonIds, "ref.lesson");
            onScale(mark, at);
            instant(mark, "enteredAt", at);
            ref(mark, "enteredBy", at, teachers, "ref.teacher");
            presence(pupil, lesson, pupils, lessons, groups, at, "mark");
        });

        Map<String, Integer> seenAttendance = new HashMap<>();
        forEachObject(c.get("attendance"), path + ".attendance", (record, at) -> {
            String pupil = ref(record, "student", at, pupilIds, "ref.student");
            String lesson = ref(record, "lesson", at, lessonIds, "ref.lesson");
            presence(pupil, lesson, pupils, lessons, groups, at, "attendance");
            if (pupil != null && lesson != null) {
                Integer first = seenAttendance.putIfAbsent(pupil + '\u0000' + lesson, index(at));
                if (first != null) {
                    add(at, "attendance.duplicate", pupil, lesson, JsonPaths.index(path + ".attendance", first));
                }
            }
        });

        JsonNode finals = c.get("finalMarks");
        if (grade == 1 && !college && finals != null && finals.isArray() && !finals.isEmpty()) {
            add(path + ".finalMarks", "grade1.final-marks", finals.size());
        }
        Set<String> allowedPeriods = allowedFinalPeriods(periodId);
        Map<String, Integer> seenFinals = new HashMap<>();
        forEachObject(finals, path + ".finalMarks", (mark, at) -> {
            String pupil = ref(mark, "student", at, pupilIds, "ref.student");
            String subject = ref(mark, "subject", at, subjects, "ref.subject");
            String finalPeriod = text(mark, "period");
            if (finalPeriod != null && allowedPeriods != null && !allowedPeriods.contains(finalPeriod)) {
                add(at + ".period", "final.period", finalPeriod, periodId);
            }
            onScale(mark, at);
            instant(mark, "enteredAt", at);
            ref(mark, "enteredBy", at, teachers, "ref.teacher");
            if (pupil != null && subject != null && finalPeriod != null) {
                Integer first = seenFinals.putIfAbsent(pupil + '\u0000' + subject + '\u0000' + finalPeriod, index(at));
                if (first != null) {
                    add(at, "final.duplicate", pupil, subject, finalPeriod,
                            JsonPaths.index(path + ".finalMarks", first));
                }
            }
        });
    }

    /** A college's course is 1–5; {@code lastCourse} belongs to colleges only and is not below the course. */
    private void courseAndLastCourse(JsonNode c, String path, int grade) {
        if (college && grade > MAX_COURSE) {
            add(path + ".grade", "college.grade", grade, MAX_COURSE);
        }
        JsonNode last = c.get("lastCourse");
        if (last == null || last.isNull()) {
            return;
        }
        if (!college) {
            add(path + ".lastCourse", "last-course.school");
        } else if (last.isInt() && grade > 0 && grade <= MAX_COURSE && last.intValue() < grade) {
            add(path + ".lastCourse", "last-course.below-grade", last.intValue(), grade);
        }
    }

    private Map<String, Pupil> students(JsonNode array, String path, String classPath) {
        Map<String, Integer> ids = uniqueIds(array, path, "id");
        Map<String, Pupil> pupils = new HashMap<>();
        forEachObject(array, path, (student, at) -> {
            String id = text(student, "id");
            LocalDate enrolled = date(student, "enrolled", at);
            LocalDate left = date(student, "left", at);
            if (enrolled != null && left != null && left.isBefore(enrolled)) {
                add(at + ".left", "student.left-before-enrolled", left, enrolled);
            }
            if (id != null && ids.get(id) == index(at)) {
                pupils.put(id, new Pupil(enrolled, left));
                String other = studentClasses.putIfAbsent(id, classPath);
                if (other != null) {
                    add(at + ".id", "student.two-classes", id, other);
                }
            }
        });
        return pupils;
    }

    private Map<String, GroupFacts> groups(JsonNode array, String path, Set<String> pupils) {
        uniqueIds(array, path, "id");
        Map<String, GroupFacts> groups = new HashMap<>();
        forEachObject(array, path, (group, at) -> {
            String subject = ref(group, "subject", at, subjects, "ref.subject");
            Set<String> members = new HashSet<>();
            JsonNode list = group.get("students");
            if (list != null && list.isArray()) {
                for (int k = 0; k < list.size(); k++) {
                    JsonNode member = list.get(k);
                    if (member.isString()) {
                        members.add(member.stringValue());
                        if (pupils != null && !pupils.contains(member.stringValue())) {
                            add(JsonPaths.index(at + ".students", k), "ref.student", member.stringValue());
                        }
                    }
                }
            }
            String id = text(group, "id");
            if (id != null) {
                groups.putIfAbsent(id, new GroupFacts(subject, members));
            }
        });
        return groups;
    }

    private Map<String, LessonFacts> lessons(JsonNode array, String path, Map<String, GroupFacts> groups,
            Set<String> groupIds, LocalDate start, LocalDate end) {
        uniqueIds(array, path, "id");
        Map<String, LessonFacts> lessons = new HashMap<>();
        forEachObject(array, path, (lesson, at) -> {
            LocalDate day = date(lesson, "date", at);
            if (day != null && start != null && end != null && (day.isBefore(start) || day.isAfter(end))) {
                add(at + ".date", "lesson.outside-period", day, start, end);
            }
            String subject = ref(lesson, "subject", at, subjects, "ref.subject");
            String teacher = ref(lesson, "teacher", at, teachers, "ref.teacher");
            String replaced = ref(lesson, "replacedTeacher", at, teachers, "ref.teacher");
            if (teacher != null && teacher.equals(replaced)) {
                add(at + ".replacedTeacher", "lesson.self-replaced", teacher);
            }
            String group = ref(lesson, "group", at, groupIds, "ref.group");
            if (group != null && subject != null && groups.get(group).subject() != null
                    && !subject.equals(groups.get(group).subject())) {
                add(at + ".group", "lesson.group-subject", group, groups.get(group).subject(), subject);
            }
            String id = text(lesson, "id");
            if (id != null) {
                lessons.putIfAbsent(id, new LessonFacts(day, group));
            }
        });
        return lessons;
    }

    /** A mark or absence needs the pupil enrolled on the lesson's date and in the lesson's group. */
    private void presence(String pupil, String lesson, Map<String, Pupil> pupils, Map<String, LessonFacts> lessons,
            Map<String, GroupFacts> groups, String at, String kind) {
        if (pupil == null || lesson == null) {
            return;
        }
        Pupil who = pupils.get(pupil);
        LessonFacts when = lessons.get(lesson);
        LocalDate day = when.date();
        if (day != null && who.enrolled() != null && day.isBefore(who.enrolled())) {
            add(at, kind + ".before-enrolled", pupil, day, who.enrolled());
        }
        if (day != null && who.left() != null && day.isAfter(who.left())) {
            add(at, kind + ".after-left", pupil, day, who.left());
        }
        if (when.group() != null && !groups.get(when.group()).students().contains(pupil)) {
            add(at + ".student", kind + ".outside-group", pupil, when.group());
        }
    }

    private void onScale(JsonNode mark, String at) {
        String value = text(mark, "value");
        if (value != null && !scale.contains(value)) {
            add(at + ".value", "mark.value", Messages.quote(value), String.join(", ", scale));
        }
    }

    private static Set<String> allowedFinalPeriods(String periodId) {
        Matcher m = periodId == null ? null : PERIOD_ID.matcher(periodId);
        if (m == null || !m.matches()) {
            return null;
        }
        Set<String> allowed = new HashSet<>(List.of("Y", "E", "F"));
        for (int n = 1; n <= Integer.parseInt(m.group(2)); n++) {
            allowed.add(m.group(1) + n);
        }
        return allowed;
    }

    private void insideYear(LocalDate day, String path) {
        if (day != null && yearStart != null && (day.isBefore(yearStart) || day.isAfter(yearEnd))) {
            add(path, "period.outside-year", day, yearStart, yearEnd);
        }
    }

    /**
     * The ids of a list to check references against, or null when the list itself is missing or not an array: the
     * schema reports that once, rather than every reference into it failing.
     */
    private static Set<String> keys(JsonNode list, Map<String, ?> ids) {
        return list != null && list.isArray() ? ids.keySet() : null;
    }

    /** The ids of an array's objects with the index where each first occurs; repeats are violations. */
    private Map<String, Integer> uniqueIds(JsonNode array, String path, String field) {
        Map<String, Integer> ids = new HashMap<>();
        forEachObject(array, path, (item, at) -> {
            String id = text(item, field);
            if (id != null) {
                Integer first = ids.putIfAbsent(id, index(at));
                if (first != null) {
                    add(at + "." + field, "id.duplicate", Messages.quote(id), JsonPaths.index(path, first));
                }
            }
        });
        return ids;
    }

    /** The referenced id, or null when absent, not a string, or not resolving (then a violation). */
    private String ref(JsonNode obj, String field, String at, Set<String> known, String key) {
        String id = text(obj, field);
        if (id == null) {
            return null;
        }
        if (known == null) {
            return null;
        }
        if (!known.contains(id)) {
            add(at + "." + field, key, Messages.quote(id));
            return null;
        }
        return id;
    }

    private LocalDate date(JsonNode obj, String field, String at) {
        String value = text(obj, field);
        if (value == null || !DATE_SHAPE.matcher(value).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            add(at + "." + field, "date.impossible", value);
            return null;
        }
    }

    private void instant(JsonNode obj, String field, String at) {
        String value = text(obj, field);
        if (value == null || !INSTANT_SHAPE.matcher(value).matches()) {
            return;
        }
        try {
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            add(JsonPaths.property(at, field), "instant.impossible", value);
        }
    }

    private interface ItemCheck {
        void check(JsonNode item, String path);
    }

    private static void forEachObject(JsonNode array, String path, ItemCheck check) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isObject()) {
                check.check(item, JsonPaths.index(path, i));
            }
        }
    }

    /** The index at the end of an item path such as {@code $.classes[2]}. */
    private static int index(String itemPath) {
        return Integer.parseInt(itemPath.substring(itemPath.lastIndexOf('[') + 1, itemPath.length() - 1));
    }

    private static String text(JsonNode obj, String field) {
        if (obj == null || !obj.isObject()) {
            return null;
        }
        JsonNode value = obj.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private void add(String path, String key, Object... args) {
        if (violations.size() >= MAX_VIOLATIONS) {
            overflow++;
            return;
        }
        violations.add(new Violation(path, messages.get(key, args)));
    }
}
