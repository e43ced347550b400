package ru.journalarchive.rendering;

import ru.journalarchive.snapshot.ClassJournal;

/** The footer of every page: school, class and period on the left, «Лист N из M» on the right. */
final class Footer {

    private static final float BASELINE = 18f;

    private final RenderContext context;
    private final int total;
    private final String caption;

    Footer(RenderContext context, int total) {
        this.context = context;
        this.total = total;
        ClassJournal journal = context.index().journal();
        String school = journal.school().shortName() != null ? journal.school().shortName() : journal.school().name();
        this.caption = context.text("footer.caption", school, journal.schoolClass().name(),
                journal.schoolClass().period().name(), journal.academicYear(),
                String.valueOf(journal.schoolClass().grade()));
    }

    void paint(PageCanvas canvas, int number) {
        canvas.line(PageCanvas.LEFT, BASELINE + 11f, PageCanvas.RIGHT, BASELINE + 11f, 0.4f);
        canvas.text(context.regular(), 8, PageCanvas.LEFT, BASELINE, caption);
        canvas.textRight(context.bold(), 9, PageCanvas.RIGHT, BASELINE,
                context.text("footer.sheet", String.valueOf(number), String.valueOf(total)));
    }
}
