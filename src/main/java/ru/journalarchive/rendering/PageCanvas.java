package ru.journalarchive.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Drawing primitives for one journal page: text in the embedded fonts, lines and shaded cells, all in
 * DeviceRGB (PDF/A-3, 6.2.4.3: allowed because the output intent is sRGB). Also measures and wraps text.
 */
final class PageCanvas {

    /** A4 landscape, the page format of the whole journal. */
    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float LEFT = 42f;
    static final float RIGHT = PAGE.getWidth() - 28f;
    static final float TOP = PAGE.getHeight() - 30f;
    /** Content ends here; the footer sits below. */
    static final float BOTTOM = 38f;
    static final float WIDTH = RIGHT - LEFT;

    static final float SHADE = 0.85f;

    private final PDPageContentStream stream;
    private final Measure measure;

    PageCanvas(PDPageContentStream stream, Measure measure) {
        this.stream = stream;
        this.measure = measure;
    }

    Measure measure() {
        return measure;
    }

    FontLibrary.Fonts fonts() {
        return measure.fonts();
    }

    /** Draws one line of text with its baseline at (x, y). */
    void text(PDFont font, float size, float x, float y, String text) {
        runs(x, y, List.of(new Run(font, size, text)));
    }

    void textRight(PDFont font, float size, float right, float y, String text) {
        text(font, size, right - measure.width(font, size, text), y, text);
    }

    void textCentered(PDFont font, float size, float centre, float y, String text) {
        text(font, size, centre - measure.width(font, size, text) / 2f, y, text);
    }

    /**
     * Draws runs of text of different fonts and sizes in one text object, so that text extraction reads them
     * as one phrase (e.g. a mark and its work type «5 КР»).
     */
    void runs(float x, float y, List<Run> runs) {
        try {
            stream.beginText();
            stream.newLineAtOffset(x, y);
            for (Run run : runs) {
                String printable = measure.printable(run.text());
                if (!printable.isEmpty()) {
                    stream.setFont(run.font(), run.size());
                    stream.showText(printable);
                }
            }
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(float x1, float y1, float x2, float y2, float width) {
        try {
            stream.setLineWidth(width);
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void dottedLine(float x1, float y, float x2) {
        try {
            stream.setLineDashPattern(new float[] {0.6f, 2.4f}, 0);
            line(x1, y, x2, y, 0.6f);
            stream.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rect(float x, float y, float width, float height, float lineWidth) {
        try {
            stream.setLineWidth(lineWidth);
            stream.addRect(x, y, width, height);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills a rectangle with a grey (in DeviceRGB), then restores black for text. */
    void shade(float x, float y, float width, float height, float grey) {
        try {
            stream.setNonStrokingColor(grey, grey, grey);
            stream.addRect(x, y, width, height);
            stream.fill();
            stream.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run of text in one font and size. */
    record Run(PDFont font, float size, String text) {
    }

    /** Text measurement with the document's fonts; usable before any page exists (for pagination). */
    record Measure(FontLibrary.Fonts fonts) {

        private static final Pattern LINE_BREAK = Pattern.compile("\\R");
        private static final Pattern SPACES = Pattern.compile(" +");

        String printable(String text) {
            return fonts.library().printable(text);
        }

        float width(PDFont font, float size, String text) {
            if (text == null || text.isEmpty()) {
                return 0f;
            }
            return fonts.library().width(font == fonts.bold(), text) / 1000f * size;
        }

        float width(List<Run> runs) {
            float total = 0f;
            for (Run run : runs) {
                total += width(run.font(), run.size(), run.text());
            }
            return total;
        }

        /**
         * Breaks text into lines no wider than {@code maxWidth}: at spaces where possible, inside a word only
         * when the word alone is too wide. Explicit line breaks in the text are kept.
         */
        List<String> wrap(PDFont font, float size, String text, float maxWidth) {
            List<String> lines = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return lines;
            }
            for (String paragraph : LINE_BREAK.split(text.strip())) {
                StringBuilder line = new StringBuilder();
                float lineWidth = 0f;
                float space = width(font, size, " ");
                for (String word : words(printable(paragraph).trim())) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    // Widths add up character by character (no kerning), so the line is measured incrementally.
                    float wordWidth = width(font, size, word);
                    float candidate = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
                    if (candidate <= maxWidth) {
                        if (!line.isEmpty()) {
                            line.append(' ');
                        }
                        line.append(word);
                        lineWidth = candidate;
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                            cut--;
                        }
                        // Prefer breaking a compound word after its hyphen («духовно-|нравственной»).
                        int hyphen = rest.lastIndexOf('-', cut - 1);
                        if (hyphen > 0) {
                            cut = hyphen + 1;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                    lineWidth = width(font, size, rest);
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
            }
            return lines;
        }

        /** The words of a line; «№» stays with the number after it, as a non-breaking space would keep it. */
        private static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            String pending = null;
            for (String word : SPACES.split(line)) {
                if (word.isEmpty()) {
                    continue;
                }
                String joined = pending == null ? word : pending + " " + word;
                if (word.equals("№")) {
                    pending = joined;
                } else {
                    words.add(joined);
                    pending = null;
                }
            }
            if (pending != null) {
                words.add(pending);
            }
            return words;
        }

        /** The largest size not above {@code size} at which the text fits {@code maxWidth}. */
        float fit(PDFont font, float size, String text, float maxWidth) {
            float width = width(font, size, text);
            return width <= maxWidth || width == 0f ? size : size * maxWidth / width;
        }
    }
}
