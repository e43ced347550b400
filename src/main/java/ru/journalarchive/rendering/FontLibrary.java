package ru.journalarchive.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts shipped with the project (PT Sans regular and bold, {@code archive-format/fonts/}), read once from
 * the classpath and shared by all threads as immutable bytes; each document gets its own font objects.
 */
final class FontLibrary {

    static final String REGULAR = "archive-format/fonts/PTS55F.ttf";
    static final String BOLD = "archive-format/fonts/PTS75F.ttf";

    private static final char REPLACEMENT = '?';

    private final byte[] regular;
    private final byte[] bold;
    /** The BMP code points both faces have a glyph for. */
    private final BitSet supported = new BitSet(0x10000);
    /** Advance widths in 1/1000 em by BMP code point, for fast layout measurements. */
    private final float[] regularWidths = new float[0x10000];
    private final float[] boldWidths = new float[0x10000];

    private FontLibrary(byte[] regular, byte[] bold) throws IOException {
        this.regular = regular;
        this.bold = bold;
        BitSet inRegular = metricsOf(regular, regularWidths);
        BitSet inBold = metricsOf(bold, boldWidths);
        supported.or(inRegular);
        supported.and(inBold);
    }

    /** The library, loaded on first use. */
    static FontLibrary shared() {
        return Holder.INSTANCE;
    }

    /**
     * Fresh font objects for one document, embedded as subsets. PDF/A-3 (ISO 19005-3, 6.2.11.4.1): every
     * font used for rendering shall be embedded; subsetting is allowed and keeps the file small.
     */
    Fonts loadInto(PDDocument document) {
        try {
            return new Fonts(load(document, regular), load(document, bold), this);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the embedded journal fonts", e);
        }
    }

    /**
     * The text as it can be drawn: line breaks, tabs and other control characters become spaces, and a
     * character the fonts have no glyph for becomes «?». PDF/A-3 (6.2.11.8) forbids references to the .notdef
     * glyph, so nothing unknown may reach a content stream.
     */
    String printable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char printable = printable(c);
            if (printable != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                // A surrogate pair (outside the BMP) becomes one replacement character.
                if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))) {
                    out.append(printable);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private char printable(char c) {
        if (c == ' ') {
            return c;
        }
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
            return ' ';
        }
        return supported.get(c) && !Character.isSurrogate(c) ? c : REPLACEMENT;
    }

    /** The advance width of the text in 1/1000 em, as {@link #printable(String)} would draw it. */
    float width(boolean boldFace, String text) {
        float[] widths = boldFace ? boldWidths : regularWidths;
        float total = 0f;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
                continue;
            }
            total += widths[printable(c)];
        }
        return total;
    }

    /**
     * A font object for one document. GSUB processing is switched off: it only forms Latin ligatures, which
     * Russian text does not need, and PDFBox's implementation of it costs half the rendering time.
     */
    private static PDType0Font load(PDDocument document, byte[] font) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        ttf.setEnableGsub(false);
        document.registerTrueTypeFontForClosing(ttf);
        return PDType0Font.load(document, ttf, true);
    }

    /** Which BMP code points the font has a glyph for, filling in their advance widths. */
    private static BitSet metricsOf(byte[] font, float[] widths) throws IOException {
        BitSet glyphs = new BitSet(0x10000);
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            var cmap = ttf.getUnicodeCmapLookup();
            float scale = 1000f / ttf.getUnitsPerEm();
            for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                int gid = (cp < 0xD800 || cp > 0xDFFF) ? cmap.getGlyphId(cp) : 0;
                if (gid > 0) {
                    glyphs.set(cp);
                    widths[cp] = ttf.getAdvanceWidth(gid) * scale;
                }
            }
        }
        return glyphs;
    }

    private static byte[] read(String resource) {
        try (InputStream in = FontLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }

    /** Lazy, thread-safe initialisation (class-holder idiom). */
    private static final class Holder {
        static final FontLibrary INSTANCE;

        static {
            try {
                INSTANCE = new FontLibrary(read(REGULAR), read(BOLD));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot parse the journal fonts", e);
            }
        }
    }

    /** The two faces of one document. */
    record Fonts(PDType0Font regular, PDType0Font bold, FontLibrary library) {
    }
}
