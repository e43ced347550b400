package ru.journalarchive.rendering;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * «Исправление № … от …»: the page (or pages) right after the title page of a corrected journal's new version,
 * with the reason, who authorised the correction, the version it supersedes and every changed item, old → new.
 */
final class CorrectionPages {

    private static final float SIZE = 10f;
    private static final float LEADING = 14f;

    private CorrectionPages() {
    }

    static Section section(RenderContext context, CorrectionNote note) {
        String date = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(note.correctedAt());
        String title = context.text("correction.title", String.valueOf(note.number()), date);
        float width = PageCanvas.WIDTH - 20;
        List<Line> lines = new ArrayList<>();
        for (String text : List.of(context.text("correction.reason", note.reason()),
                context.text("correction.authorisedBy", note.authorisedBy()),
                context.text("correction.supersedes", String.valueOf(note.supersedesVersion()),
                        String.valueOf(note.supersedesVersion() + 1)),
                context.text("correction.changes", String.valueOf(note.changes().size())))) {
            context.measure().wrap(context.regular(), SIZE, text, width).forEach(l -> lines.add(new Line(l, 0)));
        }
        int n = 0;
        for (String change : note.changes()) {
            n++;
            boolean first = true;
            for (String l : context.measure().wrap(context.regular(), SIZE, n + ". " + change, width - 14)) {
                lines.add(new Line(l, first ? 8 : 22));
                first = false;
            }
        }
        int perPage = (int) ((SheetHeading.TABLE_TOP - PageCanvas.BOTTOM - 10) / LEADING);
        List<Section.Painter> pages = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += perPage) {
            List<Line> page = lines.subList(from, Math.min(lines.size(), from + perPage));
            boolean continued = from > 0;
            pages.add(canvas -> paint(canvas, context, title, page, continued));
        }
        return new Section(title, true, pages);
    }

    private static void paint(PageCanvas canvas, RenderContext context, String title, List<Line> lines,
            boolean continued) {
        SheetHeading.paint(canvas, context, title, context.text("correction.subtitle"), "", continued);
        float y = SheetHeading.TABLE_TOP - 6;
        for (Line line : lines) {
            canvas.text(context.regular(), SIZE, PageCanvas.LEFT + 10 + line.indent(), y, line.text());
            y -= LEADING;
        }
    }

    private record Line(String text, float indent) {
    }
}
