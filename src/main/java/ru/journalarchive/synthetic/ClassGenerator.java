package ru.journalarchive.synthetic;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import ru.journalarchive.synthetic.ClassContent.Absence;
import ru.journalarchive.synthetic.ClassContent.FinalMark;
import ru.journalarchive.synthetic.ClassContent.Group;
import ru.journalarchive.synthetic.ClassContent.Lesson;
import ru.journalarchive.synthetic.ClassContent.Mark;
import ru.journalarchive.synthetic.ClassContent.Pupil;

/**
 * Generates one class's period journal as a real one looks: pupils in alphabetical order with an occasional
 * arrival or departure, a weekly timetable of about five lessons a day, topics and homework, written works every
 * few lessons and oral answers in between, illness and other absences, a teacher's sick days covered by a colleague,
 * and final marks from each pupil's average.
 */
final class ClassGenerator {

    private static final String OFFSET = "+03:00";

    private final SchoolPlan.PlannedClass planned;
    private final SchoolPlan plan;
    private final SchoolCalendar.Term period;
    private final List<LocalDate> days;
    private final Random random;

    private final List<Pupil> pupils = new ArrayList<>();
    private final List<Double> ability = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final List<Lesson> lessons = new ArrayList<>();
    private final List<String> lessonKinds = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();
    private final Map<String, List<Integer>> marksByPupilSubject = new HashMap<>();

    ClassGenerator(SchoolPlan.PlannedClass planned, SchoolPlan plan, SchoolCalendar calendar,
            SchoolCalendar.Term period, LocalDate lastLessonDay, Random random) {
        this.planned = planned;
        this.plan = plan;
        this.period = period;
        this.random = random;
        LocalDate until = lastLessonDay.isBefore(period.end()) ? lastLessonDay : period.end();
        this.days = calendar.schoolDays(period.start(), until);
    }

    ClassContent generate(int firstPupilNumber, LocalDate firstDayOfYear, boolean finals, boolean yearMarks,
            LocalDate closing) {
        pupils(firstPupilNumber, firstDayOfYear);
        groups();
        lessons();
        attendanceAndMarks();
        List<FinalMark> finalMarks = finals && planned.marked() ? finalMarks(yearMarks, closing) : List.of();
        return new ClassContent(planned, period, pupils, groups, lessons, marks, absences, finalMarks);
    }

    /**
     * Generates the period journal of a class whose pupils are given (one roster for the whole year, so that every
     * period of the year has the same pupils, arrivals and departures): lessons, marks, absences, and the period's
     * final marks when {@code finals}. A pupil's departure is shown only once it has happened by {@code closing}.
     */
    ClassContent generate(List<Pupil> roster, List<Double> abilities, boolean finals, LocalDate closing) {
        for (int k = 0; k < roster.size(); k++) {
            Pupil pupil = roster.get(k);
            boolean arrivedByEnd = !pupil.enrolled().isAfter(period.end());
            boolean presentAtStart = pupil.left() == null || !pupil.left().isBefore(period.start());
            if (arrivedByEnd && presentAtStart) {
                LocalDate left = pupil.left() != null && !pupil.left().isAfter(closing) ? pupil.left() : null;
                pupils.add(new Pupil(pupil.id(), pupil.fullName(), pupil.enrolled(), left));
                ability.add(abilities.get(k));
            }
        }
        groups();
        lessons();
        attendanceAndMarks();
        List<FinalMark> finalMarks = finals && planned.marked() ? finalMarks(false, closing) : List.of();
        return new ClassContent(planned, period, pupils, groups, lessons, marks, absences, finalMarks);
    }

    private void pupils(int firstNumber, LocalDate firstDay) {
        Set<String> names = new HashSet<>();
        while (names.size() < planned.pupils()) {
            names.add(Names.fullName(random, random.nextBoolean()));
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Collator.getInstance(Locale.forLanguageTag("ru")));
        int n = sorted.size();
        boolean canMove = n >= 5 && days.size() >= 10;
        int joiner = canMove && (planned.index() % 2 == 1 || random.nextDouble() < 0.2) ? random.nextInt(n) : -1;
        int leaver = canMove && (planned.index() % 3 == 2 || random.nextDouble() < 0.15) ? random.nextInt(n) : -1;
        if (leaver == joiner) {
            leaver = -1;
        }
        for (int k = 0; k < n; k++) {
            LocalDate enrolled = k == joiner ? dayAt(0.2 + random.nextDouble() * 0.4) : firstDay;
            LocalDate left = k == leaver ? dayAt(0.4 + random.nextDouble() * 0.4) : null;
            pupils.add(new Pupil(String.format("st-%06d", firstNumber + k), sorted.get(k), enrolled, left));
            ability.add(Math.max(2.3, Math.min(5.2, 3.85 + random.nextGaussian() * 0.6)));
        }
    }

