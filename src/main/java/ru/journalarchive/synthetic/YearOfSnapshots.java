package ru.journalarchive.synthetic;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import ru.journalarchive.synthetic.ClassContent.FinalMark;
import ru.journalarchive.synthetic.ClassContent.Pupil;

/**
 * One school's year as a sequence of consistent snapshots, one per closing date (after Q1; after Q2 with H1 of
 * grades 10–11; after Q3; the year end with Q4 and H2): the same pupils all year (one roster per class, arrivals
 * and departures on fixed days), each period generated once from its own seed, and every later snapshot repeating
 * the earlier periods' final marks unchanged. The year-end snapshot adds the year's marks (Y, from the period
 * marks) and, for grades 9 and 11, the exam (E, in Russian and mathematics) and final (F) marks.
 */
final class YearOfSnapshots {

    private static final List<String> EXAM_SUBJECTS = List.of("rus", "alg", "math");

    private final SchoolPlan plan;
    private final SchoolCalendar calendar;
    private final long seed;

    YearOfSnapshots(SchoolPlan plan, SchoolCalendar calendar, long seed) {
        this.plan = plan;
        this.calendar = calendar;
        this.seed = seed;
    }

    /**
     * Whether a class closes a period at the end of quarter {@code quarter} (10–11 and college groups only after Q2
     * and Q4: half-years, semesters).
     */
    static boolean closesAt(SchoolPlan.PlannedClass planned, int quarter) {
        return !planned.halfYears() || quarter % 2 == 0;
    }

    /** The class's journal for the period closing after quarter {@code quarter}, with all final marks so far. */
    ClassContent content(SchoolPlan.PlannedClass planned, int firstPupilNumber, int quarter) {
        Roster roster = roster(planned, firstPupilNumber);
        boolean half = planned.halfYears();
        int number = half ? quarter / 2 : quarter;
        ClassContent current = period(planned, roster, half, number, quarter);
        List<FinalMark> finals = new ArrayList<>();
        Map<Integer, ClassContent> periods = new LinkedHashMap<>();
        for (int earlier = 1; earlier < number; earlier++) {
            ClassContent previous = period(planned, roster, half, earlier, half ? earlier * 2 : earlier);
            periods.put(earlier, previous);
            // Repeated for the pupils still in the class: a pupil who left earlier is not in this journal.
            Set<String> present = new HashSet<>();
            current.pupils().forEach(p -> present.add(p.id()));
            previous.finalMarks().stream().filter(f -> present.contains(f.pupil())).forEach(finals::add);
        }
        periods.put(number, current);
        finals.addAll(current.finalMarks());
        if (quarter == 4 && planned.marked()) {
            finals.addAll(yearMarks(planned, current, periods));
        }
        return new ClassContent(planned, current.period(), current.pupils(), current.groups(), current.lessons(),
                current.marks(), current.absences(), finals);
    }

    private ClassContent period(SchoolPlan.PlannedClass planned, Roster roster, boolean half, int number,
            int closingQuarter) {
        SchoolCalendar.Term term = half ? calendar.half(number) : calendar.quarter(number);
        LocalDate closing = calendar.quarter(closingQuarter).end();
        Random random = new Random(seed * 1_000_003L + planned.index() * 97L + number * 7919L + (half ? 13 : 0));
        return new ClassGenerator(planned, plan, calendar, term, term.end(), random)
                .generate(roster.pupils(), roster.abilities(), true, closing);
    }

