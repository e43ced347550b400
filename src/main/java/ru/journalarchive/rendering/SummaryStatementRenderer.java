package ru.journalarchive.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.SummaryStatement;
import ru.journalarchive.snapshot.Snapshot;

/**
 * Renders a class's summary statement of final marks as a PDF/A-3B document: landscape sheets of pupils × subjects
 * with a column per period and the year, exam and final marks, arrivals and departures by the names, a legend, the
 * sources, and the statement's canonical JSON embedded (AFRelationship Source). Deterministic: the same statement
 * and moment give the same bytes.
 */
@Component
public class SummaryStatementRenderer {

    private static final float NUMBER_WIDTH = 20f;
    private static final float NAME_WIDTH = 170f;
    private static final float KIND_WIDTH = 19f;
    private static final float BLOCK_GAP = 0f;
    private static final float SUBJECT_HEADER = 40f;
    private static final float KIND_HEADER = 12f;
    private static final float ROW_HEIGHT = 14f;
    private static final float TABLE_TOP = PageCanvas.TOP - 44f;
    private static final float LEGEND_HEIGHT = 90f;

    private final Messages messages;
    private final FontLibrary fonts;

    /** A renderer whose texts come from {@code messageSource} (basename {@code i18n/rendering-yearclose}). */
    @Autowired
    public SummaryStatementRenderer(MessageSource messageSource) {
        this(new Messages(Objects.requireNonNull(messageSource, "messageSource")));
    }

    private SummaryStatementRenderer(Messages messages) {
        this.messages = messages;
        this.fonts = FontLibrary.shared();
    }

    /** A renderer reading its texts straight from the bundles, for use without Spring. */
    public static SummaryStatementRenderer withDefaults() {
        return new SummaryStatementRenderer(defaultMessages());
    }

    static MessageSource defaultMessages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/rendering", "i18n/rendering-yearclose", "i18n/college", "i18n/paper-regimes");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /**
     * Renders the statement.
     *
     * @param statement     the summary statement
     * @param canonicalJson its canonical JSON, embedded as the PDF's source file
     * @param builtAt       when it was built: the document's creation date
     */
    public RenderedDocument render(SummaryStatement statement, byte[] canonicalJson, Instant builtAt) {
        return render(statement, canonicalJson, builtAt, List.of(), false);
    }

    /**
     * Renders the statement with notes under its legend, e.g. that the signed PDF/A is the original and no paper copy
     * is kept (001 §1.10): the caller gives the texts, as the school's regulation says.
     *
     * @param notes lines printed after the sources, in order; empty: as {@link #render(SummaryStatement, byte[], Instant)}
     */
    public RenderedDocument render(SummaryStatement statement, byte[] canonicalJson, Instant builtAt,
            List<String> notes) {
        return render(statement, canonicalJson, builtAt, notes, false);
    }

    /**
     * Renders the statement's print packet: the statement's pages and a last sheet «Лист заверения бумажной копии»
     * with the class teacher's and the director's signature lines, «М.П.» and the sheet count (002 §1.1.5). Another
     * document than the archived statement: another title and file identifier; deterministic.
     *
     * @param registeredAt the moment the archived statement was registered (the packet's creation date)
     */
    public RenderedDocument renderPacket(SummaryStatement statement, byte[] canonicalJson, Instant registeredAt) {
        return render(statement, canonicalJson, registeredAt, List.of(), true);
    }

