package ru.journalarchive.rendering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.snapshot.ClassJournal;

/**
 * Renders the print packet of a frozen class journal: exactly the pages of the archival rendition
 * ({@link ClassJournalRenderer}) with the signature lines of the paper copy (each subject teacher on every sheet of
 * their subject, the class teacher's certification on the title page, the deputy's and the director's with «М.П.»
 * and the sheet count on a last certification sheet). PDF/A-3B, the frozen JSON embedded, deterministic.
 */
@Component
public class PrintPacketRenderer {

    private final ClassJournalRenderer renderer;

    /** A packet renderer whose texts come from {@code messageSource} (basenames {@code i18n/rendering*}). */
    public PrintPacketRenderer(MessageSource messageSource) {
        this.renderer = new ClassJournalRenderer(Objects.requireNonNull(messageSource, "messageSource"));
    }

    /** A packet renderer reading its texts straight from the rendering bundles, for use without Spring. */
    public static PrintPacketRenderer withDefaults() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/rendering", "i18n/rendering-papercopies", "i18n/college");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new PrintPacketRenderer(source);
    }

    /**
     * Renders the packet.
     *
     * @param journal       the frozen class journal
     * @param canonicalJson its canonical JSON, embedded as the source file
     * @param frozenAt      when it was frozen (the archival rendition's creation date; the packet has the same)
     * @return the PDF/A-3B bytes and the sheet count (the archival rendition's plus the certification sheet)
     */
    public RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt) {
        return render(journal, canonicalJson, frozenAt, List.of());
    }

    /**
     * Renders the packet with notes on its title page, as the archival rendition has them (e.g. a deputy's override
     * of an incomplete close): the paper copy never looks more complete than the archived journal.
     */
    public RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt,
            List<String> titleNotes) {
        return renderer.render(journal, canonicalJson, frozenAt, ClassJournalRenderer.Rendition.PRINT_PACKET,
                titleNotes);
    }

    /**
     * Who signs a subject's sheets of the packet: one signer per subject and teacher, in the journal's order. A
     * subject taught to groups by different teachers has one signer per teacher; substitutes never sign.
     */
    public static List<SubjectSigner> subjectSigners(ClassJournal journal) {
        Map<String, SubjectSigner> signers = new LinkedHashMap<>();
        for (JournalIndex.Sheet sheet : new JournalIndex(journal).sheets()) {
            String teacherId = sheet.teacherId() == null ? "" : sheet.teacherId();
            signers.putIfAbsent(sheet.subject().id() + "\u0000" + teacherId, new SubjectSigner(sheet.subject().id(),
                    sheet.subject().name(), teacherId, sheet.teacher()));
        }
        return new ArrayList<>(signers.values());
    }

    /**
     * One subject teacher's signature in a packet.
     *
     * @param teacherId   the teacher's id in the journal, empty if the sheets name no teacher
     * @param teacherName the teacher's full name, as the sheets' signature line shortens it
     */
    public record SubjectSigner(String subjectId, String subjectName, String teacherId, String teacherName) {
    }
}