    /** The year's marks from the period marks; exam and final marks in grades 9 and 11. */
    private List<FinalMark> yearMarks(SchoolPlan.PlannedClass planned, ClassContent last,
            Map<Integer, ClassContent> periods) {
        Random random = new Random(seed * 1_000_003L + planned.index() * 97L + 424_242L);
        LocalDate end = last.period().end();
        boolean graduating = !planned.college() && (planned.grade() == 9 || planned.grade() == 11);
        List<FinalMark> marks = new ArrayList<>();
        for (Pupil pupil : last.pupils()) {
            if (pupil.left() != null && !pupil.left().isAfter(end)) {
                continue;
            }
            for (Curriculum.Hours h : planned.subjects()) {
                String subject = h.subject().id();
                List<String> values = new ArrayList<>();
                for (ClassContent period : periods.values()) {
                    period.finalMarks().stream()
                            .filter(f -> f.pupil().equals(pupil.id()) && f.subject().equals(subject))
                            .forEach(f -> values.add(f.value()));
                }
                String teacher = planned.teachers().get(subject).get(0);
                String at = String.format("%sT15:%02d:00+03:00", end, random.nextInt(60));
                String year = yearValue(values);
                marks.add(new FinalMark(pupil.id(), subject, "Y", year, at, teacher));
                if (!graduating) {
                    continue;
                }
                String exam = null;
                if (EXAM_SUBJECTS.contains(subject) && year.matches("[2-5]")) {
                    int value = Math.max(2, Math.min(5, Integer.parseInt(year) + random.nextInt(3) - 1));
                    exam = String.valueOf(value);
                    marks.add(new FinalMark(pupil.id(), subject, "E", exam, at, teacher));
                }
                String fin = exam == null ? year
                        : String.valueOf((int) Math.floor((Integer.parseInt(year) + Integer.parseInt(exam)) / 2.0 + 0.5));
                marks.add(new FinalMark(pupil.id(), subject, "F", fin, at, teacher));
            }
        }
        return marks;
    }

    /** The year's mark: the rounded mean of the numeric period marks, else «зч» or «н/а». */
    static String yearValue(List<String> periodValues) {
        List<Integer> numbers = periodValues.stream().filter(v -> v.matches("[1-5]")).map(Integer::parseInt).toList();
        if (!numbers.isEmpty()) {
            double mean = numbers.stream().mapToInt(Integer::intValue).average().orElseThrow();
            return String.valueOf((int) Math.floor(mean + 0.5));
        }
        return periodValues.contains("зч") ? "зч" : "н/а";
    }

    /** The class's pupils for the whole year, alphabetical, with one arrival and one departure in some classes. */
    private Roster roster(SchoolPlan.PlannedClass planned, int firstNumber) {
        Random random = new Random(seed * 1_000_003L + planned.index() * 97L + 777_777L);
        Set<String> names = new HashSet<>();
        while (names.size() < planned.pupils()) {
            names.add(Names.fullName(random, random.nextBoolean()));
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Collator.getInstance(Locale.forLanguageTag("ru")));
        List<LocalDate> days = calendar.schoolDays(calendar.firstDay(), calendar.quarter(4).end());
        int n = sorted.size();
        boolean canMove = n >= 5;
        int joiner = canMove && (planned.index() % 2 == 1 || random.nextDouble() < 0.3) ? random.nextInt(n) : -1;
        int leaver = canMove && (planned.index() % 3 != 1 || random.nextDouble() < 0.3) ? random.nextInt(n) : -1;
        if (leaver == joiner) {
            leaver = -1;
        }
        List<Pupil> pupils = new ArrayList<>();
        List<Double> abilities = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            LocalDate enrolled = k == joiner ? days.get((int) (days.size() * (0.2 + random.nextDouble() * 0.4)))
                    : calendar.firstDay();
            LocalDate left = k == leaver ? days.get((int) (days.size() * (0.3 + random.nextDouble() * 0.5))) : null;
            pupils.add(new Pupil(String.format("st-%06d", firstNumber + k), sorted.get(k), enrolled, left));
            abilities.add(Math.max(2.3, Math.min(5.2, 3.85 + random.nextGaussian() * 0.6)));
        }
        return new Roster(pupils, abilities);
    }

    private record Roster(List<Pupil> pupils, List<Double> abilities) {
    }
}
