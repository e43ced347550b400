package ru.journalarchive.freezing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;

/**
 * Whether a class's period journal is complete enough to be archived: the period has ended by the snapshot's export
 * and every pupil present at the period's end has the period's final mark (a mark of the scale or a special value) in
 * every subject taught to them; and, at the year close, whether every pupil present at the year's end has the year
 * mark in every subject with period final marks. The one place that decides who must have which final mark.
 */
public final class Completeness {

    private Completeness() {
    }

    /** A pupil without a required final mark in a subject (ids for machines, names for people). */
    public record Missing(String studentId, String studentName, String subjectId, String subjectName) {
    }

    /**
     * The verdict on one class's period journal.
     *
     * @param periodEnded whether the export was made after the period's last day
     * @param periodEnd   the period's last day
     * @param exportedOn  the export's date in its own offset (null if the snapshot gave none readable)
     * @param missing     pupil × subject without the period's final mark, in subject then pupil order
     */
    public record Result(boolean periodEnded, LocalDate periodEnd, LocalDate exportedOn, List<Missing> missing) {

        public Result {
            missing = List.copyOf(missing);
        }

        /** Whether the class may be closed. */
        public boolean complete() {
            return periodEnded && missing.isEmpty();
        }
    }

    /**
     * Whether the class keeps marks (and sets homework): every grade but a school's grade 1, which has none (no final
     * marks are required of it); a college's course 1 does. The one predicate the gate, the control report, the year
     * close and the print packets ask.
     */
    public static boolean keepsMarks(ClassJournal journal) {
        return keepsMarks(journal.schoolClass().grade(), journal.school().isCollege());
    }

    /** Whether a class of this grade (course, in a college) keeps marks; see {@link #keepsMarks(ClassJournal)}. */
    public static boolean keepsMarks(int grade, boolean college) {
        return grade > 1 || college;
    }

    /** Whether the class of a summary statement keeps marks; see {@link #keepsMarks(ClassJournal)}. */
    public static boolean keepsMarks(SummaryStatement statement) {
        return keepsMarks(statement.schoolClass().grade(), statement.school().isCollege());
    }

    /**
     * Checks a class's period journal against the snapshot's export moment.
     *
     * @param exportedAt the snapshot's {@code exportedAt} (ISO-8601 with offset)
     */
    public static Result check(ClassJournal journal, String exportedAt) {
        LocalDate end = journal.schoolClass().period().end();
        LocalDate exportedOn = day(exportedAt);
        // The export's own local date: a snapshot exported on the period's last day is not after it.
        boolean ended = exportedOn != null && exportedOn.isAfter(end);
        return new Result(ended, end, exportedOn, missingFinalMarks(journal));
    }

    /** Pupil × subject without the period's final mark; none for a class that keeps no marks. */
    public static List<Missing> missingFinalMarks(ClassJournal journal) {
        if (!keepsMarks(journal)) {
            return List.of();
        }
        Snapshot.SchoolClass c = journal.schoolClass();
        Set<String> finals = nz(c.finalMarks()).stream()
                .filter(f -> c.period().id().equals(f.period()) && !blank(f.value()))
                .map(f -> f.student() + "/" + f.subject()).collect(Collectors.toSet());
        List<Missing> missing = new ArrayList<>();
        for (String subject : subjectsTaught(journal)) {
            for (Snapshot.Student s : pupilsOf(c, subject)) {
                if (!finals.contains(s.id() + "/" + subject)) {
                    missing.add(new Missing(s.id(), s.fullName(), subject, journal.subjectName(subject)));
                }
            }
        }
        return List.copyOf(missing);
    }

    /**
     * Pupil × subject without the year mark (Y) in a summary statement: every pupil present at the year's end (the
     * last period's end), in every subject in which they have a period final mark of the year. Exam and final marks
     * (E, F) are not required: they arrive later. None for a class that keeps no marks.
     */
    public static List<Missing> missingYearMarks(SummaryStatement statement) {
        if (!keepsMarks(statement)) {
            return List.of();
        }
        LocalDate end = statement.periods().stream().map(SummaryStatement.PeriodSource::end)
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        Set<String> yearMarks = statement.marks().stream()
                .filter(m -> "Y".equals(m.period()) && !blank(m.value()))
                .map(m -> m.student() + "/" + m.subject()).collect(Collectors.toSet());
        List<Missing> missing = new ArrayList<>();
        for (Snapshot.Subject subject : statement.subjects()) {
            for (SummaryStatement.Pupil p : statement.students()) {
                if (end != null && !present(p.enrolled(), p.left(), end)) {
                    continue;
                }
                boolean hasPeriodMark = statement.marks().stream().anyMatch(m -> m.student().equals(p.id())
                        && m.subject().equals(subject.id()) && !SummaryStatement.YEAR_KINDS.contains(m.period())
                        && !blank(m.value()));
                if (hasPeriodMark && !yearMarks.contains(p.id() + "/" + subject.id())) {
                    missing.add(new Missing(p.id(), p.fullName(), subject.id(), subject.name()));
                }
            }
        }
        return List.copyOf(missing);
    }

    /** The subjects that have lessons in the class, in the journal's subject order. */
    static List<String> subjectsTaught(ClassJournal journal) {
        Set<String> taught = nz(journal.schoolClass().lessons()).stream().map(Snapshot.Lesson::subject)
                .collect(Collectors.toSet());
        Set<String> ordered = new LinkedHashSet<>();
        journal.subjectsById().keySet().stream().filter(taught::contains).forEach(ordered::add);
        ordered.addAll(taught);
        return List.copyOf(ordered);
    }

    /**
     * The pupils who must have a final mark in a subject: in the class at the period's end and, for a subject taught
     * only in groups, in one of its groups.
     */
    static List<Snapshot.Student> pupilsOf(Snapshot.SchoolClass c, String subject) {
        boolean wholeClass = nz(c.lessons()).stream()
                .anyMatch(l -> subject.equals(l.subject()) && blank(l.group()));
        Set<String> inGroups = nz(c.groups()).stream().filter(g -> subject.equals(g.subject()))
                .flatMap(g -> nz(g.students()).stream()).collect(Collectors.toSet());
        LocalDate end = c.period().end();
        return nz(c.students()).stream()
                .filter(s -> present(s.enrolled(), s.left(), end))
                .filter(s -> wholeClass || inGroups.contains(s.id()))
                .toList();
    }

    /** Enrolled on or before the day and not left before it. */
    private static boolean present(LocalDate enrolled, LocalDate left, LocalDate day) {
        return (left == null || !left.isBefore(day)) && (enrolled == null || !enrolled.isAfter(day));
    }

    private static LocalDate day(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(instant).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
