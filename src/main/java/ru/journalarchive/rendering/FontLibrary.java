package ru.journalarchive.rendering;

import java.io.ByteArrayInputStream;
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
    private final BitSet supported;

    private FontLibrary(byte[] regular, byte[] bold) throws IOException {
        this.regular = regular;
        this.bold = bold;
        this.supported = glyphsOf(regular);
        this.supported.and(glyphsOf(bold));
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
            return new Fonts(PDType0Font.load(document, new ByteArrayInputStream(regular), true),
                    PDType0Font.load(document, new ByteArrayInputStream(bold), true), this);
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
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x00A0) {
                out.append(' ');
            } else if (cp <= 0xFFFF && supported.get(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
        });
        return out.toString();
    }

    private static BitSet glyphsOf(byte[] font) throws IOException {
        BitSet glyphs = new BitSet(0x10000);
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            var cmap = ttf.getUnicodeCmapLookup();
            for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                if ((cp < 0xD800 || cp > 0xDFFF) && cmap.getGlyphId(cp) > 0) {
                    glyphs.set(cp);
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
