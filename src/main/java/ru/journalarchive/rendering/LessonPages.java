package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot.Lesson;

/**
 * The right-hand pages of a subject in the paper journal: for each lesson its date, number, topic, homework and
 * teacher, with substitutions marked («замена: … вместо …»). Long texts wrap over lines and pages.
 */
final class LessonPages {

    private static final float[] WIDTHS = {40f, 34f, 300f, 220f};
    private static final float SIZE = 8f;
    private static final float LEADING = 9.6f;
    private static final float PADDING = 2.5f;
    private static final float HEADER_HEIGHT = 16f;
    private static final float AVAILABLE = SheetHeading.TABLE_TOP - HEADER_HEIGHT - PageCanvas.BOTTOM;

    private final RenderContext context;
    private final JournalIndex.Sheet sheet;
    private final float[] widths;

    private LessonPages(RenderContext context, JournalIndex.Sheet sheet) {
        this.context = context;
        this.sheet = sheet;
        float used = 0f;
        for (float w : WIDTHS) {
            used += w;
        }
        this.widths = new float[] {WIDTHS[0], WIDTHS[1], WIDTHS[2], WIDTHS[3], PageCanvas.WIDTH - used};
    }

    static Section section(RenderContext context, JournalIndex.Sheet sheet) {
        return new LessonPages(context, sheet).build();
    }

    private Section build() {
        List<List<Row>> pages = new ArrayList<>();
        List<Row> page = new ArrayList<>();
        float used = 0f;
        int maxLines = (int) ((AVAILABLE - 2 * PADDING) / LEADING);
        for (Lesson lesson : sheet.lessons()) {
            Row row = row(lesson);
            while (row != null) {
                if (used + row.height() > AVAILABLE && !page.isEmpty()) {
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0f;
                }
                int fits = Math.min(maxLines, (int) ((AVAILABLE - used - 2 * PADDING) / LEADING));
                Row rest = row.lines() > fits ? row.from(fits) : null;
                Row head = rest == null ? row : row.upTo(fits);
                page.add(head);
                used += head.height();
                row = rest;
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(page);
        }
        String kind = context.text("sheet.lessons");
        List<Section.Painter> painters = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            List<Row> rows = pages.get(i);
            boolean continued = i > 0;
            painters.add(canvas -> paint(canvas, kind, continued, rows));
        }
        return new Section(context.text("contents.lessons", sheet.title()), true, painters);
    }

    private Row row(Lesson lesson) {
        ClassJournal journal = context.index().journal();
        String teacher = JournalIndex.shortName(journal.teacherName(lesson.teacher()));
        if (lesson.replacedTeacher() != null) {
            teacher = context.text("lessons.substitute", teacher,
                    JournalIndex.shortName(journal.teacherName(lesson.replacedTeacher())));
        }
        String[] texts = {RenderContext.DAY_MONTH.format(lesson.date()), String.valueOf(lesson.number()),
                lesson.topic(), lesson.homework(), teacher};
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            cells.add(context.measure().wrap(context.regular(), SIZE, texts[i], widths[i] - 2 * PADDING));
        }
        return new Row(cells);
    }

    private void paint(PageCanvas canvas, String kind, boolean continued, List<Row> rows) {
        SheetHeading.paint(canvas, context, sheet.title(),
                sheet.teacher().isBlank() ? null : context.text("sheet.teacher", sheet.teacher()), kind, continued);
        float top = SheetHeading.TABLE_TOP;
        float y = top - HEADER_HEIGHT;
        String[] headers = {context.text("lessons.date"), context.text("lessons.number"), context.text("lessons.topic"),
                context.text("lessons.homework"), context.text("lessons.teacher")};
        float x = PageCanvas.LEFT;
        for (int i = 0; i < headers.length; i++) {
            float size = context.measure().fit(context.bold(), SIZE, headers[i], widths[i] - 2 * PADDING);
            canvas.textCentered(context.bold(), size, x + widths[i] / 2f, top - HEADER_HEIGHT / 2f - 3f, headers[i]);
            x += widths[i];
        }
        canvas.line(PageCanvas.LEFT, y, PageCanvas.RIGHT, y, 0.8f);
        for (Row row : rows) {
            x = PageCanvas.LEFT;
            for (int i = 0; i < row.cells().size(); i++) {
                float baseline = y - PADDING - SIZE + 1f;
                for (String line : row.cells().get(i)) {
                    if (i < 2) {
                        canvas.textCentered(context.regular(), SIZE, x + widths[i] / 2f, baseline, line);
                    } else {
                        canvas.text(context.regular(), SIZE, x + PADDING, baseline, line);
                    }
                    baseline -= LEADING;
                }
                x += widths[i];
            }
            y -= row.height();
            canvas.line(PageCanvas.LEFT, y, PageCanvas.RIGHT, y, 0.35f);
        }
        x = PageCanvas.LEFT;
        for (int i = 0; i < widths.length - 1; i++) {
            x += widths[i];
            canvas.line(x, top, x, y, 0.35f);
        }
        canvas.rect(PageCanvas.LEFT, y, PageCanvas.WIDTH, top - y, 0.8f);
    }

    /** A lesson's row (or the part of it that fits a page): the wrapped lines of each cell. */
    private record Row(List<List<String>> cells) {

        int lines() {
            int lines = 1;
            for (List<String> cell : cells) {
                lines = Math.max(lines, cell.size());
            }
            return lines;
        }

        float height() {
            return lines() * LEADING + 2 * PADDING;
        }

        Row upTo(int count) {
            return new Row(cells.stream().map(c -> c.subList(0, Math.min(count, c.size()))).toList());
        }

        Row from(int count) {
            return new Row(cells.stream().map(c -> c.subList(Math.min(count, c.size()), c.size())).toList());
        }
    }
}
