package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * The sheet (or sheets) of a note a new version of a class journal carries — an authorised correction's or a
 * supplement's: a heading, a few lines saying what the version is, then its numbered items, wrapped and paginated.
 */
final class NotePages {

    private static final float SIZE = 10f;
    private static final float LEADING = 14f;

    private NotePages() {
    }

    static Section section(RenderContext context, String title, String subtitle, List<String> header,
            List<String> items) {
        float width = PageCanvas.WIDTH - 20;
        List<Line> lines = new ArrayList<>();
        for (String text : header) {
            context.measure().wrap(context.regular(), SIZE, text, width).forEach(l -> lines.add(new Line(l, 0)));
        }
        int n = 0;
        for (String item : items) {
            n++;
            boolean first = true;
            for (String l : context.measure().wrap(context.regular(), SIZE, n + ". " + item, width - 14)) {
                lines.add(new Line(l, first ? 8 : 22));
                first = false;
            }
        }
        int perPage = (int) ((SheetHeading.TABLE_TOP - PageCanvas.BOTTOM - 10) / LEADING);
        List<Section.Painter> pages = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += perPage) {
            List<Line> page = lines.subList(from, Math.min(lines.size(), from + perPage));
            boolean continued = from > 0;
            pages.add(canvas -> paint(canvas, context, title, subtitle, page, continued));
        }
        return new Section(title, true, pages);
    }

    private static void paint(PageCanvas canvas, RenderContext context, String title, String subtitle,
            List<Line> lines, boolean continued) {
        SheetHeading.paint(canvas, context, title, subtitle, "", continued);
        float y = SheetHeading.TABLE_TOP - 6;
        for (Line line : lines) {
            canvas.text(context.regular(), SIZE, PageCanvas.LEFT + 10 + line.indent(), y, line.text());
            y -= LEADING;
        }
    }

    private record Line(String text, float indent) {
    }
}