    private RenderedDocument render(SummaryStatement statement, byte[] canonicalJson, Instant builtAt,
            List<String> notes, boolean packet) {
        if (statement.school().isCollege() && !messages.college()) {
            return new SummaryStatementRenderer(messages.forCollege()).render(statement, canonicalJson, builtAt, notes,
                    packet);
        }
        byte[] sha256 = HexFormat.of().parseHex(CanonicalJson.sha256(canonicalJson));
        String school = school(statement.school());
        SummaryStatement.ClassInfo c = statement.schoolClass();
        List<String> kinds = statement.kinds();
        float available = PageCanvas.WIDTH - NUMBER_WIDTH - NAME_WIDTH;
        float blockWidth = kinds.size() * KIND_WIDTH + BLOCK_GAP;
        int blocksPerPage = Math.max(1, (int) (available / blockWidth));
        List<List<Snapshot.Subject>> columnPages = new ArrayList<>();
        for (int i = 0; i < statement.subjects().size(); i += blocksPerPage) {
            columnPages.add(statement.subjects().subList(i, Math.min(statement.subjects().size(), i + blocksPerPage)));
        }
        if (columnPages.isEmpty()) {
            columnPages.add(List.of());
        }
        float headerHeight = SUBJECT_HEADER + KIND_HEADER;
        int rowsPerPage = (int) ((TABLE_TOP - headerHeight - PageCanvas.BOTTOM) / ROW_HEIGHT);
        List<SummaryStatement.Pupil> pupils = statement.students();
        record Page(List<Snapshot.Subject> subjects, int first, int last, boolean legend) {
        }
        List<Page> pages = new ArrayList<>();
        for (List<Snapshot.Subject> subjects : columnPages) {
            int first = 0;
            do {
                int last = Math.min(pupils.size(), first + rowsPerPage);
                pages.add(new Page(subjects, first, last, false));
                first = last;
            } while (first < pupils.size());
        }
        // The legend, sources and signatures go below the last table if they fit, else on a page of their own.
        Page lastPage = pages.get(pages.size() - 1);
        float lastBottom = TABLE_TOP - headerHeight - (lastPage.last() - lastPage.first()) * ROW_HEIGHT;
        // Each authorised correction the statement lists adds a paragraph of up to two lines to the legend.
        float legendHeight = LEGEND_HEIGHT + 20f * statement.corrections().size() + 20f * notes.size();
        boolean legendFits = lastBottom - legendHeight > PageCanvas.BOTTOM;
        pages.set(pages.size() - 1, new Page(lastPage.subjects(), lastPage.first(), lastPage.last(), legendFits));
        if (!legendFits) {
            pages.add(new Page(List.of(), 0, 0, true));
        }
        String builtText = DateTimeFormatter.ofPattern(messages.get("statement.builtAt"), Locale.ROOT)
                .format(builtAt.atOffset(ZoneOffset.UTC));
        try (PDDocument document = new PDDocument()) {
            PageCanvas.Measure measure = new PageCanvas.Measure(fonts.loadInto(document));
            String footer = messages.get("statement.footer", school, c.name(), statement.academicYear(),
                    String.valueOf(c.grade()));
            int total = pages.size() + (packet ? 1 : 0);
            for (int n = 0; n < pages.size(); n++) {
                Page page = pages.get(n);
                PDPage pdPage = new PDPage(PageCanvas.PAGE);
                document.addPage(pdPage);
                try (PDPageContentStream stream = new PDPageContentStream(document, pdPage)) {
                    PageCanvas canvas = new PageCanvas(stream, measure);
                    heading(canvas, statement, n > 0);
                    float bottom = TABLE_TOP;
                    if (page.last() > page.first() || !page.subjects().isEmpty()) {
                        bottom = table(canvas, statement, kinds, page.subjects(),
                                pupils.subList(page.first(), page.last()), page.first());
                    }
                    if (page.legend()) {
                        legend(canvas, statement, kinds, bottom - 16f, builtText,
                                HexFormat.of().formatHex(sha256).substring(0, 16), notes);
                    }
                    canvas.line(PageCanvas.LEFT, 29f, PageCanvas.RIGHT, 29f, 0.4f);
                    canvas.text(canvas.fonts().regular(), 8, PageCanvas.LEFT, 18f, footer);
                    canvas.textRight(canvas.fonts().bold(), 9, PageCanvas.RIGHT, 18f,
                            messages.get("statement.sheet", String.valueOf(n + 1), String.valueOf(total)));
                }
            }
            if (packet) {
                PDPage pdPage = new PDPage(PageCanvas.PAGE);
                document.addPage(pdPage);
                try (PDPageContentStream stream = new PDPageContentStream(document, pdPage)) {
                    PageCanvas canvas = new PageCanvas(stream, measure);
                    certification(canvas, statement, school, total);
                    canvas.line(PageCanvas.LEFT, 29f, PageCanvas.RIGHT, 29f, 0.4f);
                    canvas.text(canvas.fonts().regular(), 8, PageCanvas.LEFT, 18f, footer);
                    canvas.textRight(canvas.fonts().bold(), 9, PageCanvas.RIGHT, 18f,
                            messages.get("statement.sheet", String.valueOf(total), String.valueOf(total)));
                }
            }
            String title = messages.get("statement.meta.title", c.name(), statement.academicYear(), school,
                    String.valueOf(c.grade()));
            String attachment = statement.school().id() + "_" + statement.academicYear().replace('/', '-') + "_"
                    + c.id() + "_summary-statement.json";
            byte[] fileId = packet ? HexFormat.of().parseHex(CanonicalJson.sha256(
                    (HexFormat.of().formatHex(sha256) + "/statement-print-packet").getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII))) : sha256;
            PdfaConformance.apply(document, new PdfaConformance.Description(packet
                            ? messages.get("statement.packet.meta.title", title) : title, school, builtAt,
                            PdfaConformance.fileId(fileId)),
                    new PdfaConformance.Attachment(attachment, messages.get("statement.meta.attachmentDescription"),
                            canonicalJson));
            ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
            document.save(out);
            return new RenderedDocument(out.toByteArray(), total);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the summary statement", e);
        }
    }

    private void heading(PageCanvas canvas, SummaryStatement statement, boolean continued) {
        var regular = canvas.fonts().regular();
        var bold = canvas.fonts().bold();
        String name = statement.school().name() != null ? statement.school().name() : school(statement.school());
        float size = canvas.measure().fit(regular, 9, name, PageCanvas.WIDTH);
        canvas.text(regular, size, PageCanvas.LEFT, PageCanvas.TOP - 8, name);
        String title = messages.get("statement.title") + (continued ? " " + messages.get("statement.continued") : "");
        canvas.text(bold, 13, PageCanvas.LEFT, PageCanvas.TOP - 24, title);
        SummaryStatement.ClassInfo c = statement.schoolClass();
        canvas.text(regular, 9.5f, PageCanvas.LEFT, PageCanvas.TOP - 37, messages.get("statement.subtitle", c.name(),
                statement.academicYear(), c.classTeacher() == null ? "" : c.classTeacher().fullName(),
                String.valueOf(c.grade())));
    }

    /** Draws the table and returns its bottom. */
    private float table(PageCanvas canvas, SummaryStatement statement, List<String> kinds,
            List<Snapshot.Subject> subjects, List<SummaryStatement.Pupil> rows, int first) {
        var regular = canvas.fonts().regular();
        var bold = canvas.fonts().bold();
        PageCanvas.Measure measure = canvas.measure();
        float top = TABLE_TOP;
        float left = PageCanvas.LEFT;
        float blocksLeft = left + NUMBER_WIDTH + NAME_WIDTH;
        float blockWidth = kinds.size() * KIND_WIDTH + BLOCK_GAP;
        float right = blocksLeft + subjects.size() * blockWidth;
        float headerHeight = SUBJECT_HEADER + KIND_HEADER;
        float bottom = top - headerHeight - rows.size() * ROW_HEIGHT;
        canvas.textCentered(bold, 8, left + NUMBER_WIDTH / 2f, top - headerHeight / 2f - 3f,
                messages.get("statement.number"));
        float pupilSize = measure.fit(bold, 8, messages.get("statement.pupil"), NAME_WIDTH - 6f);
        canvas.textCentered(bold, pupilSize, left + NUMBER_WIDTH + NAME_WIDTH / 2f, top - headerHeight / 2f - 3f,
                messages.get("statement.pupil"));
        float x = blocksLeft;
        for (Snapshot.Subject subject : subjects) {
            float size = 7f;
            for (String word : subject.name().split("\\s+|(?<=-)")) {
                size = Math.min(size, measure.fit(bold, 7f, word, blockWidth - 4f));
            }
            List<String> lines = measure.wrap(bold, size, subject.name(), blockWidth - 4f);
            float leading = size * 1.15f;
            float y = top - SUBJECT_HEADER / 2f + (lines.size() - 1) * leading / 2f - size / 2.8f;
            for (String line : lines) {
                canvas.textCentered(bold, size, x + blockWidth / 2f, y, line);
                y -= leading;
            }
            float kindTop = top - SUBJECT_HEADER;
            canvas.line(x, kindTop, x + blockWidth, kindTop, 0.35f);
            for (int k = 0; k < kinds.size(); k++) {
                String label = messages.get("statement.kind." + kinds.get(k));
                float labelSize = measure.fit(regular, 6f, label, KIND_WIDTH - 2f);
                float kx = x + k * KIND_WIDTH;
                if (SummaryStatement.YEAR_KINDS.contains(kinds.get(k))) {
                    canvas.shade(kx, bottom, KIND_WIDTH, kindTop - bottom, 0.93f);
                }
                canvas.textCentered(regular, labelSize, kx + KIND_WIDTH / 2f, kindTop - KIND_HEADER + 3.5f, label);
                if (k > 0) {
                    canvas.line(kx, kindTop, kx, bottom, 0.3f);
                }
            }
            canvas.line(x, top, x, bottom, 0.6f);
            x += blockWidth;
        }
        canvas.line(left + NUMBER_WIDTH, top, left + NUMBER_WIDTH, bottom, 0.35f);
        float y = top - headerHeight;
        canvas.line(left, y, right, y, 0.8f);
        for (int r = 0; r < rows.size(); r++) {
            SummaryStatement.Pupil pupil = rows.get(r);
            float baseline = y - ROW_HEIGHT + 4.3f;
            canvas.textCentered(regular, 8, left + NUMBER_WIDTH / 2f, baseline, String.valueOf(first + r + 1));
            String note = note(pupil);
            float noteWidth = note.isEmpty() ? 0f : measure.width(regular, 5.5f, note) + 3f;
            float nameSize = measure.fit(regular, 8.5f, pupil.fullName(), NAME_WIDTH - 6f - noteWidth);
            canvas.text(regular, nameSize, left + NUMBER_WIDTH + 3f, baseline, pupil.fullName());
            if (!note.isEmpty()) {
                canvas.textRight(regular, 5.5f, left + NUMBER_WIDTH + NAME_WIDTH - 3f, baseline + 0.5f, note);
            }
            x = blocksLeft;
            for (Snapshot.Subject subject : subjects) {
                for (int k = 0; k < kinds.size(); k++) {
                    String value = statement.mark(pupil.id(), subject.id(), kinds.get(k));
                    if (value != null) {
                        float size = measure.fit(bold, 8.5f, value, KIND_WIDTH - 2.5f);
                        canvas.textCentered(bold, size, x + k * KIND_WIDTH + KIND_WIDTH / 2f, baseline, value);
                    }
                }
                x += blockWidth;
            }
            y -= ROW_HEIGHT;
            canvas.line(left, y, right, y, 0.3f);
        }
        canvas.rect(left, bottom, right - left, top - bottom, 0.8f);
        return bottom;
    }

    private String note(SummaryStatement.Pupil pupil) {
        List<String> notes = new ArrayList<>();
        if (pupil.joinedDuringYear()) {
            notes.add(messages.get("statement.joined", RenderContext.DATE.format(pupil.enrolled())));
        }
        if (pupil.leftDuringYear()) {
            notes.add(messages.get("statement.left", RenderContext.DATE.format(pupil.left())));
        }
        return String.join(", ", notes);
    }

    /** The packet's last sheet: what the copy is, the class teacher's and the director's signatures, М.П., sheets. */
    private void certification(PageCanvas canvas, SummaryStatement statement, String school, int sheets) {
        var regular = canvas.fonts().regular();
        var bold = canvas.fonts().bold();
        PageCanvas.Measure measure = canvas.measure();
        SummaryStatement.ClassInfo c = statement.schoolClass();
        canvas.text(bold, 14, PageCanvas.LEFT, PageCanvas.TOP - 24, messages.get("statement.packet.title"));
        float y = PageCanvas.TOP - 60;
        for (String paragraph : List.of(messages.get("statement.packet.what", c.name(), statement.academicYear(),
                school), messages.get("statement.packet.procedure"))) {
            for (String line : measure.wrap(regular, 11, paragraph, PageCanvas.WIDTH - 80)) {
                canvas.text(regular, 11, PageCanvas.LEFT + 40, y, line);
                y -= 15;
            }
            y -= 8;
        }
        y -= 24;
        String teacher = c.classTeacher() == null ? null : c.classTeacher().fullName();
        canvas.text(bold, 12, PageCanvas.LEFT + 40, y, messages.get("statement.packet.classTeacher", name(teacher)));
        y -= 40;
        canvas.text(bold, 12, PageCanvas.LEFT + 40, y, messages.get("statement.packet.director",
                name(statement.school().director())));
        canvas.text(bold, 14, PageCanvas.LEFT + 100, y - 28, messages.get("statement.packet.seal"));
        y -= 80;
        canvas.line(PageCanvas.LEFT + 40, y + 22, PageCanvas.RIGHT - 40, y + 22, 0.5f);
        int mod100 = sheets % 100;
        int mod10 = sheets % 10;
        String form = mod10 == 1 && mod100 != 11 ? "one"
                : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
        canvas.text(bold, 12, PageCanvas.LEFT + 40, y, messages.get("statement.packet.binding",
                String.valueOf(sheets), messages.get("statement.packet.sheets." + form)));
        canvas.text(bold, 12, PageCanvas.LEFT + 40, y - 24, messages.get("statement.packet.directorBinding",
                name(statement.school().director())));
    }

    private static String name(String fullName) {
        String shortName = fullName == null ? "" : JournalIndex.shortName(fullName);
        return shortName.isBlank() ? "____________________" : shortName;
    }

    private void legend(PageCanvas canvas, SummaryStatement statement, List<String> kinds, float top, String built,
            String hashPrefix, List<String> notes) {
        var regular = canvas.fonts().regular();
        PageCanvas.Measure measure = canvas.measure();
        String periods = messages.get(kinds.contains("H1") || kinds.contains("H2") ? "statement.legend.halves"
                : "statement.legend.quarters");
        List<String> sources = new ArrayList<>();
        for (SummaryStatement.PeriodSource p : statement.periods()) {
            String label = messages.get("statement.kind." + p.id());
            sources.add(p.frozenJournalSha256() == null ? messages.get("statement.sourceMissing", label)
                    : messages.get("statement.source", label, p.frozenJournalSha256().substring(0, 12)));
        }
        List<String> paragraphs = new ArrayList<>(List.of(messages.get("statement.legend", periods),
                messages.get("statement.movement"),
                messages.get("statement.sources", String.join("; ", sources), built, hashPrefix)));
        for (SummaryStatement.Correction c : statement.corrections()) {
            paragraphs.add(messages.get("statement.correction", String.valueOf(c.number()),
                    RenderContext.DATE.format(c.correctedOn()), messages.get("statement.kind." + c.period()),
                    String.valueOf(c.journalVersion()), c.reason(), c.authorisedBy()));
        }
        paragraphs.addAll(notes);
        float y = top;
        for (String paragraph : paragraphs) {
            for (String line : measure.wrap(regular, 7.5f, paragraph, PageCanvas.WIDTH)) {
                canvas.text(regular, 7.5f, PageCanvas.LEFT, y, line);
                y -= 9.5f;
            }
        }
        y -= 10f;
        String teacher = statement.schoolClass().classTeacher() == null ? ""
                : statement.schoolClass().classTeacher().fullName();
        canvas.text(regular, 9, PageCanvas.LEFT, y, messages.get("statement.signatures", teacher,
                statement.school().director() == null ? "" : statement.school().director()));
    }

    static String school(Snapshot.School school) {
        return school.shortName() != null ? school.shortName() : school.name();
    }
}
