package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;
import ru.journalarchive.rendering.PageCanvas.Run;
import ru.journalarchive.snapshot.Snapshot.Lesson;
import ru.journalarchive.snapshot.Snapshot.Mark;
import ru.journalarchive.snapshot.Snapshot.Student;

/**
 * The left-hand pages of a subject in the paper journal: pupils × lesson dates, each cell holding the marks
 * (with the work type in small print) and absence codes Н/Б/У, and the period's final mark in the last column.
 * Wide subjects continue on further pages with the pupil names repeated; long class lists wrap too. Grade 1
 * keeps absences only, without a final column.
 */
final class MarksGridPages {

    static final int DATE_COLUMNS = 25;

    private static final float NUMBER_WIDTH = 18f;
    private static final float NAME_WIDTH = 152f;
    private static final float FINAL_WIDTH = 44f;
    private static final float HEADER_HEIGHT = 22f;
    private static final float ROW_HEIGHT = 14f;
    private static final float LEGEND_SPACE = 12f;
    static final int ROWS_PER_PAGE = (int) ((SheetHeading.TABLE_TOP - HEADER_HEIGHT - PageCanvas.BOTTOM
            - LEGEND_SPACE) / ROW_HEIGHT);

    private static final float MARK_SIZE = 8.5f;
    private static final float TYPE_SIZE = 5f;

    private final RenderContext context;
    private final JournalIndex.Sheet sheet;
    private final boolean marks;
    private final float dateWidth;

    private MarksGridPages(RenderContext context, JournalIndex.Sheet sheet) {
        this.context = context;
        this.sheet = sheet;
        this.marks = context.index().keepsMarks();
        this.dateWidth = (PageCanvas.WIDTH - NUMBER_WIDTH - NAME_WIDTH - (marks ? FINAL_WIDTH : 0f)) / DATE_COLUMNS;
    }

    static Section section(RenderContext context, JournalIndex.Sheet sheet) {
        return new MarksGridPages(context, sheet).build();
    }

