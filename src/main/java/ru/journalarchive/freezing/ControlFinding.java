package ru.journalarchive.freezing;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One finding of the deputy's control report of a frozen period journal ({@link JournalControl}): what is wrong, in
 * which class, for which pupil, lesson and subject, with the evidence (when the mark was entered, by whom, when it was
 * due). Ids for machines ({@code report control --json}), names for people (the text report and the web page). Fields
 * that do not apply to a kind are null.
 *
 * @param kind          what the finding is
 * @param classId       the class's id, e.g. {@code 5a}
 * @param className     the class's name, e.g. «5А»
 * @param periodId      the class's period id, e.g. {@code Q2}
 * @param periodName    the period's name, e.g. «2 четверть»
 * @param studentId     the pupil's id (marks, final marks, few marks, missing final marks)
 * @param studentName   the pupil's full name
 * @param lessonId      the lesson's id (marks, lessons without topic or homework)
 * @param lessonDate    the lesson's date
 * @param lessonNumber  the lesson's number in the day
 * @param subject       the subject's id
 * @param subjectName   the subject's name
 * @param workType      a mark's work type as exported (null: none; counted as written work)
 * @param oral          whether the mark is for an oral answer (its work type is one of the profile's oral ones)
 * @param value         the mark or final mark
 * @param enteredAt     when the mark was entered, verbatim from the snapshot (with its offset)
 * @param enteredBy     the teacher who entered the mark (id)
 * @param enteredByName that teacher's full name
 * @param dueAt         the last moment the mark was on time, in the school's zone
 * @param byTime        whether the deadline is a time of day (004 §4.4.1: by 19:00) rather than a day's end
 * @param teacher       the lesson's teacher (id), for lessons without topic or homework
 * @param teacherName   that teacher's full name
 * @param count         the pupil's current marks in the subject (few marks)
 * @param minimum       the profile's minimum of current marks (few marks)
 */
public record ControlFinding(Kind kind, String classId, String className, String periodId, String periodName,
                             String studentId, String studentName, String lessonId, LocalDate lessonDate,
                             Integer lessonNumber, String subject, String subjectName, String workType, boolean oral,
                             String value,
                             String enteredAt, String enteredBy, String enteredByName, ZonedDateTime dueAt,
                             boolean byTime, String teacher, String teacherName, Integer count, Integer minimum) {

    /** The kinds of findings, in the report's order; {@link #code()} is the JSON {@code kind}. */
    public enum Kind {
        /** A mark entered after the profile's deadline for its work kind and grade band. */
        LATE_MARK("late-mark"),
        /** A period final mark entered after the profile's final-mark deadline (004 §5.3). */
        LATE_FINAL_MARK("late-final-mark"),
        /** A pupil with fewer current marks in a subject than the profile's minimum (накопляемость). */
        FEW_MARKS("few-marks"),
        /** A pupil present at the period's end without the period's final mark in a subject they are taught. */
        MISSING_FINAL_MARK("missing-final-mark"),
        /** A lesson without a topic. */
        NO_TOPIC("no-topic"),
        /** A lesson without homework (from grade 2). */
        NO_HOMEWORK("no-homework");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The kind as the JSON report and the message keys name it, e.g. {@code late-mark}. */
        public String code() {
            return code;
        }
    }

    /** Whether the finding is about a mark's or final mark's timeliness. */
    public boolean late() {
        return kind == Kind.LATE_MARK || kind == Kind.LATE_FINAL_MARK;
    }
}
