package ru.journalarchive.rendering;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.Snapshot.Attendance;
import ru.journalarchive.snapshot.Snapshot.FinalMark;
import ru.journalarchive.snapshot.Snapshot.Group;
import ru.journalarchive.snapshot.Snapshot.Lesson;
import ru.journalarchive.snapshot.Snapshot.Mark;
import ru.journalarchive.snapshot.Snapshot.Period;
import ru.journalarchive.snapshot.Snapshot.Student;
import ru.journalarchive.snapshot.Snapshot.Subject;
import ru.journalarchive.snapshot.Snapshot.Teacher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Class journals for the rendering tests, built in code. Every person, the school and the town are invented;
 * the contents follow fixed arithmetic patterns so that every run builds the same journal.
 */
final class JournalFixtures {

    static final Instant FROZEN_AT = Instant.parse("2024-10-28T06:00:00Z");
    static final LocalDate PERIOD_START = LocalDate.of(2024, 9, 2);
    static final LocalDate PERIOD_END = LocalDate.of(2024, 10, 25);
    static final LocalDate JOINED = LocalDate.of(2024, 10, 14);
    static final LocalDate LEFT = LocalDate.of(2024, 10, 11);

    static final String SCHOOL_NAME = "Муниципальное бюджетное общеобразовательное учреждение "
            + "«Средняя общеобразовательная школа № 7» города Новоберёзовска";
    static final String SCHOOL_SHORT = "МБОУ «СОШ № 7»";

    private static final String[] SURNAMES = {"Абрамцев", "Белозёрова", "Веденеев", "Гладышева", "Дроздовский",
        "Ершова", "Жаворонков", "Зимина", "Игнатенков", "Калинкина", "Ласточкин", "Медуницына", "Незабудкин",
        "Орешкина", "Полевиков", "Рябинкина", "Снегирёв", "Тополева", "Ульянцев", "Фиалкова", "Хвойников",
        "Цветаева-Лугова", "Черёмухин", "Шиповникова", "Щеглов", "Юркова", "Ясенев", "Брусникина", "Вишняков",
        "Голубикина"};
    private static final String[] BOY_NAMES = {"Пётр Ильич", "Глеб Романович", "Марк Денисович", "Тимур Олегович",
        "Савва Артёмович"};
    private static final String[] GIRL_NAMES = {"Алиса Павловна", "Вера Сергеевна", "Дарья Ильинична",
        "Ксения Антоновна", "Милана Игоревна"};
    private static final String[] SUBJECTS = {"Русский язык", "Литература", "Математика", "Английский язык",
        "История", "Обществознание", "География", "Биология", "Информатика", "Музыка",
        "Изобразительное искусство", "Основы духовно-нравственной культуры народов России"};
    private static final String[] WORK_TYPES = {"КР", "", "СР", "У", "Д", "", "ПР"};
    private static final String[] ABSENCES = {"Н", "Б", "У"};

    private JournalFixtures() {
    }

    /**
     * Grade 5: Russian with 34 lessons (wraps over two marks pages), English split into two groups, marks
     * with work types, Н/Б/У, a pupil who joined on 14.10 and one who left on 11.10, final marks.
     */
    static ClassJournal gradeFive() {
        return new Spec(5, "5a", "5А", 14, List.of(new SubjectSpec("rus", "Русский язык", 34, false),
                new SubjectSpec("eng", "Английский язык", 16, true))).build();
    }

    /** Grade 1: attendance, topics and homework only. */
    static ClassJournal gradeOne() {
        return new Spec(1, "1b", "1Б", 12, List.of(new SubjectSpec("lit1", "Обучение грамоте", 36, false),
                new SubjectSpec("mat", "Математика", 30, false))).build();
    }

    /** One subject with 60 lessons in the quarter. */
    static ClassJournal sixtyLessons() {
        return new Spec(6, "6v", "6В", 20, List.of(new SubjectSpec("mat", "Математика", 60, false))).build();
    }

    /** A large class: 40 pupils, more than one marks page holds. */
    static ClassJournal fortyPupils() {
        return new Spec(8, "8d", "8Д", 40, List.of(new SubjectSpec("his", "История", 12, false))).build();
    }

    /** A typical class: 25 pupils, 12 subjects, 40 lessons each in the quarter. */
    static ClassJournal typical() {
        List<SubjectSpec> subjects = new ArrayList<>();
        for (int s = 0; s < SUBJECTS.length; s++) {
            subjects.add(new SubjectSpec("s" + s, SUBJECTS[s], 40, s == 3));
        }
        return new Spec(7, "7g", "7Г", 25, subjects).build();
    }

    /** The journal as JSON bytes, standing in for the frozen canonical form. */
    static byte[] json(ClassJournal journal) {
        return JsonMapper.builder().build().writeValueAsBytes(journal);
    }

    /** The full name of the n-th pupil of a generated class (0-based), in the order they were generated. */
    static String pupilName(int n) {
        String[] first = SURNAMES[n % SURNAMES.length].endsWith("а") ? GIRL_NAMES : BOY_NAMES;
        return SURNAMES[n % SURNAMES.length] + " " + first[(n + n / SURNAMES.length) % first.length];
    }

    record SubjectSpec(String id, String name, int lessons, boolean split) {
    }

    record Spec(int grade, String classId, String className, int pupils, List<SubjectSpec> subjects) {

