package ru.journalarchive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * Draws the visible signature stamp (ГОСТ Р 7.0.97 customary form) into a signature widget's appearance stream: a
 * framed box with «Документ подписан электронной подписью», the certificate serial, owner, validity and signing time.
 */
final class SignatureStamp {

    /**
     * Where the stamp sits on the title page (A4 landscape, 841.89 × 595.28 pt): right of the class teacher's and
     * director's lines, above the archive note and its rule (y = 146), below the period line (y = 274).
     */
    static final PDRectangle TITLE_PAGE_POSITION = new PDRectangle(498f, 156f, 290f, 92f);
    /** The stamp's size, and its distance from the right edge and the bottom of a last page (above the footer). */
    private static final float WIDTH = 290f;
    private static final float HEIGHT = 92f;
    private static final float MARGIN_RIGHT = 48f;
    private static final float MARGIN_BOTTOM = 56f;

    private static final String FONT_RESOURCE = "archive-format/fonts/PTS55F.ttf";
    private static final byte[] FONT = loadFont();
    /**
     * The parsed font, one per thread: parsing 420 KB of TrueType per document would dominate the signing time, and
     * a parsed font reads its tables lazily, so it is not shared between threads.
     */
    private static final ThreadLocal<TrueTypeFont> PARSED_FONT = ThreadLocal.withInitial(SignatureStamp::parseFont);
    /** A dark blue, as stamps customarily are; DeviceRGB is allowed because the output intent is sRGB (6.2.4.3). */
    private static final float[] INK = {0.05f, 0.18f, 0.55f};
    private static final float PADDING = 8f;

    private SignatureStamp() {
    }

    /** The page the stamp goes on: the title page (first) or the last page. */
    static int page(PDDocument document, StampPlacement placement) {
        return placement == StampPlacement.TITLE_PAGE ? 0 : document.getNumberOfPages() - 1;
    }

    /**
     * Where on that page: {@link #TITLE_PAGE_POSITION} on a journal's title page; elsewhere the bottom right corner
     * above the footer, whatever the page's size and orientation.
     */
    static PDRectangle position(PDPage page, StampPlacement placement) {
        if (placement == StampPlacement.TITLE_PAGE) {
            return TITLE_PAGE_POSITION;
        }
        PDRectangle box = page.getCropBox();
        return new PDRectangle(box.getUpperRightX() - MARGIN_RIGHT - WIDTH, box.getLowerLeftY() + MARGIN_BOTTOM,
                WIDTH, HEIGHT);
    }

    /** Gives {@code widget} the stamp as its normal appearance at {@link #position} of {@code page}. */
    static void paint(PDDocument document, PDPage page, StampPlacement placement, PDAnnotationWidget widget,
            StampText text) {
        PDRectangle rect = position(page, placement);
        widget.setRectangle(rect);
        // PDF/A-3 6.3.2: the Print flag set, Hidden/Invisible/NoView/ToggleNoView clear.
        widget.setPrinted(true);
        widget.setHidden(false);
        widget.setInvisible(false);
        widget.setNoView(false);
        try {
            // PDF/A-3 6.2.11.4: every font used, also in an annotation's appearance stream, is embedded (a subset).
            PDType0Font font = PDType0Font.load(document, PARSED_FONT.get(), true);
            PDAppearanceStream appearance = new PDAppearanceStream(document);
            appearance.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
            appearance.setResources(new PDResources());
            try (PDPageContentStream stream = new PDPageContentStream(document, appearance)) {
                draw(stream, font, rect.getWidth(), rect.getHeight(), text.lines());
            }
            // PDF/A-3 6.3.3: the appearance dictionary holds only the normal appearance /N.
            PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
            dictionary.setNormalAppearance(appearance);
            widget.setAppearance(dictionary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDPageContentStream stream, PDType0Font font, float width, float height,
            List<String> lines) throws IOException {
        // No transparency anywhere (PDF/A-3 allows it, but printed stamps must look the same everywhere).
        stream.setStrokingColor(INK[0], INK[1], INK[2]);
        stream.setNonStrokingColor(INK[0], INK[1], INK[2]);
        stream.setLineWidth(1.4f);
        stream.addRect(0.7f, 0.7f, width - 1.4f, height - 1.4f);
        stream.stroke();
        stream.setLineWidth(0.5f);
        stream.addRect(3.5f, 3.5f, width - 7f, height - 7f);
        stream.stroke();

        float inner = width - 2 * PADDING;
        float headingSize = fit(font, lines.get(0), 10.5f, inner);
        float y = height - PADDING - headingSize;
        show(stream, font, headingSize, (width - textWidth(font, headingSize, lines.get(0))) / 2f, y, lines.get(0));
        y -= 4f;
        stream.moveTo(PADDING, y);
        stream.lineTo(width - PADDING, y);
        stream.stroke();
        y -= 2f;
        for (String line : lines.subList(1, lines.size())) {
            float size = fit(font, line, 9f, inner);
            y -= 13f;
            show(stream, font, size, PADDING, y, line);
        }
    }

    private static void show(PDPageContentStream stream, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    /** The font size, at most {@code preferred}, at which {@code text} fits into {@code width}. */
    private static float fit(PDType0Font font, String text, float preferred, float width) throws IOException {
        float natural = textWidth(font, preferred, text);
        return natural <= width ? preferred : preferred * width / natural;
    }

    private static float textWidth(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    private static TrueTypeFont parseFont() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(FONT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] loadFont() {
        try (InputStream in = SignatureStamp.class.getClassLoader().getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: " + FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
