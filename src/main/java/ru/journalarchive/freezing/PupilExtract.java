package ru.journalarchive.freezing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.journalarchive.snapshot.Snapshot;

/**
 * An extract of one pupil's final marks (выписка итоговых отметок, {@code pupil-extract/1}, see
 * {@code archive-format/pupil-extract-1.md}): for every academic year the archive holds a summary statement listing
 * the pupil, their marks per subject (periods, year, exam, final), drawn from exactly those statements; with the
 * school's details, the date, the purpose and the requester.
 */
public record PupilExtract(
        String format,
        long number,
        Snapshot.School school,
        Student student,
        LocalDate issuedOn,
        String purpose,
        String requester,
        List<Year> years) {

    /** The format tag of a pupil extract. */
    public static final String FORMAT = "pupil-extract/1";

    /** The pupil: the source system's id and the full name (as in the latest statement). */
    public record Student(String id, String fullName) {
    }

    /** One academic year: the class, the statement it comes from, the mark kinds and the pupil's marks. */
    public record Year(String academicYear, String schoolId, String classId, String className, int grade,
            String statementSha256, List<String> kinds, List<SubjectMarks> subjects) {
    }

    /** A subject's marks of the pupil in one year, by kind (Q1–Q4 or H1–H2, Y, E, F). */
    public record SubjectMarks(String subjectId, String name, Map<String, String> marks) {
    }

    /**
     * The extract of a pupil from their statements (oldest year first).
     *
     * @throws IllegalArgumentException when no statement lists the pupil
     */
    public static PupilExtract of(long number, String studentId, List<SummaryStatements.Stored> statements,
            LocalDate issuedOn, String purpose, String requester) {
        List<Year> years = new ArrayList<>();
        Snapshot.School school = null;
        String fullName = null;
        for (SummaryStatements.Stored stored : statements) {
            SummaryStatement s = stored.statement();
            SummaryStatement.Pupil pupil = s.students().stream().filter(p -> p.id().equals(studentId)).findFirst()
                    .orElse(null);
            if (pupil == null) {
                continue;
            }
            school = s.school();
            fullName = pupil.fullName();
            List<String> kinds = s.kinds();
            List<SubjectMarks> subjects = new ArrayList<>();
            for (Snapshot.Subject subject : s.subjects()) {
                Map<String, String> marks = new LinkedHashMap<>();
                for (String kind : kinds) {
                    String value = s.mark(studentId, subject.id(), kind);
                    if (value != null) {
                        marks.put(kind, value);
                    }
                }
                if (!marks.isEmpty()) {
                    subjects.add(new SubjectMarks(subject.id(), subject.name(), marks));
                }
            }
            years.add(new Year(s.academicYear(), s.school().id(), s.schoolClass().id(), s.schoolClass().name(),
                    s.schoolClass().grade(), stored.sha256(), kinds, subjects));
        }
        if (years.isEmpty()) {
            throw new IllegalArgumentException("no summary statement lists pupil " + studentId);
        }
        return new PupilExtract(FORMAT, number, school, new Student(studentId, fullName), issuedOn, purpose.strip(),
                requester.strip(), years);
    }
}
