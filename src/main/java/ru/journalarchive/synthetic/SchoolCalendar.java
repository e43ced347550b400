package ru.journalarchive.synthetic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The school year of a five-day week: four quarters separated by the usual autumn, winter and spring breaks,
 * the two half-years they make up, and the public holidays on which there are no lessons. A college's year
 * ({@link #college}) has two semesters instead: autumn from September to the end of December, spring from January
 * to the end of June, each made of two back-to-back quarters (the generator's closing dates; never reported).
 */
final class SchoolCalendar {

    /** A reporting period with its first and last day. */
    record Term(String id, String name, LocalDate start, LocalDate end) {
    }

    private static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(11, 4), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9));

    private final Term[] quarters = new Term[4];
    private final String halfName;

    SchoolCalendar(int firstYear) {
        this.halfName = "полугодие";
        LocalDate q1Start = nextSchoolDay(LocalDate.of(firstYear, 9, 1));
        LocalDate q1End = LocalDate.of(firstYear, 10, 27).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate q2Start = nextSchoolDay(q1End.plusDays(10));
        LocalDate q2End = LocalDate.of(firstYear, 12, 28).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate q3Start = nextSchoolDay(LocalDate.of(firstYear + 1, 1, 9));
        LocalDate q3End = LocalDate.of(firstYear + 1, 3, 22).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate q4Start = nextSchoolDay(q3End.plusDays(10));
        LocalDate q4End = previousSchoolDay(LocalDate.of(firstYear + 1, 5, 26));
        quarters[0] = new Term("Q1", "1 четверть", q1Start, q1End);
        quarters[1] = new Term("Q2", "2 четверть", q2Start, q2End);
        quarters[2] = new Term("Q3", "3 четверть", q3Start, q3End);
        quarters[3] = new Term("Q4", "4 четверть", q4Start, q4End);
    }

    private SchoolCalendar(LocalDate... bounds) {
        this.halfName = "семестр";
        for (int q = 0; q < 4; q++) {
            quarters[q] = new Term("Q" + (q + 1), (q + 1) + " четверть", bounds[2 * q], bounds[2 * q + 1]);
        }
    }

    /** A college's year: the autumn semester H1 from September to December, the spring semester H2 January–June. */
    static SchoolCalendar college(int firstYear) {
        LocalDate autumn = nextSchoolDay(LocalDate.of(firstYear, 9, 1));
        LocalDate autumnMiddle = LocalDate.of(firstYear, 10, 31);
        LocalDate autumnEnd = previousSchoolDay(LocalDate.of(firstYear, 12, 28));
        LocalDate spring = nextSchoolDay(LocalDate.of(firstYear + 1, 1, 12));
        LocalDate springMiddle = LocalDate.of(firstYear + 1, 3, 31);
        LocalDate springEnd = previousSchoolDay(LocalDate.of(firstYear + 1, 6, 30));
        return new SchoolCalendar(autumn, autumnMiddle, autumnMiddle.plusDays(1), autumnEnd, spring, springMiddle,
                springMiddle.plusDays(1), springEnd);
    }

    /** The quarter Q1–Q4. */
    Term quarter(int number) {
        return quarters[number - 1];
    }

    /** The half-year H1 (Q1+Q2) or H2 (Q3+Q4); a college's semester. */
    Term half(int number) {
        Term first = quarters[number * 2 - 2];
        Term second = quarters[number * 2 - 1];
        return new Term("H" + number, number + " " + halfName, first.start(), second.end());
    }

    /** The first day of lessons of the year. */
    LocalDate firstDay() {
        return quarters[0].start();
    }

    /** The school days (inside a quarter, Monday to Friday, not a holiday) from {@code from} to {@code to}. */
    List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d) && inAnyQuarter(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private boolean inAnyQuarter(LocalDate d) {
        for (Term q : quarters) {
            if (!d.isBefore(q.start()) && !d.isAfter(q.end())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSchoolDay(LocalDate d) {
        return d.getDayOfWeek().getValue() <= 5 && !HOLIDAYS.contains(MonthDay.from(d))
                && !(d.getMonthValue() == 1 && d.getDayOfMonth() <= 8);
    }

    private static LocalDate nextSchoolDay(LocalDate d) {
        LocalDate day = d;
        while (!isSchoolDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate previousSchoolDay(LocalDate d) {
        LocalDate day = d;
        while (!isSchoolDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
