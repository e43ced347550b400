package ru.journalarchive.rendering;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import ru.journalarchive.snapshot.Snapshot.Period;
import ru.journalarchive.snapshot.Snapshot.School;

/** The title page: «КЛАССНЫЙ ЖУРНАЛ», school, class, year, period, class teacher, director, archive note. */
final class TitlePage {

    private TitlePage() {
    }

    static Section section(RenderContext context, Instant frozenAt, String jsonHashPrefix, String attachmentName) {
        return section(context, frozenAt, jsonHashPrefix, attachmentName, false, null, List.of());
    }

    /** The title page of an archival or packet rendition, with a correction's note, if any. */
    static Section section(RenderContext context, Instant frozenAt, String jsonHashPrefix, String attachmentName,
            boolean packet, CorrectionNote correction) {
        return section(context, frozenAt, jsonHashPrefix, attachmentName, packet, correction, List.of());
    }

    /**
     * The title page; for a print packet with the class teacher's certification of the paper copy (000 §4.4: the
     * class teacher certifies the copy on the class's title page with signature and date).
     */
    static Section section(RenderContext context, Instant frozenAt, String jsonHashPrefix, String attachmentName,
            boolean packet, CorrectionNote correction, List<String> notes) {
        String frozen = DateTimeFormatter.ofPattern(context.text("title.frozenAt"), Locale.ROOT)
                .withZone(ZoneOffset.UTC).format(frozenAt);
        String note = context.text("title.archiveNote", frozen, jsonHashPrefix);
        String attached = context.text("title.attachment", attachmentName);
        String attachment = correction == null ? attached
                // A corrected version says so on its cover, before anyone reads its pages.
                : attached + " " + context.text("title.correctedNote",
                    String.valueOf(correction.supersedesVersion() + 1), String.valueOf(correction.number()),
                    DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT).withZone(ZoneOffset.UTC)
                            .format(correction.correctedAt()));
        return new Section(context.text("title.journal"), false,
                List.of(canvas -> {
                    paint(canvas, context, note, attachment, notes);
                    if (packet) {
                        SignatureLines.paintClassTeacherCertification(canvas, context, PageCanvas.LEFT + 80, 163,
                                PageCanvas.WIDTH - 160);
                    }
                }));
    }

    private static void paint(PageCanvas canvas, RenderContext context, String note, String attachment,
            List<String> notes) {
        JournalIndex index = context.index();
        School school = index.journal().school();
        Period period = index.schoolClass().period();
        PageCanvas.Measure measure = context.measure();
        float centre = (PageCanvas.LEFT + PageCanvas.RIGHT) / 2f;

        // A double frame, as on a printed journal cover.
        canvas.rect(PageCanvas.LEFT, PageCanvas.BOTTOM, PageCanvas.WIDTH, PageCanvas.TOP - PageCanvas.BOTTOM, 1.6f);
        canvas.rect(PageCanvas.LEFT + 5, PageCanvas.BOTTOM + 5, PageCanvas.WIDTH - 10,
                PageCanvas.TOP - PageCanvas.BOTTOM - 10, 0.5f);

        float y = PageCanvas.TOP - 40;
        for (String line : measure.wrap(context.regular(), 13, school.name(), PageCanvas.WIDTH - 160)) {
            canvas.textCentered(context.regular(), 13, centre, y, line);
            y -= 17;
        }
        if (school.city() != null && !school.city().isBlank()) {
            canvas.textCentered(context.regular(), 12, centre, y - 2, school.city());
        }

        canvas.textCentered(context.bold(), 36, centre, 375, context.text("title.journal"));
        canvas.textCentered(context.bold(), 24, centre, 330, context.text("title.class", index.schoolClass().name(),
                String.valueOf(index.schoolClass().grade())));
        canvas.textCentered(context.regular(), 15, centre, 298,
                context.text("title.academicYear", index.journal().academicYear()));
        if (period != null) {
            canvas.textCentered(context.regular(), 15, centre, 274, context.text("title.period", period.name(),
                    RenderContext.DATE.format(period.start()), RenderContext.DATE.format(period.end())));
        }

        float left = PageCanvas.LEFT + 80;
        canvas.text(context.regular(), 12, left, 205,
                context.text("title.classTeacher", index.journal().teacherName(index.schoolClass().classTeacher())));
        if (school.director() != null && !school.director().isBlank()) {
            canvas.text(context.regular(), 12, left, 185, context.text("title.director", school.director()));
        }

        y = 130;
        float width = PageCanvas.WIDTH - 160;
        canvas.line(left, y + 16, left + width, y + 16, 0.5f);
        for (String line : measure.wrap(context.regular(), 9, note, width)) {
            canvas.text(context.regular(), 9, left, y, line);
            y -= 12;
        }
        for (String line : measure.wrap(context.regular(), 9, attachment, width)) {
            canvas.text(context.regular(), 9, left, y, line);
            y -= 12;
        }
        // Notes the caller gives, in bold: a deputy's override of an incomplete close (who decided, when, why), or what
        // the school's regulation says (e.g. the electronic original).
        for (String extra : notes) {
            for (String line : measure.wrap(context.bold(), 9, extra, width)) {
                canvas.text(context.bold(), 9, left, y, line);
                y -= 12;
            }
        }
    }
}
