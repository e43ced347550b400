package ru.journalarchive.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One class's period journal cut out of a snapshot, self-contained: the unit that is frozen, hashed,
 * rendered and archived ({@code journal-class/1}). It carries only the teachers and subjects the class
 * refers to, and none of the export's metadata (export time, source system), so that two exports of the
 * same journal freeze to the same bytes.
 */
public record ClassJournal(
        String format,
        Snapshot.School school,
        String academicYear,
        Snapshot.GradingScale gradingScale,
        List<Snapshot.Teacher> teachers,
        List<Snapshot.Subject> subjects,
        @JsonProperty("class") Snapshot.SchoolClass schoolClass) {

    /** The format tag of a frozen class journal. */
    public static final String FORMAT = "journal-class/1";

    /** The full name of a teacher by id, or the id itself if unknown. */
    public String teacherName(String teacherId) {
        if (teacherId == null) {
            return "";
        }
        return teachers.stream().filter(t -> t.id().equals(teacherId)).map(Snapshot.Teacher::fullName)
                .findFirst().orElse(teacherId);
    }

    /** The name of a subject by id, or the id itself if unknown. */
    public String subjectName(String subjectId) {
        return subjects.stream().filter(s -> s.id().equals(subjectId)).map(Snapshot.Subject::name)
                .findFirst().orElse(subjectId);
    }

    /** Subjects by id, in the order of {@link #subjects()}. */
    public Map<String, Snapshot.Subject> subjectsById() {
        return subjects.stream().collect(Collectors.toMap(Snapshot.Subject::id, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
