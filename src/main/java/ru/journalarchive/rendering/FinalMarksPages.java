package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;
import ru.journalarchive.snapshot.Snapshot.Student;
import ru.journalarchive.snapshot.Snapshot.Subject;

/**
 * «Итоговые отметки за <период>»: pupils × subjects with each pupil's final mark for the period, and the year,
 * exam and final marks (Y, E, F) as extra columns of a subject when the journal has them. Subjects that do not
 * fit the page width continue on further pages; long class lists wrap too. Not rendered for grade 1.
 */
final class FinalMarksPages {

    private static final float NUMBER_WIDTH = 22f;
    private static final float NAME_WIDTH = 180f;
    private static final float COLUMN_WIDTH = 30f;
    private static final float MIN_BLOCK_WIDTH = 46f;
    private static final float MAX_STRETCH = 1.6f;
    private static final float SUBJECT_HEADER = 44f;
    private static final float KIND_HEADER = 12f;
    private static final float ROW_HEIGHT = 15f;

    private final RenderContext context;
    private final String periodId;
    private final boolean kindRow;
    private final List<Block> blocks = new ArrayList<>();

    private FinalMarksPages(RenderContext context) {
        this.context = context;
        this.periodId = context.index().schoolClass().period().id();
        boolean anyYearKind = false;
        for (Subject subject : context.index().subjectsWithResults()) {
            List<String> kinds = new ArrayList<>();
            kinds.add(periodId);
            kinds.addAll(context.index().yearKinds(subject.id()));
            anyYearKind |= kinds.size() > 1;
            blocks.add(new Block(subject, kinds, Math.max(MIN_BLOCK_WIDTH, kinds.size() * COLUMN_WIDTH)));
        }
        this.kindRow = anyYearKind;
    }

    static Section section(RenderContext context) {
        return new FinalMarksPages(context).build();
    }

    private Section build() {
        List<List<Block>> columnPages = new ArrayList<>();
        List<Block> current = new ArrayList<>();
        float available = PageCanvas.WIDTH - NUMBER_WIDTH - NAME_WIDTH;
        float used = 0f;
        for (Block block : blocks) {
            if (used + block.width() > available && !current.isEmpty()) {
                columnPages.add(current);
                current = new ArrayList<>();
                used = 0f;
            }
            current.add(block);
            used += block.width();
        }
        columnPages.add(current);
        // Blocks share out the width left over on their page, up to a limit, so the table fills the sheet.
        for (List<Block> page : columnPages) {
            float width = 0f;
            for (Block b : page) {
                width += b.width();
            }
            float stretch = Math.min(MAX_STRETCH, available / width);
            page.replaceAll(b -> new Block(b.subject(), b.kinds(), b.width() * stretch));
        }
        float headerHeight = SUBJECT_HEADER + (kindRow ? KIND_HEADER : 0f);
        int rowsPerPage = (int) ((SheetHeading.TABLE_TOP - headerHeight - PageCanvas.BOTTOM) / ROW_HEIGHT);
        List<Student> pupils = context.index().pupils();
        int rowChunks = Math.max(1, (pupils.size() + rowsPerPage - 1) / rowsPerPage);
        String title = context.text("finals.title", context.index().schoolClass().period().name());
        List<Section.Painter> pages = new ArrayList<>();
        for (List<Block> columns : columnPages) {
            for (int r = 0; r < rowChunks; r++) {
                int first = r * rowsPerPage;
                List<Student> rows = pupils.subList(first, Math.min(pupils.size(), first + rowsPerPage));
                boolean continued = !pages.isEmpty();
                pages.add(canvas -> paint(canvas, title, continued, columns, rows, first, headerHeight));
            }
        }
        return new Section(title, true, pages);
    }