        ClassJournal build() {
            List<Teacher> teachers = List.of(new Teacher("t-01", "Кравцова Анна Сергеевна"),
                    new Teacher("t-02", "Литвинов Олег Петрович"), new Teacher("t-03", "Морозова Елена Игоревна"),
                    new Teacher("t-04", "Сафонов Денис Артёмович"));
            List<Student> students = new ArrayList<>();
            for (int i = 0; i < pupils; i++) {
                LocalDate enrolled = i == pupils - 1 ? JOINED : LocalDate.of(2020, 9, 1);
                LocalDate left = i == 2 ? LEFT : null;
                students.add(new Student(String.format("st-%04d", i + 1), pupilName(i), enrolled, left));
            }
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = PERIOD_START; !d.isAfter(PERIOD_END); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    days.add(d);
                }
            }
            List<Subject> subjectList = new ArrayList<>();
            List<Group> groups = new ArrayList<>();
            List<Lesson> lessons = new ArrayList<>();
            List<Mark> marks = new ArrayList<>();
            List<Attendance> attendance = new ArrayList<>();
            List<FinalMark> finals = new ArrayList<>();
            int lessonSeq = 0;
            for (int s = 0; s < subjects.size(); s++) {
                SubjectSpec subject = subjects.get(s);
                subjectList.add(new Subject(subject.id(), subject.name()));
                String teacher = teachers.get(s % 3).id();
                List<List<Student>> parts = new ArrayList<>();
                List<String> groupIds = new ArrayList<>();
                if (subject.split()) {
                    int half = (pupils + 1) / 2;
                    for (int g = 0; g < 2; g++) {
                        List<Student> members = students.subList(g * half, Math.min(pupils, (g + 1) * half));
                        String id = classId + "-" + subject.id() + "-" + (g + 1);
                        groups.add(new Group(id, subject.id(), subject.name() + ", группа " + (g + 1),
                                members.stream().map(Student::id).toList()));
                        parts.add(members);
                        groupIds.add(id);
                    }
                } else {
                    parts.add(students);
                    groupIds.add(null);
                }
                for (int g = 0; g < parts.size(); g++) {
                    String groupTeacher = g == 0 ? teacher : "t-04";
                    for (int k = 0; k < subject.lessons(); k++) {
                        LocalDate date = days.get((int) ((long) k * days.size() / subject.lessons()));
                        String lessonId = String.format("l-%06d", ++lessonSeq);
                        boolean substitute = k == 4;
                        String topic = k % 7 == 3
                                ? "Повторение и обобщение изученного по теме «" + subject.name() + "»: работа с "
                                        + "текстом, разбор типичных ошибок, подготовка к контрольной работе, "
                                        + "самостоятельная работа по вариантам и взаимопроверка в парах"
                                : subject.name() + ": тема урока " + (k + 1);
                        lessons.add(new Lesson(lessonId, date, 1 + (k + s) % 6, subject.id(),
                                substitute ? "t-04" : groupTeacher, substitute ? groupTeacher : null, groupIds.get(g),
                                topic, k % 5 == 4 ? "" : "Упр. " + (k + 3) + ", с. " + (k * 3 + 8)));
                        List<Student> members = parts.get(g);
                        for (int i = 0; i < members.size(); i++) {
                            Student pupil = members.get(i);
                            if (date.isBefore(pupil.enrolled()) || (pupil.left() != null && date.isAfter(pupil.left()))) {
                                continue;
                            }
                            int n = students.indexOf(pupil);
                            if ((n * 7 + k * 3 + s) % 19 == 5) {
                                attendance.add(new Attendance(pupil.id(), lessonId, ABSENCES[(n + k) % 3]));
                            } else if (grade != 1 && (n + k + s) % 4 == 0) {
                                String value = String.valueOf(2 + (n * 3 + k + s) % 4);
                                String type = WORK_TYPES[(k + n) % WORK_TYPES.length];
                                marks.add(new Mark(pupil.id(), lessonId, value, type.isEmpty() ? null : type,
                                        date + "T15:10:00+03:00", groupTeacher));
                                if ((n + k) % 9 == 0) {
                                    marks.add(new Mark(pupil.id(), lessonId, "5", "У", date + "T15:12:00+03:00",
                                            groupTeacher));
                                }
                            }
                        }
                    }
                }
                if (grade != 1) {
                    for (int i = 0; i < pupils; i++) {
                        if (i != 2) {
                            finals.add(new FinalMark(students.get(i).id(), subject.id(), "Q1",
                                    String.valueOf(3 + (i + s) % 3), "2024-10-24T12:00:00+03:00", teacher));
                        }
                    }
                }
            }
            if (grade != 1) {
                // A known cell: the first pupil's first Russian lesson, a test marked 5, and a known absence.
                marks.add(0, new Mark(students.get(0).id(), "l-000001", "5", "КР", "2024-09-02T15:00:00+03:00",
                        "t-01"));
            }
            attendance.add(0, new Attendance(students.get(1).id(), "l-000001", "Н"));
            Snapshot.SchoolClass schoolClass = new Snapshot.SchoolClass(classId, className, grade,
                    "t-01", new Period("Q1", "1 четверть", PERIOD_START, PERIOD_END), students, groups, lessons,
                    marks, attendance, finals);
            return new ClassJournal(ClassJournal.FORMAT,
                    new Snapshot.School("sosh-7", SCHOOL_NAME, SCHOOL_SHORT, "Новоберёзовск", "Светлова Ирина Андреевна"),
                    "2024/2025", Snapshot.GradingScale.defaultScale(), teachers, subjectList, schoolClass);
        }
    }
}
