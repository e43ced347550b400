package ru.journalarchive.papercopies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ru.journalarchive.regulations.RegulationProfile.PaperRegime;

/**
 * The deadlines of paper copies for a school's period (the five-day close, or a college's per-period routine) or
 * academic year (by 30 June), as of a day, as the school's regulation profile says. Under a regime without deadlines
 * (on demand, none) or one that does not print per period (yearly) the report lists nothing and says why
 * ({@link #regime()}).
 *
 * @param periodId   the period, or null for the year-end report
 * @param regime     the school's paper regime
 * @param regulation the profile's title
 * @param basis      the local act(s) the profile transcribes
 * @param documents  one entry per archived document (latest version) the regime prints, in registry order
 * @param backups    the backups of the five-day close (000 §4.2), empty for other regimes and the year end
 */
public record DeadlineReport(String schoolId, String academicYear, String periodId, LocalDate today,
                             PaperRegime regime, String regulation, String basis, List<DocumentDeadlines> documents,
                             List<BackupDeadline> backups) {

    /** Whether any step is overdue. */
    public boolean anyOverdue() {
        return documents.stream().flatMap(d -> d.steps().stream()).anyMatch(s -> s.status() == Status.OVERDUE)
                || backups.stream().anyMatch(b -> b.status() == Status.OVERDUE);
    }

    /** Whether the report lists deadlines: false under on demand and none, and for a period under the yearly regime. */
    public boolean listsDeadlines() {
        return regime == PaperRegime.FIVE_DAY_PER_PERIOD || regime == PaperRegime.PER_PERIOD
                || regime == PaperRegime.YEARLY_BY_30_JUNE && periodId == null;
    }

    /** How a step stands. */
    public enum Status {
        /** Done on or before its due day (or done, when it has none). */
        DONE,
        /** Done, after its due day. */
        DONE_LATE,
        /** Not done, the due day not yet past (or it has none: never overdue). */
        PENDING,
        /** Not done, the due day past: просрочено. */
        OVERDUE
    }

    /**
     * The steps of one document.
     *
     * @param grade     the grade (a college's course) of its class
     * @param periodEnd the period's last day (null in the year-end report)
     */
    public record DocumentDeadlines(String documentType, String classId, String className, String periodId,
                                   int grade, LocalDate periodEnd, List<StepDeadline> steps) {
    }

    /**
     * One step's deadline.
     *
     * @param day  the day of the five-day schedule; 0 when the step has no day (year end, per period)
     * @param due  the due day, or null when the regime sets none (per period: never overdue)
     * @param done who did it and when, on which copy; null if not done
     */
    public record StepDeadline(int day, PaperStep step, LocalDate due, Done done, Status status) {
    }

    /** Who completed a step, when, on which copy. */
    public record Done(String by, Instant at, int copyNumber) {
    }

    /**
     * One backup line of the five-day close: a medium of a type written with the period's documents
     * ({@code backup export}), or handed to the director ({@code backup hand-over}).
     *
     * @param mediumType {@code optical} or {@code hdd}
     * @param handOver   false: written; true: handed to the director
     * @param mediumId   the medium that did it, or null
     * @param by         who wrote it (null for the hand-over or when not done)
     * @param at         when, or null
     */
    public record BackupDeadline(String mediumType, boolean handOver, int day, LocalDate due, String mediumId,
                                 String by, Instant at, Status status) {
    }
}
