package ru.journalarchive.freezing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import ru.journalarchive.snapshot.Snapshot;

/**
 * A class's summary statement of final marks for one academic year ({@code summary-statement/1}, see
 * {@code archive-format/summary-statement-1.md}): pupils × subjects with every period's final mark, the year's, exam
 * and final marks, taken from the class's frozen period journals; pupils who joined or left during the year marked.
 */
public record SummaryStatement(
        String format,
        Snapshot.School school,
        String academicYear,
        @JsonProperty("class") ClassInfo schoolClass,
        List<PeriodSource> periods,
        List<Snapshot.Subject> subjects,
        List<Pupil> students,
        List<Mark> marks,
        List<Correction> corrections) {

    /** The format tag of a summary statement. */
    public static final String FORMAT = "summary-statement/1";

    /** The mark kinds after the periods: year, exam, final. */
    public static final List<String> YEAR_KINDS = List.of("Y", "E", "F");

    /** The class: id, name, grade and class teacher (as of the year's last period). */
    public record ClassInfo(String id, String name, int grade, Snapshot.Teacher classTeacher) {
    }

    /**
     * A reporting period of the year and the frozen journal its marks come from ({@code frozenJournalSha256} null when
     * the archive holds no frozen journal of that period).
     */
    public record PeriodSource(String id, String name, LocalDate start, LocalDate end, String frozenJournalSha256) {
    }

    /** A pupil of the class during the year, with arrival and departure when they happened during the year. */
    public record Pupil(String id, String fullName, LocalDate enrolled, LocalDate left, boolean joinedDuringYear,
            boolean leftDuringYear) {
    }

    /**
     * An authorised correction of one of the period journals this statement was built from (the statement is then a
     * new version; the previous one stays): which period, its journal's new version, why and who allowed it.
     */
    public record Correction(String period, int journalVersion, int number, String reason, String authorisedBy,
            LocalDate correctedOn) {
    }

    /** The same statement listing these corrections. */
    public SummaryStatement withCorrections(List<Correction> list) {
        return new SummaryStatement(format, school, academicYear, schoolClass, periods, subjects, students, marks,
                List.copyOf(list));
    }

    /** One final mark: {@code period} is a period id (Q1–Q4, H1–H2), Y, E or F. */
    public record Mark(String student, String subject, String period, String value) {
    }

    /** The mark of a pupil in a subject for a period or kind, or null. */
    public String mark(String studentId, String subjectId, String period) {
        for (Mark m : marks) {
            if (m.student().equals(studentId) && m.subject().equals(subjectId) && m.period().equals(period)) {
                return m.value();
            }
        }
        return null;
    }

    /** The mark kinds present in the statement, in order: the periods, then Y, E, F when any pupil has one. */
    public List<String> kinds() {
        List<String> kinds = new java.util.ArrayList<>(periods.stream().map(PeriodSource::id).toList());
        for (String kind : YEAR_KINDS) {
            if (marks.stream().anyMatch(m -> m.period().equals(kind))) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
