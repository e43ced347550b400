package ru.journalarchive.rendering;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * «Исправление № … от …»: the page (or pages) right after the title page of a corrected journal's new version,
 * with the reason, who authorised the correction, the version it supersedes and every changed item, old → new.
 */
final class CorrectionPages {

    private CorrectionPages() {
    }

    static Section section(RenderContext context, CorrectionNote note) {
        String date = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(note.correctedAt());
        String title = context.text("correction.title", String.valueOf(note.number()), date);
        return NotePages.section(context, title, context.text("correction.subtitle"),
                List.of(context.text("correction.reason", note.reason()),
                        context.text("correction.authorisedBy", note.authorisedBy()),
                        context.text("correction.supersedes", String.valueOf(note.supersedesVersion()),
                                String.valueOf(note.supersedesVersion() + 1)),
                        context.text("correction.changes", String.valueOf(note.changes().size()))),
                note.changes());
    }
}
