package ru.journalarchive.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        source.setBasenames("i18n/rendering", "i18n/rendering-corrections", "i18n/supplements", "i18n/college");
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
        return render(journal, canonicalJson, frozenAt, Rendition.ARCHIVAL, null, null, List.of());
    }

    /**
     * Renders a corrected version of the journal: as {@link #render(ClassJournal, byte[], Instant)}, with the
     * correction's note on the title page and the correction's own sheet right after the contents.
     *
     * @param correction the correction this version carries, or null for a journal as closed
     */
    public RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt,
            CorrectionNote correction) {
        return render(journal, canonicalJson, frozenAt, Rendition.ARCHIVAL, correction, null, List.of());
    }

    /**
     * Renders a supplemented version of the journal: as {@link #render(ClassJournal, byte[], Instant)}, with the
     * supplement's own sheet right after the contents («Дополнение № N …», the marks added after the close).
     *
     * @param supplement the supplement this version carries, or null for a journal as closed
     */
    public RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt,
            SupplementNote supplement) {
        return render(journal, canonicalJson, frozenAt, Rendition.ARCHIVAL, null, supplement, List.of());
    }

    /**
     * Renders the journal with notes on its title page below the archive note, given by the caller as the school's
     * regulation says (e.g. «Электронный оригинал. Бумажная копия не ведётся (…)», 001 §1.10).
     *
     * @param correction the correction this version carries, or null
     * @param supplement the supplement this version carries, or null
     * @param titleNotes lines for the title page, in order; empty: none
     */
    public RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt,
            CorrectionNote correction, SupplementNote supplement, List<String> titleNotes) {
        return render(journal, canonicalJson, frozenAt, Rendition.ARCHIVAL, correction, supplement, titleNotes);
    }

    /** Which rendition of the journal: the archival one, or the paper copy's print packet with signature lines. */
    enum Rendition { ARCHIVAL, PRINT_PACKET }

    /** Renders the journal as the given rendition; both have the same pages, the packet adds lines and one sheet. */
    RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt, Rendition rendition) {
        return render(journal, canonicalJson, frozenAt, rendition, null, null, List.of());
    }

    /** Renders the journal as the given rendition with notes on its title page. */
    RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt, Rendition rendition,
            List<String> titleNotes) {
        return render(journal, canonicalJson, frozenAt, rendition, null, null, titleNotes);
    }

    private RenderedDocument render(ClassJournal journal, byte[] canonicalJson, Instant frozenAt, Rendition rendition,
            CorrectionNote correction, SupplementNote supplement, List<String> titleNotes) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        Objects.requireNonNull(frozenAt, "frozenAt");
        boolean packet = rendition == Rendition.PRINT_PACKET;
        byte[] sha256 = sha256(canonicalJson);
        String hashPrefix = HexFormat.of().formatHex(sha256).substring(0, 16);
        String attachmentName = attachmentName(journal);
        try (PDDocument document = new PDDocument()) {
            RenderContext context = new RenderContext(new JournalIndex(journal), messages,
                    new PageCanvas.Measure(fonts.loadInto(document)));
            List<Part> parts = layout(context, frozenAt, hashPrefix, attachmentName, packet, correction,
                    supplement, List.copyOf(titleNotes));
            int total = parts.stream().mapToInt(p -> p.section().pages().size()).sum();
            Footer footer = new Footer(context, total);
            PDDocumentOutline outline = new PDDocumentOutline();
            int number = 0;
            for (Part part : parts) {
                Section section = part.section();
                PDPage first = null;
                for (Section.Painter painter : section.pages()) {
                    number++;
                    PDPage page = new PDPage(PageCanvas.PAGE);
                    document.addPage(page);
                    first = first == null ? page : first;
                    try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                        PageCanvas canvas = new PageCanvas(stream, context.measure());
                        painter.paint(canvas);
                        if (part.signatureLine() != null) {
                            SignatureLines.paintOnSheet(canvas, context, part.signatureLine());
                        }
                        footer.paint(canvas, number);
                    }
                }
                outline.addLast(bookmark(section.title(), first));
            }
            document.getDocumentCatalog().setDocumentOutline(outline);
            document.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);

            SchoolClass schoolClass = journal.schoolClass();
            String author = journal.school().shortName() != null ? journal.school().shortName() : journal.school().name();
            String title = messages.get(journal.school().isCollege(), "meta.title", schoolClass.name(),
                    schoolClass.period().name(), journal.academicYear(), author, String.valueOf(schoolClass.grade()));
            // The packet is another document than the archival rendition: another title and file identifier.
            byte[] fileId = PdfaConformance.fileId(packet ? sha256(concat(sha256, PACKET_ID_SALT)) : sha256);
            PdfaConformance.apply(document,
                    new PdfaConformance.Description(packet ? messages.get("packet.meta.title", title) : title, author,
                            frozenAt, fileId),
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

    /**
     * The journal in reading order: title, contents, subject sheets, attendance summary, final marks; for the print
     * packet each subject's sheets carry their teacher's signature line, the summaries the class teacher's, the title
     * page the class teacher's certification, and a last sheet the deputy's, the director's and the sheet count.
     */
    private static List<Part> layout(RenderContext context, Instant frozenAt, String hashPrefix,
            String attachmentName, boolean packet, CorrectionNote correction, SupplementNote supplement,
            List<String> titleNotes) {
        List<Part> body = new ArrayList<>();
        if (correction != null) {
            // A corrected version says what was corrected, on whose authority, before any of its sheets.
            body.add(new Part(CorrectionPages.section(context, correction), null));
        }
        if (supplement != null) {
            // A supplemented version lists the marks added after the close, who entered them and when.
            body.add(new Part(SupplementPages.section(context, supplement), null));
        }
        String classTeacher = packet ? SignatureLines.classTeacherOnSheet(context) : null;
        for (JournalIndex.Sheet sheet : context.index().sheets()) {
            // Substitutes do not sign: the sheet's teacher is the one who gives its lessons as a rule.
            String teacher = packet ? SignatureLines.teacherOnSheet(context, sheet.teacher()) : null;
            body.add(new Part(MarksGridPages.section(context, sheet), teacher));
            body.add(new Part(LessonPages.section(context, sheet), teacher));
        }
        body.add(new Part(AttendanceSummaryPages.section(context), classTeacher));
        if (context.index().keepsMarks()) {
            body.add(new Part(FinalMarksPages.section(context), classTeacher));
        }
        Section title = TitlePage.section(context, frozenAt, hashPrefix, attachmentName, packet, correction,
                titleNotes);
        int listed = body.size() + (packet ? 1 : 0);
        int contentsPages = ContentsPages.pageCount(listed);
        List<ContentsPages.Entry> entries = new ArrayList<>();
        int next = title.pages().size() + contentsPages + 1;
        for (Part part : body) {
            Section section = part.section();
            entries.add(new ContentsPages.Entry(section.title(), next, next + section.pages().size() - 1));
            next += section.pages().size();
        }
        if (packet) {
            // The certification sheet is the packet's last: its number is the packet's sheet count.
            Section certification = CertificationPage.section(context, next);
            entries.add(new ContentsPages.Entry(certification.title(), next, next));
            body.add(new Part(certification, null));
        }
        List<Part> all = new ArrayList<>();
        all.add(new Part(title, null));
        all.add(new Part(ContentsPages.section(context, entries), null));
        all.addAll(body);
        return all;
    }

    /** A section and the signature line on each of its sheets (null: none). */
    private record Part(Section section, String signatureLine) {
    }

    private static final byte[] PACKET_ID_SALT = "print-packet".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
