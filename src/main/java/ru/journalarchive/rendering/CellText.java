package ru.journalarchive.rendering;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;
import ru.journalarchive.rendering.PageCanvas.Run;

/**
 * Fits the entries of one grid cell (marks with work types, absence codes) into the cell: on one line when
 * they fit, otherwise on two or three smaller lines, whichever keeps the text largest.
 */
final class CellText {

    private static final float SEPARATOR_SIZE = 5f;
    private static final float PADDING = 1.5f;

    private CellText() {
    }

    static void paint(PageCanvas canvas, List<List<Run>> entries, float left, float top, float width, float height,
            PDFont separatorFont) {
        PageCanvas.Measure measure = canvas.measure();
        float tallest = 0f;
        for (List<Run> entry : entries) {
            for (Run run : entry) {
                tallest = Math.max(tallest, run.size());
            }
        }
        List<List<Run>> best = null;
        float bestScale = 0f;
        for (int lineCount = 1; lineCount <= Math.min(3, entries.size()); lineCount++) {
            List<List<Run>> lines = split(entries, lineCount, separatorFont);
            float widest = 0f;
            for (List<Run> line : lines) {
                widest = Math.max(widest, measure.width(line));
            }
            float byWidth = widest == 0f ? 1f : (width - 2 * PADDING) / widest;
            float byHeight = (height - PADDING) / (lineCount * tallest * 1.02f);
            float scale = Math.min(1f, Math.min(byWidth, byHeight));
            if (scale > bestScale + 0.001f) {
                best = lines;
                bestScale = scale;
            }
        }
        float scale = bestScale;
        float lineHeight = tallest * 1.02f * scale;
        float baseline = top - (height - best.size() * lineHeight) / 2f - lineHeight * 0.78f;
        for (List<Run> line : best) {
            List<Run> scaled = line.stream().map(r -> new Run(r.font(), r.size() * scale, r.text())).toList();
            float lineWidth = measure.width(scaled);
            canvas.runs(left + (width - lineWidth) / 2f, baseline, scaled);
            baseline -= lineHeight;
        }
    }

    /** Splits the entries into {@code lineCount} lines of nearly equal numbers of entries, in order. */
    private static List<List<Run>> split(List<List<Run>> entries, int lineCount, PDFont separatorFont) {
        List<List<Run>> lines = new ArrayList<>();
        int perLine = (entries.size() + lineCount - 1) / lineCount;
        for (int start = 0; start < entries.size(); start += perLine) {
            List<Run> line = new ArrayList<>();
            for (int i = start; i < Math.min(entries.size(), start + perLine); i++) {
                if (i > start) {
                    line.add(new Run(separatorFont, SEPARATOR_SIZE, " "));
                }
                line.addAll(entries.get(i));
            }
            lines.add(line);
        }
        return lines;
    }
}
