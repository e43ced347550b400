package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;

/** «Оглавление»: every listed section of the journal with the numbers of its sheets. */
final class ContentsPages {

    private static final float HEADER_HEIGHT = 18f;
    private static final float ROW_HEIGHT = 16f;
    static final int ROWS_PER_PAGE = (int) ((SheetHeading.TABLE_TOP - HEADER_HEIGHT - PageCanvas.BOTTOM) / ROW_HEIGHT);
    private static final float SHEETS_WIDTH = 90f;

    private ContentsPages() {
    }

    /** How many pages the contents need for this many entries. */
    static int pageCount(int entries) {
        return Math.max(1, (entries + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
    }

    /**
     * The contents pages.
     *
     * @param entries the listed sections with their first and last sheet numbers
     */
    static Section section(RenderContext context, List<Entry> entries) {
        List<Section.Painter> pages = new ArrayList<>();
        int count = pageCount(entries.size());
        for (int p = 0; p < count; p++) {
            List<Entry> rows = entries.subList(p * ROWS_PER_PAGE, Math.min(entries.size(), (p + 1) * ROWS_PER_PAGE));
            boolean continued = p > 0;
            pages.add(canvas -> paint(canvas, context, rows, continued));
        }
        return new Section(context.text("contents.title"), false, pages);
    }

    private static void paint(PageCanvas canvas, RenderContext context, List<Entry> rows, boolean continued) {
        SheetHeading.paint(canvas, context, context.text("contents.title"), null, "", continued);
        float top = SheetHeading.TABLE_TOP;
        float sheetsLeft = PageCanvas.RIGHT - SHEETS_WIDTH;
        canvas.text(context.bold(), 9, PageCanvas.LEFT, top - 12, context.text("contents.section"));
        canvas.textCentered(context.bold(), 9, sheetsLeft + SHEETS_WIDTH / 2f, top - 12, context.text("contents.sheets"));
        canvas.line(PageCanvas.LEFT, top - HEADER_HEIGHT, PageCanvas.RIGHT, top - HEADER_HEIGHT, 0.8f);
        float y = top - HEADER_HEIGHT;
        for (Entry entry : rows) {
            float baseline = y - ROW_HEIGHT + 4.5f;
            float size = context.measure().fit(context.regular(), 10, entry.title(), sheetsLeft - PageCanvas.LEFT - 20);
            canvas.text(context.regular(), size, PageCanvas.LEFT, baseline, entry.title());
            float titleEnd = PageCanvas.LEFT + context.measure().width(context.regular(), size, entry.title());
            canvas.dottedLine(titleEnd + 4, baseline, sheetsLeft + 4);
            canvas.textCentered(context.regular(), 10, sheetsLeft + SHEETS_WIDTH / 2f, baseline, entry.sheets());
            y -= ROW_HEIGHT;
        }
    }

    /** One line of the contents. */
    record Entry(String title, int firstSheet, int lastSheet) {

        String sheets() {
            return firstSheet == lastSheet ? String.valueOf(firstSheet) : firstSheet + "–" + lastSheet;
        }
    }
}
