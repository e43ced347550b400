package ru.journalarchive.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One school's {@code journal-snapshot/1} export, as accepted by the import (see
 * {@code archive-format/journal-snapshot-1.md}). Instants ({@code exportedAt}, {@code enteredAt})
 * are kept verbatim as ISO-8601 strings with offset so that nothing of the evidence is normalised away.
 */
public record Snapshot(
        String format,
        String exportedAt,
        Source source,
        School school,
        String academicYear,
        GradingScale gradingScale,
        List<Teacher> teachers,
        List<Subject> subjects,
        List<SchoolClass> classes) {

    /** The format tag every snapshot of this contract carries. */
    public static final String FORMAT = "journal-snapshot/1";

    /** The journal system that exported the snapshot. */
    public record Source(String system, String version) {
    }

    /**
     * The school the snapshot belongs to. {@code kind} is {@value #COLLEGE} for a college (СПО: courses, study groups,
     * semesters) and null for a school: the default {@code "school"} is never kept, so that a school's frozen journal
     * has the same bytes whether or not its export names the kind.
     */
    public record School(String id, String name, String shortName, String city, String director,
            @JsonInclude(JsonInclude.Include.NON_NULL) String kind) {

        /** The organisation kind of a college. */
        public static final String COLLEGE = "college";

        /** The organisation kind of a school, the default. */
        public static final String SCHOOL = "school";

        public School {
            kind = SCHOOL.equals(kind) ? null : kind;
        }

        /** A school (kind absent). */
        public School(String id, String name, String shortName, String city, String director) {
            this(id, name, shortName, city, director, null);
        }

        /** Whether this is a college: classes are study groups, grades are courses 1–5, periods are semesters. */
        @JsonIgnore
        public boolean isCollege() {
            return COLLEGE.equals(kind);
        }
    }

    /** Allowed mark values: the five-point marks and special marks such as «зч». */
    public record GradingScale(List<String> marks, List<String> special) {

        /** The default scale of the contract: "1"–"5" and no special marks. */
        public static GradingScale defaultScale() {
            return new GradingScale(List.of("1", "2", "3", "4", "5"), List.of());
        }

        /** Whether {@code value} is a mark or special mark of this scale. */
        public boolean allows(String value) {
            return (marks != null && marks.contains(value)) || (special != null && special.contains(value));
        }
    }

    /** A teacher of the school. */
    public record Teacher(String id, String fullName) {
    }

    /** A school subject. */
    public record Subject(String id, String name) {
    }

    /**
     * One class with the journal of its closing period; in a college a study group, {@code grade} its course and
     * {@code lastCourse} (colleges only, else null) the course in which the group graduates.
     */
    public record SchoolClass(
            String id,
            String name,
            int grade,
            String classTeacher,
            Period period,
            List<Student> students,
            List<Group> groups,
            List<Lesson> lessons,
            List<Mark> marks,
            List<Attendance> attendance,
            List<FinalMark> finalMarks,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer lastCourse) {

        /** A class without a last course (every school class). */
        public SchoolClass(String id, String name, int grade, String classTeacher, Period period,
                List<Student> students, List<Group> groups, List<Lesson> lessons, List<Mark> marks,
                List<Attendance> attendance, List<FinalMark> finalMarks) {
            this(id, name, grade, classTeacher, period, students, groups, lessons, marks, attendance, finalMarks, null);
        }
    }

    /** The reporting period that closes: a quarter Q1–Q4 or a half-year H1–H2 (in a college the semesters H1–H2). */
    public record Period(String id, String name, LocalDate start, LocalDate end) {
    }

    /** A pupil of the class; {@code enrolled} is the arrival date, {@code left} the departure date or null. */
    public record Student(String id, String fullName, LocalDate enrolled, LocalDate left) {
    }

    /** A part of the class taught one subject separately (e.g. a foreign-language group). */
    public record Group(String id, String subject, String name, List<String> students) {
    }

    /** A lesson; {@code replacedTeacher} is set when {@code teacher} substituted for someone. */
    public record Lesson(
            String id,
            LocalDate date,
            int number,
            String subject,
            String teacher,
            String replacedTeacher,
            String group,
            String topic,
            String homework) {
    }

    /** A mark for a lesson, with its work type and the evidence of who entered it when. */
    public record Mark(String student, String lesson, String value, String workType, String enteredAt, String enteredBy) {
    }

    /** An absence: Н without valid reason, Б ill, У valid reason. */
    public record Attendance(String student, String lesson, String code) {
    }

    /** A final mark for a period (Q1–Q4, H1–H2), the year (Y), the exam (E) or final (F). */
    public record FinalMark(
            String student, String subject, String period, String value, String enteredAt, String enteredBy) {
    }
}
