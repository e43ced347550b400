package ru.journalarchive.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.PageMode;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot.SchoolClass;

/**
 * Renders one frozen class journal as a PDF/A-3B document laid out like the paper class journal, with the
 * frozen JSON embedded. Deterministic (same inputs, same bytes) and safe to call from several threads.
 */
@Component
public class ClassJournalRenderer {

    private final Messages messages;
    private final FontLibrary fonts;

    /** A renderer whose texts come from {@code messageSource} (basename {@code i18n/rendering}). */
    public ClassJournalRenderer(MessageSource messageSource) {
        this.messages = new Messages(Objects.requireNonNull(messageSource, "messageSource"));
        this.fonts = FontLibrary.shared();
    }

    /** A renderer reading its texts straight from the {@code i18n/rendering} bundle, for use without Spring. */
    public static ClassJournalRenderer withDefaults() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/rendering", "i18n/rendering-corrections");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new ClassJournalRenderer(source);
    }

    /**
     * Renders the journal.
     *
     * @param journal       the frozen class journal
     * @param canonicalJson the journal's canonical JSON (UTF-8), embedded as the PDF's source file
     * @param frozenAt      when the journal was frozen: the document's creation date
     * @return the PDF/A-3B bytes and the page count
     */
    public RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt) {
        return render(journal, canonicalJson, frozenAt, null);
    }

    /**
     * Renders a corrected version of the journal: as {@link #render(ClassJournal, byte[], Instant)}, with the
     * correction's note on the title page and the correction's own page right after it.
     *
     * @param correction the correction this version carries, or null for a journal as closed
     */
    public RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt,
            CorrectionNote correction) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        Objects.requireNonNull(frozenAt, "frozenAt");
        byte[] sha256 = sha256(canonicalJson);
        String hashPrefix = HexFormat.of().formatHex(sha256).substring(0, 16);
        String attachmentName = attachmentName(journal);
        try (PDDocument document = new PDDocument()) {
            RenderContext context = new RenderContext(new JournalIndex(journal), messages,
                    new PageCanvas.Measure(fonts.loadInto(document)));
            List<Section> sections = layout(context, frozenAt, hashPrefix, attachmentName, correction);
            int total = sections.stream().mapToInt(s -> s.pages().size()).sum();
            Footer footer = new Footer(context, total);
            PDDocumentOutline outline = new PDDocumentOutline();
            int number = 0;
            for (Section section : sections) {
                PDPage first = null;
                for (Section.Painter painter : section.pages()) {
                    number++;
                    PDPage page = new PDPage(PageCanvas.PAGE);
                    document.addPage(page);
                    first = first == null ? page : first;
                    try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                        PageCanvas canvas = new PageCanvas(stream, context.measure());
                        painter.paint(canvas);
                        footer.paint(canvas, number);
                    }
                }
                outline.addLast(bookmark(section.title(), first));
            }
            document.getDocumentCatalog().setDocumentOutline(outline);
            document.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);

            SchoolClass schoolClass = journal.schoolClass();
            String author = journal.school().shortName() != null ? journal.school().shortName() : journal.school().name();
            String title = messages.get("meta.title", schoolClass.name(), schoolClass.period().name(),
                    journal.academicYear(), author);
            PdfaConformance.apply(document,
                    new PdfaConformance.Description(title, author, frozenAt, PdfaConformance.fileId(sha256)),
                    new PdfaConformance.Attachment(attachmentName, messages.get("meta.attachmentDescription"),
                            canonicalJson));
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            document.save(out);
            return new RenderedDocument(out.toByteArray(), total);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the class journal", e);
        }
    }

    /** {@code <schoolId>_<academicYear with / as ->_<classId>_<periodId>.json}, e.g. {@code sosh-24_2024-2025_5a_Q1.json}. */
    static String attachmentName(ClassJournal journal) {
        SchoolClass schoolClass = journal.schoolClass();
        return journal.school().id() + "_" + journal.academicYear().replace('/', '-') + "_" + schoolClass.id() + "_"
                + schoolClass.period().id() + ".json";
    }

    /** The journal in reading order: title, contents, subject sheets, attendance summary, final marks. */
    private static List<Section> layout(RenderContext context, Instant frozenAt, String hashPrefix,
            String attachmentName, CorrectionNote correction) {
        List<Section> body = new ArrayList<>();
        for (JournalIndex.Sheet sheet : context.index().sheets()) {
            body.add(MarksGridPages.section(context, sheet));
            body.add(LessonPages.section(context, sheet));
        }
        body.add(AttendanceSummaryPages.section(context));
        if (context.index().keepsMarks()) {
            body.add(FinalMarksPages.section(context));
        }
        Section title = TitlePage.section(context, frozenAt, hashPrefix, attachmentName, correction);
        List<Section> listed = new ArrayList<>();
        if (correction != null) {
            listed.add(CorrectionPages.section(context, correction));
        }
        listed.addAll(body);
        int contentsPages = ContentsPages.pageCount(listed.size());
        List<ContentsPages.Entry> entries = new ArrayList<>();
        int next = title.pages().size() + contentsPages + 1;
        for (Section section : listed) {
            entries.add(new ContentsPages.Entry(section.title(), next, next + section.pages().size() - 1));
            next += section.pages().size();
        }
        List<Section> all = new ArrayList<>();
        all.add(title);
        all.add(ContentsPages.section(context, entries));
        all.addAll(listed);
        return all;
    }

    private static PDOutlineItem bookmark(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        item.setDestination(destination);
        return item;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
