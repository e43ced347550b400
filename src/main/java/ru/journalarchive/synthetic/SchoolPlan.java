package ru.journalarchive.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The staffing of a synthetic school, decided before any journal is written: the classes with their subjects, the
 * teachers (a primary-school teacher per class of grades 1–4, subject teachers loaded about 22 hours a week) and who
 * teaches what in which class, and the class teachers. For a college the classes are study groups of courses 1–4
 * (no primary-school teachers; every course has marks and semesters).
 */
final class SchoolPlan {

    /** A teacher of the school. */
    record Teacher(String id, String fullName) {
    }

    /**
     * One class: its ids, subjects (with weekly hours), and teachers per subject (two for a split subject); in a
     * {@code college} a study group whose {@code grade} is its course.
     */
    record PlannedClass(int index, String id, String name, int grade, int pupils, List<Curriculum.Hours> subjects,
            Map<String, List<String>> teachers, String classTeacher, boolean college) {

        boolean split(String subjectId) {
            return teachers.get(subjectId).size() > 1;
        }

        /** Whether the class gets marks: every college course, school grades 2–11 (000 §4: none in grade 1). */
        boolean marked() {
            return college || grade > 1;
        }

        /** Whether the class reports by half-years H1/H2: grades 10–11 and every college group (semesters). */
        boolean halfYears() {
            return college || grade >= 10;
        }
    }

    private static final double HOURS_PER_TEACHER = 22.0;

    final List<Teacher> teachers = new ArrayList<>();
    final List<PlannedClass> classes = new ArrayList<>();
    final Map<String, List<String>> teachersBySubject = new LinkedHashMap<>();
    final List<String> primaryTeachers = new ArrayList<>();
    final Set<String> subjectsUsed = new LinkedHashSet<>();

    SchoolPlan(List<SyntheticSchoolGenerator.ClassSpec> specs, Random random, boolean college) {
        List<List<Curriculum.Hours>> subjects = new ArrayList<>();
        List<Map<String, List<String>>> staff = new ArrayList<>();
        for (SyntheticSchoolGenerator.ClassSpec spec : specs) {
            List<Curriculum.Hours> hours = college ? Curriculum.forCourse(spec.grade())
                    : Curriculum.forGrade(spec.grade());
            if (spec.maxSubjects() > 0 && hours.size() > spec.maxSubjects()) {
                hours = hours.subList(0, spec.maxSubjects());
            }
            subjects.add(hours);
            Map<String, List<String>> byCourse = new LinkedHashMap<>();
            String primary = null;
            for (Curriculum.Hours h : hours) {
                subjectsUsed.add(h.subject().id());
                if (!college && Curriculum.primaryCore(spec.grade(), h.subject().id())) {
                    if (primary == null) {
                        primary = newTeacher(random, 0.93);
                        primaryTeachers.add(primary);
                    }
                    byCourse.put(h.subject().id(), List.of(primary));
                }
            }
            staff.add(byCourse);
        }
        staffSpecialists(specs, subjects, staff, random);
        Set<String> classTeachers = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            SyntheticSchoolGenerator.ClassSpec spec = specs.get(i);
            Map<String, List<String>> byCourse = new LinkedHashMap<>();
            for (Curriculum.Hours h : subjects.get(i)) {
                byCourse.put(h.subject().id(), staff.get(i).get(h.subject().id()));
            }
            String classTeacher = byCourse.values().stream().flatMap(List::stream)
                    .filter(t -> !classTeachers.contains(t)).findFirst()
                    .orElse(byCourse.values().iterator().next().get(0));
            classTeachers.add(classTeacher);
            classes.add(new PlannedClass(i, classId(spec), spec.name(), spec.grade(), spec.pupils(), subjects.get(i),
                    byCourse, classTeacher, college));
        }
    }

    private void staffSpecialists(List<SyntheticSchoolGenerator.ClassSpec> specs,
            List<List<Curriculum.Hours>> subjects, List<Map<String, List<String>>> staff, Random random) {
        for (String subjectId : Curriculum.SUBJECTS.keySet()) {
            record Unit(int classIndex, int hours, boolean split) {
            }
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                for (Curriculum.Hours h : subjects.get(i)) {
                    if (h.subject().id().equals(subjectId) && !staff.get(i).containsKey(subjectId)) {
                        boolean split = h.subject().split() && specs.get(i).pupils() >= 16;
                        units.add(new Unit(i, h.perWeek(), split));
                    }
                }
            }
            if (units.isEmpty()) {
                continue;
            }
            int total = units.stream().mapToInt(u -> u.hours() * (u.split() ? 2 : 1)).sum();
            int count = (int) Math.max(1, Math.ceil(total / HOURS_PER_TEACHER));
            if (count < 2 && units.stream().anyMatch(Unit::split)) {
                count = 2;
            }
            double femaleShare = subjectId.equals("pe") || subjectId.equals("obzr") ? 0.4 : 0.82;
            List<String> hired = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                hired.add(newTeacher(random, femaleShare));
            }
            teachersBySubject.put(subjectId, hired);
            double perTeacher = (double) total / count;
            int done = 0;
            for (Unit unit : units) {
                int first = Math.min(count - 1, (int) (done / perTeacher));
                done += unit.hours();
                if (unit.split()) {
                    int second = Math.min(count - 1, (int) (done / perTeacher));
                    if (second == first) {
                        second = (first + 1) % count;
                    }
                    done += unit.hours();
                    staff.get(unit.classIndex()).put(subjectId, List.of(hired.get(first), hired.get(second)));
                } else {
                    staff.get(unit.classIndex()).put(subjectId, List.of(hired.get(first)));
                }
            }
        }
    }

    private String newTeacher(Random random, double femaleShare) {
        String id = String.format("t-%04d", teachers.size() + 1);
        teachers.add(new Teacher(id, Names.fullName(random, random.nextDouble() < femaleShare)));
        return id;
    }

    /** A colleague to stand in for {@code regular} in {@code subjectId}: same subject if possible. */
    String substituteFor(String regular, String subjectId, Random random) {
        List<String> pool = new ArrayList<>(teachersBySubject.getOrDefault(subjectId, List.of()));
        if (primaryTeachers.contains(regular)) {
            pool.addAll(primaryTeachers);
        }
        pool.remove(regular);
        if (pool.isEmpty()) {
            teachers.forEach(t -> pool.add(t.id()));
            pool.remove(regular);
        }
        return pool.get(random.nextInt(pool.size()));
    }

    private static final String LETTERS = "АБВГДЕЖИКЛМНПРСТ";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "zh", "i", "k", "l", "m", "n", "p", "r",
        "s", "t"};

    /** The name of the {@code k}-th parallel class of a grade: 5А, 5Б … then 5А2. */
    static String className(int grade, int k) {
        int round = k / LETTERS.length();
        return grade + String.valueOf(LETTERS.charAt(k % LETTERS.length())) + (round > 0 ? round + 1 : "");
    }

    /** The id of a class from its name: 5А → 5a, 9Б → 9b (a Latin transliteration, lower case). */
    static String classId(SyntheticSchoolGenerator.ClassSpec spec) {
        StringBuilder id = new StringBuilder();
        for (char c : spec.name().toCharArray()) {
            int letter = LETTERS.indexOf(Character.toUpperCase(c));
            if (letter >= 0) {
                id.append(LATIN[letter]);
            } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
                id.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                id.append(Character.toLowerCase(c));
            } else {
                id.append('-');
            }
        }
        return id.toString();
    }
}
