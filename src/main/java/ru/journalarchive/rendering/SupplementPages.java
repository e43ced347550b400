package ru.journalarchive.rendering;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;

/**
 * «Дополнение № N: итоговые отметки, выставленные после закрытия периода»: the sheet right after the contents of a
 * supplemented journal's new version, listing each added mark — pupil, subject, kind, value, who entered it and when
 * (in the school's time zone, {@link SupplementNote#zone()}).
 */
final class SupplementPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

    private SupplementPages() {
    }

    static Section section(RenderContext context, SupplementNote note) {
        ClassJournal journal = context.index().journal();
        String title = context.text("supplement.title", String.valueOf(note.number()));
        List<String> items = note.marks().stream()
                .sorted(Comparator.comparing((SupplementNote.Mark m) -> pupil(journal, m))
                        .thenComparing(m -> journal.subjectName(m.subjectId()))
                        .thenComparing(m -> "EFY".indexOf(m.kind())))
                .map(m -> context.text("supplement.mark", pupil(journal, m), journal.subjectName(m.subjectId()),
                        context.text("supplement.kind." + m.kind()), m.value(),
                        m.enteredBy() == null ? context.text("supplement.unknown") : journal.teacherName(m.enteredBy()),
                        m.enteredAt() == null ? context.text("supplement.unknown") : when(m.enteredAt(), note.zone())))
                .toList();
        return NotePages.section(context, title, context.text("supplement.subtitle"),
                List.of(context.text("supplement.recorded", WHEN.withZone(note.zone()).format(note.recordedAt())),
                        context.text("supplement.supplements", String.valueOf(note.supplementsVersion()),
                                String.valueOf(note.supplementsVersion() + 1)),
                        context.text("supplement.marks", String.valueOf(note.marks().size()))),
                items);
    }

    private static String pupil(ClassJournal journal, SupplementNote.Mark m) {
        return journal.schoolClass().students().stream().filter(s -> s.id().equals(m.studentId()))
                .map(Snapshot.Student::fullName).findFirst().orElse(m.studentId());
    }

    private static String when(String enteredAt, ZoneId zone) {
        try {
            return WHEN.format(OffsetDateTime.parse(enteredAt).atZoneSameInstant(zone));
        } catch (DateTimeParseException e) {
            return enteredAt;
        }
    }
}