    private void paint(PageCanvas canvas, String title, boolean continued, List<Block> columns, List<Student> rows,
            int first, float headerHeight) {
        SheetHeading.paint(canvas, context, title, context.text("title.academicYear",
                context.index().journal().academicYear()), "", continued);
        float top = SheetHeading.TABLE_TOP;
        float left = PageCanvas.LEFT;
        float blocksLeft = left + NUMBER_WIDTH + NAME_WIDTH;
        float right = blocksLeft;
        for (Block block : columns) {
            right += block.width();
        }
        float bottom = top - headerHeight - rows.size() * ROW_HEIGHT;

        canvas.textCentered(context.bold(), 8, left + NUMBER_WIDTH / 2f, top - headerHeight / 2f - 3f,
                context.text("grid.number"));
        canvas.textCentered(context.bold(), 8, left + NUMBER_WIDTH + NAME_WIDTH / 2f, top - headerHeight / 2f - 3f,
                context.text("grid.pupil"));
        float x = blocksLeft;
        for (Block block : columns) {
            subjectHeader(canvas, block, x, top);
            if (kindRow) {
                float kindTop = top - SUBJECT_HEADER;
                canvas.line(x, kindTop, x + block.width(), kindTop, 0.35f);
                float columnWidth = block.width() / block.kinds().size();
                for (int k = 0; k < block.kinds().size(); k++) {
                    String label = kindLabel(block.kinds().get(k));
                    float size = context.measure().fit(context.regular(), 6.5f, label, columnWidth - 2f);
                    canvas.textCentered(context.regular(), size, x + k * columnWidth + columnWidth / 2f,
                            kindTop - KIND_HEADER + 3.5f, label);
                    if (k > 0) {
                        canvas.line(x + k * columnWidth, kindTop, x + k * columnWidth, bottom, 0.35f);
                    }
                }
            }
            canvas.line(x, top, x, bottom, 0.6f);
            x += block.width();
        }
        canvas.line(left + NUMBER_WIDTH, top, left + NUMBER_WIDTH, bottom, 0.35f);

        float y = top - headerHeight;
        canvas.line(left, y, right, y, 0.8f);
        for (int r = 0; r < rows.size(); r++) {
            Student pupil = rows.get(r);
            float baseline = y - ROW_HEIGHT + 4.5f;
            canvas.textCentered(context.regular(), 8.5f, left + NUMBER_WIDTH / 2f, baseline, String.valueOf(first + r + 1));
            PupilName.paint(canvas, context, pupil.fullName(), pupil, left + NUMBER_WIDTH + 3f, y, NAME_WIDTH - 6f,
                    ROW_HEIGHT, 8.5f);
            x = blocksLeft;
            for (Block block : columns) {
                float columnWidth = block.width() / block.kinds().size();
                for (int k = 0; k < block.kinds().size(); k++) {
                    String value = context.index().finalMark(pupil.id(), block.subject().id(), block.kinds().get(k));
                    if (value != null) {
                        float size = context.measure().fit(context.bold(), 9f, value, columnWidth - 3f);
                        canvas.textCentered(context.bold(), size, x + k * columnWidth + columnWidth / 2f, baseline, value);
                    }
                }
                x += block.width();
            }
            y -= ROW_HEIGHT;
            canvas.line(left, y, right, y, 0.35f);
        }
        canvas.rect(left, bottom, right - left, top - bottom, 0.8f);
    }

    private void subjectHeader(PageCanvas canvas, Block block, float x, float top) {
        float width = block.width() - 4f;
        float size = 7f;
        for (String word : block.subject().name().split("\\s+|(?<=-)")) {
            size = Math.min(size, context.measure().fit(context.bold(), 7f, word, width));
        }
        List<String> lines = context.measure().wrap(context.bold(), size, block.subject().name(), width);
        while (lines.size() > 5 && size > 4.5f) {
            size -= 0.5f;
            lines = context.measure().wrap(context.bold(), size, block.subject().name(), width);
        }
        float leading = size * 1.15f;
        float y = top - SUBJECT_HEADER / 2f + (lines.size() - 1) * leading / 2f - size / 2.8f;
        for (String line : lines) {
            canvas.textCentered(context.bold(), size, x + block.width() / 2f, y, line);
            y -= leading;
        }
    }

    private String kindLabel(String kind) {
        if (kind.equals(periodId)) {
            return context.index().schoolClass().period().name();
        }
        return context.text("finals.period." + kind);
    }

    /** One subject's columns: the period's final mark and any of Y, E, F. */
    private record Block(Subject subject, List<String> kinds, float width) {
    }
}
