package ru.journalarchive.regulations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One school's regulation as data: what a profile YAML of {@code school-regulations/} says, checked. Grades are the
 * school's grades 1–11, or a college's course numbers 1–5.
 *
 * @param id           the profile's identifier, e.g. {@code seed-000-five-day}
 * @param title        the profile in Russian
 * @param basis        the local act(s) it transcribes
 * @param organisation a school or a college
 * @param timeZone     the school's time zone: its dates and deadlines are local ones
 * @param periods      the period system per grade band
 * @param paper        the paper routine
 * @param marks        the marking scale and the rules for when marks are due
 */
public record RegulationProfile(String id, String title, String basis, Organisation organisation, ZoneId timeZone,
                                List<PeriodBand> periods, Paper paper, Marks marks) {

    /** A school (grades 1–11) or a college (СПО: courses 1–5, study groups, semesters). */
    public enum Organisation { SCHOOL, COLLEGE }

    /** How a year is divided into reporting periods. */
    public enum PeriodSystem {
        /** Четверти Q1–Q4. */
        QUARTERS(List.of("Q1", "Q2", "Q3", "Q4")),
        /** Полугодия H1–H2. */
        HALF_YEARS(List.of("H1", "H2")),
        /** Семестры of a course, exported as H1–H2. */
        SEMESTERS(List.of("H1", "H2"));

        private final List<String> periodIds;

        PeriodSystem(List<String> periodIds) {
            this.periodIds = periodIds;
        }

        /** The period ids of a year, in order. */
        public List<String> periodIds() {
            return periodIds;
        }

        /** The last period of the year (Q4 or H2). */
        public String lastPeriod() {
            return periodIds.get(periodIds.size() - 1);
        }
    }

    /** The paper regimes of the seed schools. */
    public enum PaperRegime {
        /** 000 §4: the five days of the holidays after each period. */
        FIVE_DAY_PER_PERIOD("five-day-per-period"),
        /** 003 §5.5: printed at each period's end, no day schedule. */
        PER_PERIOD("per-period"),
        /** 002 §1.1.5: journals and summary statements printed, bound, signed and sealed once a year by 30 June. */
        YEARLY_BY_30_JUNE("yearly-by-30-june"),
        /** 004 §6.4: printed only when needed; no deadlines. */
        ON_DEMAND("on-demand"),
        /** 001 §1.6, §1.10: no paper at all; the signed PDF/A is the original. */
        NONE("none");

        private final String code;

        PaperRegime(String code) {
            this.code = code;
        }

        /** The regime's code in the YAML. */
        public String code() {
            return code;
        }

        static PaperRegime of(String code) {
            for (PaperRegime r : values()) {
                if (r.code.equals(code)) {
                    return r;
                }
            }
            throw new IllegalArgumentException(code);
        }
    }

    /** Who keeps the paper copies. */
    public enum Custody {
        /** The school's registry (реестр). */
        REGISTRY,
        /** 003 §5.5: the group's class teacher until the group graduates, then the archive. */
        CLASS_TEACHER_UNTIL_GRADUATION
    }

    /** What kind of work a mark is for: an oral answer, written work (everything else), or any. */
    public enum WorkKind { ORAL, WRITTEN, ANY }

    /** An inclusive band of grades (or courses). */
    public record Grades(int from, int to) {

        /** Whether the band holds a grade. */
        public boolean contains(int grade) {
            return grade >= from && grade <= to;
        }

        boolean overlaps(Grades other) {
            return from <= other.to && other.from <= to;
        }
    }

    /** The period system of a band of grades. */
    public record PeriodBand(Grades grades, PeriodSystem system) {
    }

    /**
     * A paper step the regime requires.
     *
     * @param step the step's code as in the paper-copy registry ({@code printed}, {@code subject-signed} …)
     * @param day  due on the period's end + day calendar days; null: no fixed day
     */
    public record PaperStepRule(String step, Integer day) {
    }

    /** The backups made during the paper close (000 §4.2). */
    public record Backups(int day, List<String> media, boolean handedToDirector) {
    }

    /**
     * The paper routine.
     *
     * @param grades    the grades whose documents get paper copies (null when the regime is {@code none})
     * @param documents the document types printed ({@code class-journal}, {@code summary-statement})
     * @param yearlyDue the yearly regime's due day (30 June), else null
     * @param backups   the backups of the paper close, or null
     */
    public record Paper(PaperRegime regime, Grades grades, List<String> documents, Custody custody,
                        List<PaperStepRule> steps, MonthDay yearlyDue, Backups backups) {

        /** Whether a document of this type and grade gets a paper copy under the regime. */
        public boolean requiresPaper(String documentType, int grade) {
            return regime != PaperRegime.NONE && grades != null && grades.contains(grade)
                    && documents.contains(documentType);
        }

        /** Whether the regime sets deadlines for paper copies (five-day, per period or yearly; not on demand or none). */
        public boolean hasDeadlines() {
            return regime == PaperRegime.FIVE_DAY_PER_PERIOD || regime == PaperRegime.PER_PERIOD
                    || regime == PaperRegime.YEARLY_BY_30_JUNE;
        }

        /** The yearly due date of an academic year «2024/2025»: 30 June 2025, or empty for other regimes. */
        public Optional<LocalDate> yearlyDueDate(String academicYear) {
            if (yearlyDue == null) {
                return Optional.empty();
            }
            return Optional.of(yearlyDue.atYear(Integer.parseInt(academicYear.substring(academicYear.indexOf('/') + 1))));
        }
    }

    /**
     * When a mark must be in the journal: by the end of the lesson's day plus {@code daysAfterLesson} days, or by
     * {@code byTime} on that day.
     *
     * @param workTypes only marks of these work types (normalised); empty: every mark of the work kind
     */
    public record MarkDeadline(WorkKind work, Grades grades, int daysAfterLesson, LocalTime byTime,
                               Set<String> workTypes) {

        /** The last moment a mark for a lesson on {@code lessonDate} is on time, in the school's zone. */
        public ZonedDateTime dueAt(LocalDate lessonDate, ZoneId zone) {
            LocalDate day = lessonDate.plusDays(daysAfterLesson);
            return byTime == null ? day.plusDays(1).atStartOfDay(zone).minusNanos(1) : day.atTime(byTime).atZone(zone);
        }
    }

    /**
     * The marking rules.
     *
     * @param scaleMarks    the marks of the scale («1»–«5»)
     * @param scaleSpecial  the special values allowed (н/а, осв, зч …); empty when only the marks are allowed
     * @param oralWorkTypes the work types that are oral answers (normalised: lower case, no spaces)
     * @param finalMarkDaysBeforePeriodEnd final marks due this many days before the period's last day, or null
     * @param minimumPerPeriod the fewest current marks per pupil and subject for an attestation, or null
     */
    public record Marks(List<String> scaleMarks, List<String> scaleSpecial, Set<String> oralWorkTypes,
                        List<MarkDeadline> deadlines, Integer finalMarkDaysBeforePeriodEnd, Integer minimumPerPeriod) {

        /**
         * The last moment a period's final mark is on time (the end of the period's last day minus
         * {@code finalMarkDaysBeforePeriodEnd} days, in the school's zone), or empty when the profile sets no such
         * rule.
         */
        public Optional<ZonedDateTime> finalMarkDueAt(LocalDate periodEnd, ZoneId zone) {
            if (finalMarkDaysBeforePeriodEnd == null) {
                return Optional.empty();
            }
            return Optional.of(periodEnd.minusDays(finalMarkDaysBeforePeriodEnd).plusDays(1).atStartOfDay(zone)
                    .minusNanos(1));
        }

        /** Whether a value belongs to the scale (a mark or a special value). */
        public boolean allows(String value) {
            return scaleMarks.contains(value) || scaleSpecial.contains(value);
        }

        /** The kind of work a mark's work type is: oral when listed as oral, written otherwise (also when absent). */
        public WorkKind kindOf(String workType) {
            return workType != null && oralWorkTypes.contains(normalise(workType)) ? WorkKind.ORAL : WorkKind.WRITTEN;
        }

        /**
         * The deadline of a mark of this work type in this grade: a rule naming its work type first, then the rule of
         * its kind, then an {@code any} rule; empty when the profile sets none.
         */
        public Optional<MarkDeadline> deadlineFor(String workType, int grade) {
            WorkKind kind = kindOf(workType);
            String type = workType == null ? null : normalise(workType);
            Comparator<MarkDeadline> precedence = Comparator
                    .comparing((MarkDeadline d) -> d.workTypes().isEmpty())
                    .thenComparing(d -> d.work() == WorkKind.ANY);
            return deadlines.stream()
                    .filter(d -> d.grades().contains(grade))
                    .filter(d -> d.work() == WorkKind.ANY || d.work() == kind)
                    .filter(d -> d.workTypes().isEmpty() || (type != null && d.workTypes().contains(type)))
                    .min(precedence);
        }
    }

    /** Whether the profile is a college's (courses, study groups, semesters). */
    public boolean isCollege() {
        return organisation == Organisation.COLLEGE;
    }

    /** The period system of a grade (course), or empty if no band holds it. */
    public Optional<PeriodSystem> periodSystemOf(int grade) {
        return periods.stream().filter(b -> b.grades().contains(grade)).map(PeriodBand::system).findFirst();
    }

    /** A work type as compared with the profile's lists: lower case, without spaces and dots. */
    static String normalise(String workType) {
        return workType.toLowerCase(Locale.ROOT).replaceAll("[\\s.]", "");
    }
}
