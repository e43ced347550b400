package ru.journalarchive.rendering;

import java.util.List;

/**
 * The signature lines of a paper copy's print packet (000 §4.3–4.5): each subject teacher's on every sheet of their
 * subject, the class teacher's on the summaries and, as a certification, on the title page, the deputy's and the
 * director's with the seal's place on the last sheet. A line is a blank to sign on, the signer's name as
 * «Фамилия И. О.» (left blank when the journal does not name them) and a blank for the date.
 */
final class SignatureLines {

    private static final float SHEET_SIZE = 9f;

    private SignatureLines() {
    }

    /** «Учитель: ____________ / Фамилия И. О. / дата ________» for a subject's sheets. */
    static String teacherOnSheet(RenderContext context, String teacherFullName) {
        return context.text("packet.sign.teacher", name(teacherFullName));
    }

    /** «Классный руководитель: ____________ / Фамилия И. О. / дата ________» for the summaries. */
    static String classTeacherOnSheet(RenderContext context) {
        return context.text("packet.sign.classTeacherSheet", name(classTeacher(context)));
    }

    /** Draws a sheet's signature line at the right of the heading's second line, clear of the table below it. */
    static void paintOnSheet(PageCanvas canvas, RenderContext context, String line) {
        float size = context.measure().fit(context.regular(), SHEET_SIZE, line, PageCanvas.WIDTH / 2f);
        canvas.textRight(context.regular(), size, PageCanvas.RIGHT, PageCanvas.TOP - 25, line);
    }

    /** The class teacher's certification of the copy on the title page, wrapped to {@code width}. */
    static void paintClassTeacherCertification(PageCanvas canvas, RenderContext context, float left, float y,
            float width) {
        String text = context.text("packet.sign.classTeacherTitle", name(classTeacher(context)));
        float size = context.measure().fit(context.bold(), 11f, text, width);
        canvas.text(context.bold(), size, left, y, text);
    }

    /** A line of the certification sheet at the left margin, wrapped to the page. */
    static float paintParagraph(PageCanvas canvas, RenderContext context, boolean bold, float size, float y,
            String text) {
        List<String> lines = context.measure().wrap(bold ? context.bold() : context.regular(), size, text,
                PageCanvas.WIDTH - 80);
        for (String line : lines) {
            canvas.text(bold ? context.bold() : context.regular(), size, PageCanvas.LEFT + 40, y, line);
            y -= size * 1.45f;
        }
        return y;
    }

    /** The signer's «Фамилия И. О.», or a blank to write it in by hand. */
    static String name(String fullName) {
        String shortName = JournalIndex.shortName(fullName);
        return shortName.isBlank() ? "____________________" : shortName;
    }

    private static String classTeacher(RenderContext context) {
        return context.index().journal().teacherName(context.index().schoolClass().classTeacher());
    }
}
