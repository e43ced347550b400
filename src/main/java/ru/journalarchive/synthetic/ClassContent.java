package ru.journalarchive.synthetic;

import java.time.LocalDate;
import java.util.List;

/** The generated journal of one class for its period, ready to be written. */
record ClassContent(
        SchoolPlan.PlannedClass planned,
        SchoolCalendar.Term period,
        List<Pupil> pupils,
        List<Group> groups,
        List<Lesson> lessons,
        List<Mark> marks,
        List<Absence> absences,
        List<FinalMark> finalMarks) {

    record Pupil(String id, String fullName, LocalDate enrolled, LocalDate left) {
    }

    record Group(String id, String subject, String name, List<String> pupils) {
    }

    record Lesson(String id, LocalDate date, int number, String subject, String teacher, String replacedTeacher,
            String group, String topic, String homework) {
    }

    record Mark(String pupil, String lesson, String value, String workType, String enteredAt, String enteredBy) {
    }

    record Absence(String pupil, String lesson, String code) {
    }

    record FinalMark(String pupil, String subject, String period, String value, String enteredAt, String enteredBy) {
    }
}
