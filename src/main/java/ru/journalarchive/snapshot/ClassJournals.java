package ru.journalarchive.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Cuts a validated snapshot into one self-contained {@code journal-class/1} journal per class, each with only the
 * teachers and subjects that class refers to.
 */
public final class ClassJournals {

    private ClassJournals() {
    }

    /** One {@link ClassJournal} per class of {@code snapshot}, in the snapshot's order of classes. */
    public static List<ClassJournal> of(Snapshot snapshot) {
        Snapshot.GradingScale scale = snapshot.gradingScale() != null ? snapshot.gradingScale()
                : Snapshot.GradingScale.defaultScale();
        List<ClassJournal> journals = new ArrayList<>();
        for (Snapshot.SchoolClass schoolClass : snapshot.classes()) {
            Set<String> teachers = teacherIds(schoolClass);
            Set<String> subjects = subjectIds(schoolClass);
            journals.add(new ClassJournal(ClassJournal.FORMAT, snapshot.school(), snapshot.academicYear(), scale,
                    snapshot.teachers().stream().filter(t -> teachers.contains(t.id())).toList(),
                    snapshot.subjects().stream().filter(s -> subjects.contains(s.id())).toList(),
                    schoolClass));
        }
        return journals;
    }

    /** The teachers a class refers to: class teacher, lesson teachers and replaced teachers, who entered marks. */
    static Set<String> teacherIds(Snapshot.SchoolClass c) {
        Set<String> ids = new HashSet<>();
        Consumer<String> add = id -> {
            if (id != null) {
                ids.add(id);
            }
        };
        add.accept(c.classTeacher());
        forEach(c.lessons(), l -> {
            add.accept(l.teacher());
            add.accept(l.replacedTeacher());
        });
        forEach(c.marks(), m -> add.accept(m.enteredBy()));
        forEach(c.finalMarks(), m -> add.accept(m.enteredBy()));
        return ids;
    }

    /** The subjects a class refers to: of its lessons, groups and final marks. */
    static Set<String> subjectIds(Snapshot.SchoolClass c) {
        Set<String> ids = new HashSet<>();
        forEach(c.lessons(), l -> ids.add(l.subject()));
        forEach(c.groups(), g -> ids.add(g.subject()));
        forEach(c.finalMarks(), m -> ids.add(m.subject()));
        return ids;
    }

    private static <T> void forEach(List<T> items, Consumer<T> action) {
        if (items != null) {
            items.forEach(action);
        }
    }
}
