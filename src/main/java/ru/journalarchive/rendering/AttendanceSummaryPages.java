package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;
import ru.journalarchive.snapshot.Snapshot.Attendance;
import ru.journalarchive.snapshot.Snapshot.Student;

/**
 * «Сводная ведомость посещаемости»: per pupil the lessons missed in the period, in total and by reason
 * (Б ill, У valid reason, Н without), with a total row.
 */
final class AttendanceSummaryPages {

    private static final float[] WIDTHS = {22f, 300f, 110f, 110f, 110f};
    private static final float HEADER_HEIGHT = 30f;
    private static final float ROW_HEIGHT = 15f;
    private static final int ROWS_PER_PAGE = (int) ((SheetHeading.TABLE_TOP - HEADER_HEIGHT - PageCanvas.BOTTOM)
            / ROW_HEIGHT) - 1;

    private final RenderContext context;
    private final float[] widths;

    private AttendanceSummaryPages(RenderContext context) {
        this.context = context;
        float used = 0f;
        for (float w : WIDTHS) {
            used += w;
        }
        widths = new float[] {WIDTHS[0], WIDTHS[1], WIDTHS[2], WIDTHS[3], WIDTHS[4], PageCanvas.WIDTH - used};
    }

    static Section section(RenderContext context) {
        return new AttendanceSummaryPages(context).build();
    }

    private Section build() {
        List<Student> pupils = context.index().pupils();
        List<int[]> counts = new ArrayList<>();
        int[] total = new int[4];
        for (Student pupil : pupils) {
            int[] c = new int[4];
            for (Attendance absence : attendance()) {
                if (pupil.id().equals(absence.student())) {
                    c[0]++;
                    switch (absence.code()) {
                        case "Б" -> c[1]++;
                        case "У" -> c[2]++;
                        case "Н" -> c[3]++;
                        default -> { }
                    }
                }
            }
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
            counts.add(c);
        }
        List<Section.Painter> pages = new ArrayList<>();
        int chunks = Math.max(1, (pupils.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        for (int p = 0; p < chunks; p++) {
            int first = p * ROWS_PER_PAGE;
            int last = Math.min(pupils.size(), first + ROWS_PER_PAGE);
            boolean continued = p > 0;
            boolean withTotal = p == chunks - 1;
            pages.add(canvas -> paint(canvas, continued, first, pupils.subList(first, last),
                    counts.subList(first, last), withTotal ? total : null));
        }
        return new Section(context.text("contents.attendanceSummary"), true, pages);
    }

    private List<Attendance> attendance() {
        List<Attendance> list = context.index().schoolClass().attendance();
        return list == null ? List.of() : list;
    }

    private void paint(PageCanvas canvas, boolean continued, int first, List<Student> pupils, List<int[]> counts,
            int[] total) {
        var period = context.index().schoolClass().period();
        SheetHeading.paint(canvas, context, context.text("attendance.title"),
                period == null ? null : period.name(), "", continued);
        float top = SheetHeading.TABLE_TOP;
        String[] headers = {context.text("grid.number"), context.text("grid.pupil"), context.text("attendance.total"),
                context.text("attendance.ill"), context.text("attendance.valid"), context.text("attendance.invalid")};
        float x = PageCanvas.LEFT;
        for (int i = 0; i < headers.length; i++) {
            List<String> lines = context.measure().wrap(context.bold(), 8, headers[i], widths[i] - 6);
            float y = top - HEADER_HEIGHT / 2f + (lines.size() - 1) * 4.5f - 3f;
            for (String line : lines) {
                canvas.textCentered(context.bold(), 8, x + widths[i] / 2f, y, line);
                y -= 9f;
            }
            x += widths[i];
        }
        float y = top - HEADER_HEIGHT;
        canvas.line(PageCanvas.LEFT, y, PageCanvas.RIGHT, y, 0.8f);
        for (int r = 0; r < pupils.size(); r++) {
            Student pupil = pupils.get(r);
            float baseline = y - ROW_HEIGHT + 4.5f;
            canvas.textCentered(context.regular(), 8.5f, PageCanvas.LEFT + widths[0] / 2f, baseline,
                    String.valueOf(first + r + 1));
            PupilName.paint(canvas, context, pupil.fullName(), pupil, PageCanvas.LEFT + widths[0] + 3f, y,
                    widths[1] - 6f, ROW_HEIGHT, 8.5f);
            numbers(canvas, baseline, counts.get(r), context.regular());
            y -= ROW_HEIGHT;
            canvas.line(PageCanvas.LEFT, y, PageCanvas.RIGHT, y, 0.35f);
        }
        if (total != null) {
            canvas.text(context.bold(), 8.5f, PageCanvas.LEFT + widths[0] + 3f, y - ROW_HEIGHT + 4.5f,
                    context.text("attendance.sum"));
            numbers(canvas, y - ROW_HEIGHT + 4.5f, total, context.bold());
            y -= ROW_HEIGHT;
        }
        x = PageCanvas.LEFT;
        for (int i = 0; i < widths.length - 1; i++) {
            x += widths[i];
            canvas.line(x, top, x, y, 0.35f);
        }
        canvas.rect(PageCanvas.LEFT, y, PageCanvas.WIDTH, top - y, 0.8f);
    }

    private void numbers(PageCanvas canvas, float baseline, int[] values,
            org.apache.pdfbox.pdmodel.font.PDFont font) {
        float x = PageCanvas.LEFT + widths[0] + widths[1];
        for (int i = 0; i < values.length; i++) {
            canvas.textCentered(font, 8.5f, x + widths[i + 2] / 2f, baseline, String.valueOf(values[i]));
            x += widths[i + 2];
        }
    }
}
