package ru.journalarchive.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/** Streams the parts of a {@code journal-snapshot/1} document through a Jackson generator, one class at a time. */
final class SnapshotJson {

    /** The school block; {@code kind} is written only when set ({@code college}). */
    record School(String id, String name, String shortName, String city, String director, String kind) {
    }

    /** The course in which a generated college's groups graduate ({@code lastCourse}). */
    static final int COLLEGE_LAST_COURSE = 4;

    private final JsonGenerator g;
    private final JournalPrettyPrinter printer;

    SnapshotJson(JsonGenerator g, JournalPrettyPrinter printer) {
        this.g = g;
        this.printer = printer;
    }

    private void expand() {
        if (printer != null) {
            printer.expandNext();
        }
    }

    void begin(School school, String academicYear, LocalDate exportDay, SchoolPlan plan) {
        expand();
        g.writeStartObject();
        g.writeStringProperty("format", "journal-snapshot/1");
        g.writeStringProperty("exportedAt", exportDay + "T09:00:00+03:00");
        g.writeObjectPropertyStart("source");
        g.writeStringProperty("system", "Синтетический генератор журналов");
        g.writeStringProperty("version", "1");
        g.writeEndObject();
        g.writeName("school");
        expand();
        g.writeStartObject();
        g.writeStringProperty("id", school.id());
        g.writeStringProperty("name", school.name());
        g.writeStringProperty("shortName", school.shortName());
        g.writeStringProperty("city", school.city());
        g.writeStringProperty("director", school.director());
        if (school.kind() != null) {
            g.writeStringProperty("kind", school.kind());
        }
        g.writeEndObject();
        g.writeStringProperty("academicYear", academicYear);
        g.writeObjectPropertyStart("gradingScale");
        strings("marks", List.of("1", "2", "3", "4", "5"));
        strings("special", List.of("зч", "нз", "н/а", "осв"));
        g.writeEndObject();
        array("teachers", plan.teachers, t -> {
            g.writeStartObject();
            g.writeStringProperty("id", t.id());
            g.writeStringProperty("fullName", t.fullName());
            g.writeEndObject();
        });
        List<Curriculum.Subject> subjects = Curriculum.SUBJECTS.values().stream()
                .filter(s -> plan.subjectsUsed.contains(s.id())).toList();
        array("subjects", subjects, s -> {
            g.writeStartObject();
            g.writeStringProperty("id", s.id());
            g.writeStringProperty("name", s.name());
            g.writeEndObject();
        });
        g.writeName("classes");
        expand();
        g.writeStartArray();
    }

    void schoolClass(ClassContent c) {
        expand();
        g.writeStartObject();
        g.writeStringProperty("id", c.planned().id());
        g.writeStringProperty("name", c.planned().name());
        g.writeNumberProperty("grade", c.planned().grade());
        g.writeStringProperty("classTeacher", c.planned().classTeacher());
        if (c.planned().college()) {
            g.writeNumberProperty("lastCourse", COLLEGE_LAST_COURSE);
        }
        g.writeObjectPropertyStart("period");
        g.writeStringProperty("id", c.period().id());
        g.writeStringProperty("name", c.period().name());
        g.writeStringProperty("start", c.period().start().toString());
        g.writeStringProperty("end", c.period().end().toString());
        g.writeEndObject();
        array("students", c.pupils(), p -> {
            g.writeStartObject();
            g.writeStringProperty("id", p.id());
            g.writeStringProperty("fullName", p.fullName());
            g.writeStringProperty("enrolled", p.enrolled().toString());
            g.writeStringProperty("left", p.left() == null ? null : p.left().toString());
            g.writeEndObject();
        });
        array("groups", c.groups(), gr -> {
            g.writeStartObject();
            g.writeStringProperty("id", gr.id());
            g.writeStringProperty("subject", gr.subject());
            g.writeStringProperty("name", gr.name());
            strings("students", gr.pupils());
            g.writeEndObject();
        });
        array("lessons", c.lessons(), l -> {
            g.writeStartObject();
            g.writeStringProperty("id", l.id());
            g.writeStringProperty("date", l.date().toString());
            g.writeNumberProperty("number", l.number());
            g.writeStringProperty("subject", l.subject());
            g.writeStringProperty("teacher", l.teacher());
            g.writeStringProperty("replacedTeacher", l.replacedTeacher());
            g.writeStringProperty("group", l.group());
            g.writeStringProperty("topic", l.topic());
            g.writeStringProperty("homework", l.homework());
            g.writeEndObject();
        });
        array("marks", c.marks(), m -> {
            g.writeStartObject();
            g.writeStringProperty("student", m.pupil());
            g.writeStringProperty("lesson", m.lesson());
            g.writeStringProperty("value", m.value());
            g.writeStringProperty("workType", m.workType());
            g.writeStringProperty("enteredAt", m.enteredAt());
            g.writeStringProperty("enteredBy", m.enteredBy());
            g.writeEndObject();
        });
        array("attendance", c.absences(), a -> {
            g.writeStartObject();
            g.writeStringProperty("student", a.pupil());
            g.writeStringProperty("lesson", a.lesson());
            g.writeStringProperty("code", a.code());
            g.writeEndObject();
        });
        array("finalMarks", c.finalMarks(), f -> {
            g.writeStartObject();
            g.writeStringProperty("student", f.pupil());
            g.writeStringProperty("subject", f.subject());
            g.writeStringProperty("period", f.period());
            g.writeStringProperty("value", f.value());
            g.writeStringProperty("enteredAt", f.enteredAt());
            g.writeStringProperty("enteredBy", f.enteredBy());
            g.writeEndObject();
        });
        g.writeEndObject();
        g.flush();
    }

    void end() {
        g.writeEndArray();
        g.writeEndObject();
    }

    private <T> void array(String name, List<T> items, Consumer<T> item) {
        g.writeName(name);
        expand();
        g.writeStartArray();
        items.forEach(item);
        g.writeEndArray();
    }

    private void strings(String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        values.forEach(g::writeString);
        g.writeEndArray();
    }
}
