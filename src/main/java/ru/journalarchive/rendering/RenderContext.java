package ru.journalarchive.rendering;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * What every part of the layout needs while rendering one journal: the indexed journal, the texts and the
 * document's fonts for measuring.
 */
record RenderContext(JournalIndex index, Messages messages, PageCanvas.Measure measure) {

    /** Day and month of a lesson, as on the paper journal's date row. */
    static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd.MM", Locale.ROOT);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

    /** The text for {@code key}, in a college's wording when the journal is a college's. */
    String text(String key, String... args) {
        return messages.get(index.journal().school().isCollege(), key, args);
    }

    PDFont regular() {
        return measure.fonts().regular();
    }

    PDFont bold() {
        return measure.fonts().bold();
    }
}