    private Section build() {
        String kind = context.text(marks ? "sheet.marks" : "sheet.attendanceOnly");
        List<Lesson> lessons = sheet.lessons();
        List<Student> pupils = sheet.pupils();
        List<Section.Painter> pages = new ArrayList<>();
        int columnChunks = Math.max(1, (lessons.size() + DATE_COLUMNS - 1) / DATE_COLUMNS);
        int rowChunks = Math.max(1, (pupils.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        for (int c = 0; c < columnChunks; c++) {
            List<Lesson> columns = lessons.subList(c * DATE_COLUMNS, Math.min(lessons.size(), (c + 1) * DATE_COLUMNS));
            boolean last = c == columnChunks - 1;
            for (int r = 0; r < rowChunks; r++) {
                int first = r * ROWS_PER_PAGE;
                List<Student> rows = pupils.subList(first, Math.min(pupils.size(), first + ROWS_PER_PAGE));
                boolean continued = !pages.isEmpty();
                pages.add(canvas -> paint(canvas, kind, continued, columns, rows, first, last && marks));
            }
        }
        String contentsKey = marks ? "contents.marks" : "contents.attendanceOnly";
        return new Section(context.text(contentsKey, sheet.title()), true, pages);
    }

    private void paint(PageCanvas canvas, String kind, boolean continued, List<Lesson> columns, List<Student> rows,
            int firstNumber, boolean finalColumn) {
        SheetHeading.paint(canvas, context, sheet.title(), teacherLine(), kind, continued);
        float top = SheetHeading.TABLE_TOP;
        float datesLeft = PageCanvas.LEFT + NUMBER_WIDTH + NAME_WIDTH;
        float finalLeft = datesLeft + DATE_COLUMNS * dateWidth;
        float right = finalColumn ? finalLeft + FINAL_WIDTH : finalLeft;
        float bottom = top - HEADER_HEIGHT - rows.size() * ROW_HEIGHT;

        // Cells outside a pupil's time in the class are greyed, as a teacher would strike them out on paper.
        for (int r = 0; r < rows.size(); r++) {
            float rowTop = top - HEADER_HEIGHT - r * ROW_HEIGHT;
            for (int c = 0; c < columns.size(); c++) {
                if (JournalIndex.outsideEnrolment(rows.get(r), columns.get(c).date())) {
                    canvas.shade(datesLeft + c * dateWidth, rowTop - ROW_HEIGHT, dateWidth, ROW_HEIGHT,
                            PageCanvas.SHADE);
                }
            }
        }
        gridLines(canvas, top, bottom, datesLeft, finalLeft, right, finalColumn);
        headerTexts(canvas, top, datesLeft, finalLeft, columns, finalColumn);
        for (int r = 0; r < rows.size(); r++) {
            Student pupil = rows.get(r);
            float rowTop = top - HEADER_HEIGHT - r * ROW_HEIGHT;
            float baseline = rowTop - ROW_HEIGHT + 4f;
            canvas.textCentered(context.regular(), 8, PageCanvas.LEFT + NUMBER_WIDTH / 2f, baseline,
                    String.valueOf(firstNumber + r + 1));
            PupilName.paint(canvas, context, JournalIndex.shortName(pupil.fullName()), pupil,
                    PageCanvas.LEFT + NUMBER_WIDTH + 2f, rowTop, NAME_WIDTH - 4f,
                    ROW_HEIGHT, 8f);
            for (int c = 0; c < columns.size(); c++) {
                cell(canvas, datesLeft + c * dateWidth, rowTop, pupil, columns.get(c));
            }
            if (finalColumn) {
                String value = context.index().finalMark(pupil.id(), sheet.subject().id(),
                        context.index().schoolClass().period().id());
                if (value != null) {
                    float size = context.measure().fit(context.bold(), 9.5f, value, FINAL_WIDTH - 4f);
                    canvas.textCentered(context.bold(), size, finalLeft + FINAL_WIDTH / 2f, baseline, value);
                }
            }
        }
        canvas.text(context.regular(), 6.5f, PageCanvas.LEFT, bottom - 9f, context.text(marks ? "grid.legend" : "grid.legendAttendance"));
    }

    private String teacherLine() {
        return sheet.teacher().isBlank() ? null : context.text("sheet.teacher", sheet.teacher());
    }

    private void gridLines(PageCanvas canvas, float top, float bottom, float datesLeft, float finalLeft,
            float right, boolean finalColumn) {
        float left = PageCanvas.LEFT;
        for (float y = top - HEADER_HEIGHT; y > bottom + 0.5f; y -= ROW_HEIGHT) {
            canvas.line(left, y, right, y, y == top - HEADER_HEIGHT ? 0.8f : 0.35f);
        }
        canvas.line(left + NUMBER_WIDTH, top, left + NUMBER_WIDTH, bottom, 0.35f);
        canvas.line(datesLeft, top, datesLeft, bottom, 0.8f);
        for (int c = 1; c < DATE_COLUMNS; c++) {
            canvas.line(datesLeft + c * dateWidth, top, datesLeft + c * dateWidth, bottom, 0.35f);
        }
        if (finalColumn) {
            canvas.line(finalLeft, top, finalLeft, bottom, 0.8f);
        }
        canvas.rect(left, bottom, right - left, top - bottom, 0.8f);
    }

    private void headerTexts(PageCanvas canvas, float top, float datesLeft, float finalLeft, List<Lesson> columns,
            boolean finalColumn) {
        float middle = top - HEADER_HEIGHT / 2f - 3f;
        canvas.textCentered(context.bold(), 8, PageCanvas.LEFT + NUMBER_WIDTH / 2f, middle, context.text("grid.number"));
        canvas.textCentered(context.bold(), 8, PageCanvas.LEFT + NUMBER_WIDTH + NAME_WIDTH / 2f, middle,
                context.text("grid.pupil"));
        for (int c = 0; c < columns.size(); c++) {
            String date = RenderContext.DAY_MONTH.format(columns.get(c).date());
            float size = context.measure().fit(context.bold(), 7f, date, dateWidth - 2f);
            canvas.textCentered(context.bold(), size, datesLeft + c * dateWidth + dateWidth / 2f, middle, date);
        }
        if (finalColumn) {
            List<String> lines = context.measure().wrap(context.bold(), 6.5f,
                    context.index().schoolClass().period().name(), FINAL_WIDTH - 4f);
            float y = top - HEADER_HEIGHT / 2f + (lines.size() - 1) * 3.75f - 2.5f;
            for (String line : lines) {
                canvas.textCentered(context.bold(), 6.5f, finalLeft + FINAL_WIDTH / 2f, y, line);
                y -= 7.5f;
            }
        }
    }

    /** One cell: absence codes first, then each mark with its work type in small print, fitted to the cell. */
    private void cell(PageCanvas canvas, float left, float rowTop, Student pupil, Lesson lesson) {
        List<List<Run>> entries = new ArrayList<>();
        PDFont regular = context.regular();
        PDFont bold = context.bold();
        for (String code : context.index().absences(pupil.id(), lesson.id())) {
            entries.add(List.of(new Run(bold, MARK_SIZE, code)));
        }
        if (marks) {
            for (Mark mark : context.index().marks(pupil.id(), lesson.id())) {
                List<Run> entry = new ArrayList<>();
                entry.add(new Run(bold, MARK_SIZE, mark.value()));
                if (mark.workType() != null && !mark.workType().isBlank()) {
                    entry.add(new Run(regular, TYPE_SIZE, " " + mark.workType().strip()));
                }
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        CellText.paint(canvas, entries, left, rowTop, dateWidth, ROW_HEIGHT, regular);
    }
}
