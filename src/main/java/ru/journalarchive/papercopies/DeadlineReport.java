package ru.journalarchive.papercopies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The deadlines of paper copies for a school's period (the five-day close) or academic year (printed, signed,
 * sealed and bound by 30 June), as of a day.
 *
 * @param periodId  the period, or null for the year-end report
 * @param documents one entry per archived document (latest version), in registry order
 */
public record DeadlineReport(String schoolId, String academicYear, String periodId, LocalDate today,
                             List<DocumentDeadlines> documents) {

    /** Whether any step is overdue. */
    public boolean anyOverdue() {
        return documents.stream().flatMap(d -> d.steps().stream()).anyMatch(s -> s.status() == Status.OVERDUE);
    }

    /** How a step stands. */
    public enum Status {
        /** Done on or before its due day. */
        DONE,
        /** Done, after its due day. */
        DONE_LATE,
        /** Not done, the due day not yet past. */
        PENDING,
        /** Not done, the due day past: просрочено. */
        OVERDUE
    }

    /**
     * The steps of one document.
     *
     * @param periodEnd the period's last day (null in the year-end report)
     */
    public record DocumentDeadlines(String documentType, String classId, String className, String periodId,
                                   LocalDate periodEnd, List<StepDeadline> steps) {
    }

    /**
     * One step's deadline.
     *
     * @param day  the day of the five-day schedule (0 in the year-end report)
     * @param done who did it and when, on which copy; null if not done
     */
    public record StepDeadline(int day, PaperStep step, LocalDate due, Done done, Status status) {
    }

    /** Who completed a step, when, on which copy. */
    public record Done(String by, Instant at, int copyNumber) {
    }
}