    private LocalDate dayAt(double share) {
        return days.get(Math.min(days.size() - 1, (int) (days.size() * share)));
    }

    private void groups() {
        for (Curriculum.Hours h : planned.subjects()) {
            String subject = h.subject().id();
            if (!planned.split(subject)) {
                continue;
            }
            int half = (pupils.size() + 1) / 2;
            for (int g = 0; g < 2; g++) {
                List<String> members = new ArrayList<>();
                for (int k = g * half; k < (g == 0 ? half : pupils.size()); k++) {
                    members.add(pupils.get(k).id());
                    groupOf.put(subject + "/" + pupils.get(k).id(), g);
                }
                groups.add(new Group(planned.id() + "-" + subject + "-" + (g + 1), subject,
                        h.subject().name() + ", группа " + (g + 1), members));
            }
        }
    }

    /** The group id of a subject for group {@code g}, or null when the subject is not split. */
    private String groupId(String subject, int g) {
        return planned.split(subject) ? planned.id() + "-" + subject + "-" + (g + 1) : null;
    }

    private void lessons() {
        List<List<String>> week = timetable();
        Map<String, Integer> taught = new HashMap<>();
        Map<String, String> sick = sickDays(week);
        int counter = 0;
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            List<String> slots = week.get(day.getDayOfWeek().getValue() - 1);
            for (int slot = 0; slot < slots.size(); slot++) {
                String subject = slots.get(slot);
                List<String> staff = planned.teachers().get(subject);
                for (int g = 0; g < staff.size(); g++) {
                    String key = subject + "/" + g;
                    int k = taught.merge(key, 1, Integer::sum) - 1;
                    String kind = kind(subject, k);
                    String regular = staff.get(g);
                    String substitute = sick.get(subject + "/" + g + "/" + d);
                    counter++;
                    lessons.add(new Lesson(String.format("%s-l%05d", planned.id(), counter), day, slot + 1, subject,
                            substitute != null ? substitute : regular, substitute != null ? regular : null,
                            groupId(subject, g), topic(subject, k, kind), homework(subject, k, kind)));
                    lessonKinds.add(kind);
                }
            }
        }
    }

    /** A weekly timetable: each subject's hours spread over Monday–Friday, lessons numbered from 1. */
    private List<List<String>> timetable() {
        List<String> pool = new ArrayList<>();
        for (Curriculum.Hours h : planned.subjects()) {
            for (int i = 0; i < h.perWeek(); i++) {
                pool.add(h.subject().id());
            }
        }
        List<List<String>> week = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            week.add(new ArrayList<>());
        }
        int offset = random.nextInt(5);
        for (int i = 0; i < pool.size(); i++) {
            week.get((i + offset) % 5).add(pool.get(i));
        }
        week.forEach(day -> Collections.shuffle(day, random));
        return week;
    }

    /** One to three spells when a teacher of the class is ill and a colleague stands in: subject/group/day → who. */
    private Map<String, String> sickDays(List<List<String>> week) {
        Map<String, String> sick = new HashMap<>();
        if (days.isEmpty()) {
            return sick;
        }
        int spells = 1 + random.nextInt(3);
        for (int s = 0; s < spells; s++) {
            int start = random.nextInt(days.size());
            List<String> slots = week.get(days.get(start).getDayOfWeek().getValue() - 1);
            if (slots.isEmpty()) {
                continue;
            }
            String subject = slots.get(random.nextInt(slots.size()));
            String regular = planned.teachers().get(subject).get(0);
            String substitute = plan.substituteFor(regular, subject, random);
            int length = 1 + random.nextInt(3);
            for (int d = start; d < Math.min(days.size(), start + length); d++) {
                sick.put(subject + "/0/" + d, substitute);
            }
        }
        return sick;
    }

    /** The work of the {@code k}-th lesson of a subject: a written work every few lessons, else oral answers. */
    private String kind(String subject, int k) {
        Curriculum.Subject s = Curriculum.SUBJECTS.get(subject);
        boolean core = List.of("rus", "math", "alg", "geom").contains(subject);
        if (core && k % 8 == 7) {
            return "КР";
        }
        if (!s.writtenWork().equals("У") && k % 6 == 5) {
            return s.writtenWork();
        }
        if (core && k % 4 == 3) {
            return "СР";
        }
        return "У";
    }

    private String topic(String subject, int k, String kind) {
        List<String> topics = Curriculum.SUBJECTS.get(subject).topics();
        int shift = (planned.grade() * 3) % topics.size();
        String base = topics.get((shift + k / 3) % topics.size());
        return switch (kind) {
            case "КР" -> "Контрольная работа по теме «" + base + "»";
            case "Д" -> "Контрольный диктант по теме «" + base + "»";
            case "ЛР" -> "Лабораторная работа по теме «" + base + "»";
            case "ПР" -> "Практическая работа по теме «" + base + "»";
            case "СР" -> base + ". Самостоятельная работа";
            default -> base;
        };
    }

    private String homework(String subject, int k, String kind) {
        if (!planned.marked() || kind.equals("КР") || List.of("pe", "music", "orkse", "odnknr").contains(subject)) {
            return null;
        }
        int page = 6 + k * 3;
        int number = 12 + k * 4;
        int paragraph = 1 + k / 2;
        return switch (subject) {
            case "rus" -> "Упр. " + number + ", с. " + page;
            case "lit", "litread" -> "Читать с. " + page + "–" + (page + 6) + ", ответить на вопросы 1–3";
            case "math", "alg", "geom", "prob" -> "№ " + number + ", " + (number + 3) + ", " + (number + 7);
            case "eng" -> "Упр. " + (1 + k % 9) + ", с. " + page + ", выучить слова";
            case "inf" -> "§ " + paragraph + ", задания 1–4";
            case "art", "tech", "proj" -> k % 3 == 0 ? "Подготовить материалы к следующему уроку" : null;
            default -> "§ " + paragraph + ", вопросы после параграфа";
        };
    }

    private void attendanceAndMarks() {
        Map<Integer, Map<LocalDate, String>> away = new HashMap<>();
        for (int p = 0; p < pupils.size(); p++) {
            Map<LocalDate, String> absent = new HashMap<>();
            int spells = random.nextDouble() < 0.45 ? (random.nextDouble() < 0.2 ? 2 : 1) : 0;
            for (int s = 0; s < spells && !days.isEmpty(); s++) {
                int start = random.nextInt(days.size());
                for (int d = start; d < Math.min(days.size(), start + 2 + random.nextInt(5)); d++) {
                    absent.put(days.get(d), "Б");
                }
            }
            if (random.nextDouble() < 0.15 && !days.isEmpty()) {
                absent.putIfAbsent(days.get(random.nextInt(days.size())), "У");
            }
            away.put(p, absent);
        }
        Map<String, Integer> lessonsPerSubject = new HashMap<>();
        lessons.forEach(l -> lessonsPerSubject.merge(l.subject() + "/" + l.group(), 1, Integer::sum));
        for (int i = 0; i < lessons.size(); i++) {
            Lesson lesson = lessons.get(i);
            String kind = lessonKinds.get(i);
            List<Integer> present = new ArrayList<>();
            for (int p = 0; p < pupils.size(); p++) {
                if (!attends(p, lesson)) {
                    continue;
                }
                String code = away.get(p).get(lesson.date());
                if (code == null && random.nextDouble() < 0.005) {
                    code = "Н";
                }
                if (code != null) {
                    absences.add(new Absence(pupils.get(p).id(), lesson.id(), code));
                } else {
                    present.add(p);
                }
            }
            Curriculum.Subject subject = Curriculum.SUBJECTS.get(lesson.subject());
            if (planned.marked() && subject.marked() && !present.isEmpty()) {
                marks(lesson, kind, present, lessonsPerSubject.get(lesson.subject() + "/" + lesson.group()));
            }
        }
    }

    private boolean attends(int p, Lesson lesson) {
        Pupil pupil = pupils.get(p);
        if (lesson.date().isBefore(pupil.enrolled()) || (pupil.left() != null && lesson.date().isAfter(pupil.left()))) {
            return false;
        }
        if (lesson.group() == null) {
            return true;
        }
        Integer g = groupOf.get(lesson.subject() + "/" + pupil.id());
        return g != null && lesson.group().equals(groupId(lesson.subject(), g));
    }

    private void marks(Lesson lesson, String kind, List<Integer> present, int lessonsInPeriod) {
        List<Integer> marked = new ArrayList<>();
        if (!kind.equals("У")) {
            double share = kind.equals("СР") ? 0.7 : 0.93;
            present.stream().filter(p -> random.nextDouble() < share).forEach(marked::add);
        } else {
            int wanted = (int) Math.ceil(present.size() * 3.0 / Math.max(1, lessonsInPeriod));
            wanted = Math.min(present.size(), Math.max(wanted, 1 + random.nextInt(lesson.subject().equals("pe") ? 6 : 4)));
            List<Integer> order = new ArrayList<>(present);
            Collections.shuffle(order, random);
            order.sort(Comparator.comparingInt(p -> marksOf(p, lesson.subject()).size()));
            marked.addAll(order.subList(0, wanted));
        }
        for (int p : marked) {
            double bias = lesson.subject().equals("pe") ? 0.6 : kind.equals("У") ? 0.1 : -0.15;
            int value = (int) Math.round(ability.get(p) + bias + random.nextGaussian() * 0.8);
            value = Math.max(2, Math.min(5, value));
            marksOf(p, lesson.subject()).add(value);
            int delay = kind.equals("У") ? 0 : random.nextDouble() < 0.02 ? 8 + random.nextInt(5) : random.nextInt(4);
            LocalDate day = lesson.date().plusDays(delay);
            LocalDate lastDay = days.get(days.size() - 1);
            if (day.isAfter(lastDay)) {
                day = lastDay;
            }
            marks.add(new Mark(pupils.get(p).id(), lesson.id(), String.valueOf(value), kind,
                    instant(day, 13 + random.nextInt(8), random.nextInt(60)), lesson.teacher()));
        }
    }

    private List<Integer> marksOf(int p, String subject) {
        return marksByPupilSubject.computeIfAbsent(p + "/" + subject, key -> new ArrayList<>());
    }

    private List<FinalMark> finalMarks(boolean yearMarks, LocalDate closing) {
        List<FinalMark> finals = new ArrayList<>();
        LocalDate end = period.end().isAfter(closing) ? closing : period.end();
        for (Curriculum.Hours h : planned.subjects()) {
            Curriculum.Subject subject = h.subject();
            for (int p = 0; p < pupils.size(); p++) {
                Pupil pupil = pupils.get(p);
                if (pupil.left() != null && !pupil.left().isAfter(end)) {
                    continue;
                }
                String value = finalValue(subject, marksOf(p, subject.id()));
                Integer g = groupOf.get(subject.id() + "/" + pupil.id());
                String teacher = planned.teachers().get(subject.id()).get(g == null ? 0 : g);
                String at = instant(end.minusDays(random.nextInt(3)), 12 + random.nextInt(5), random.nextInt(60));
                finals.add(new FinalMark(pupil.id(), subject.id(), period.id(), value, at, teacher));
                if (yearMarks) {
                    String year = value;
                    if (value.matches("[2-5]") && random.nextDouble() < 0.15) {
                        year = String.valueOf(Math.max(2, Math.min(5, Integer.parseInt(value)
                                + (random.nextBoolean() ? 1 : -1))));
                    }
                    finals.add(new FinalMark(pupil.id(), subject.id(), "Y", year, at, teacher));
                }
            }
        }
        return finals;
    }

    private static String finalValue(Curriculum.Subject subject, List<Integer> values) {
        if (!subject.marked()) {
            return "зч";
        }
        if (values.size() < 3) {
            return "н/а";
        }
        double average = values.stream().mapToInt(Integer::intValue).average().orElse(0);
        return String.valueOf((int) Math.floor(average + 0.5));
    }

    private static String instant(LocalDate day, int hour, int minute) {
        return String.format("%sT%02d:%02d:00%s", day, hour, minute, OFFSET);
    }
}
