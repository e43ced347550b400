package ru.journalarchive.rendering;

/**
 * A rendered PDF/A-3B class journal: its bytes and how many pages («листы») it has.
 *
 * @param pdf       the complete PDF file
 * @param pageCount the number of pages, as printed in every footer («Лист N из M»)
 */
public record RenderedDocument(byte[] pdf, int pageCount) {

    /** Keeps the record from exposing a mutable array it does not own. */
    public RenderedDocument {
        pdf = pdf.clone();
    }

    /** A copy of the PDF bytes. */
    @Override
    public byte[] pdf() {
        return pdf.clone();
    }
}
