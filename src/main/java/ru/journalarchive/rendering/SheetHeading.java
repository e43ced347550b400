package ru.journalarchive.rendering;

/** The heading of a subject's page: subject (or group), its teacher, and what the page holds. */
final class SheetHeading {

    /** Where the table under the heading starts. */
    static final float TABLE_TOP = PageCanvas.TOP - 34f;

    private SheetHeading() {
    }

    static void paint(PageCanvas canvas, RenderContext context, String title, String subtitle, String kind,
            boolean continued) {
        String label = continued ? kind + " " + context.text("sheet.continued") : kind;
        float labelWidth = context.measure().width(context.bold(), 10, label);
        float titleSize = context.measure().fit(context.bold(), 13, title, PageCanvas.WIDTH - labelWidth - 20);
        canvas.text(context.bold(), titleSize, PageCanvas.LEFT, PageCanvas.TOP - 11, title);
        canvas.textRight(context.bold(), 10, PageCanvas.RIGHT, PageCanvas.TOP - 11, label);
        if (subtitle != null && !subtitle.isBlank()) {
            canvas.text(context.regular(), 9, PageCanvas.LEFT, PageCanvas.TOP - 25, subtitle);
        }
    }
}
