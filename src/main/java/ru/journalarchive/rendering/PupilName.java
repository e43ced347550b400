package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;
import ru.journalarchive.snapshot.Snapshot.Period;
import ru.journalarchive.snapshot.Snapshot.Student;

/** A pupil's name cell: the name, with «прибыл 14.10» / «выбыл 20.11» in small print when it happened in the period. */
final class PupilName {

    private static final float NOTE_SIZE = 5.5f;

    private PupilName() {
    }

    static void paint(PageCanvas canvas, RenderContext context, String name, Student pupil, float left, float top,
            float width, float height, float size) {
        List<String> notes = notes(context, pupil);
        PageCanvas.Measure measure = context.measure();
        float notesWidth = 0f;
        for (String note : notes) {
            notesWidth = Math.max(notesWidth, measure.width(context.regular(), NOTE_SIZE, note));
        }
        float nameSize = measure.fit(context.regular(), size, name, width - (notes.isEmpty() ? 0f : notesWidth + 3f));
        canvas.text(context.regular(), nameSize, left, top - height + (height - nameSize) / 2f + 1.2f, name);
        if (notes.size() == 1) {
            canvas.textRight(context.regular(), NOTE_SIZE, left + width, top - height + (height - NOTE_SIZE) / 2f + 1f,
                    notes.get(0));
        } else if (notes.size() == 2) {
            canvas.textRight(context.regular(), NOTE_SIZE, left + width, top - NOTE_SIZE - 0.8f, notes.get(0));
            canvas.textRight(context.regular(), NOTE_SIZE, left + width, top - height + 1.6f, notes.get(1));
        }
    }

    /** The arrival and departure notes for arrivals after the period began and departures before it ended. */
    static List<String> notes(RenderContext context, Student pupil) {
        Period period = context.index().schoolClass().period();
        List<String> notes = new ArrayList<>(2);
        if (pupil.enrolled() != null && (period == null || pupil.enrolled().isAfter(period.start()))) {
            notes.add(context.text("grid.joined", RenderContext.DAY_MONTH.format(pupil.enrolled())));
        }
        if (pupil.left() != null && (period == null || !pupil.left().isAfter(period.end()))) {
            notes.add(context.text("grid.left", RenderContext.DAY_MONTH.format(pupil.left())));
        }
        return notes;
    }
}
