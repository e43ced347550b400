package ru.journalarchive.rendering;

import java.util.Arrays;

/**
 * A rendered PDF/A-3B class journal: its bytes and how many pages («листы») it has.
 *
 * @param pdf       the complete PDF file
 * @param pageCount the number of pages, as printed in every footer («Лист N из M»)
 */
public record RenderedDocument(byte[] pdf, int pageCount) {

    /** Keeps the record from sharing a mutable array with its caller. */
    public RenderedDocument {
        pdf = pdf.clone();
    }

    /** A copy of the PDF bytes. */
    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    /** Equal when the bytes are equal: two renderings of the same journal are the same document. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedDocument that && pageCount == that.pageCount && Arrays.equals(pdf, that.pdf);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pdf) + pageCount;
    }

    @Override
    public String toString() {
        return "RenderedDocument[" + pdf.length + " bytes, " + pageCount + " pages]";
    }
}
