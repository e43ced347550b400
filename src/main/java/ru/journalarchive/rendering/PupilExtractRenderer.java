package ru.journalarchive.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.PupilExtract;

/**
 * Renders a pupil extract (выписка итоговых отметок) as a portrait PDF/A-3B document: the school's details, the
 * pupil, one table per academic year (subjects × periods, year, exam, final), the sources, date, purpose and
 * requester, and the director's line; the extract's JSON embedded (AFRelationship Source). Unsigned: the caller
 * signs it.
 */
@Component
public class PupilExtractRenderer {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 56f;
    private static final float RIGHT = PAGE.getWidth() - 42f;
    private static final float TOP = PAGE.getHeight() - 48f;
    private static final float BOTTOM = 56f;
    private static final float SUBJECT_WIDTH = 190f;
    private static final float ROW = 13f;

    private final Messages messages;
    private final FontLibrary fonts;

    /** A renderer whose texts come from {@code messageSource} (basename {@code i18n/rendering-yearclose}). */
    @Autowired
    public PupilExtractRenderer(MessageSource messageSource) {
        this(new Messages(Objects.requireNonNull(messageSource, "messageSource")));
    }

    private PupilExtractRenderer(Messages messages) {
        this.messages = messages;
        this.fonts = FontLibrary.shared();
    }

    /** A renderer reading its texts straight from the bundles, for use without Spring. */
    public static PupilExtractRenderer withDefaults() {
        return new PupilExtractRenderer(SummaryStatementRenderer.defaultMessages());
    }

    /** Renders the extract; {@code json} is its canonical JSON, {@code createdAt} the moment it is issued. */
    public RenderedDocument render(PupilExtract extract, byte[] json, Instant createdAt) {
        if (extract.school().isCollege() && !messages.college()) {
            return new PupilExtractRenderer(messages.forCollege()).render(extract, json, createdAt);
        }
        byte[] sha256 = HexFormat.of().parseHex(CanonicalJson.sha256(json));
        String school = SummaryStatementRenderer.school(extract.school());
        try (PDDocument document = new PDDocument()) {
            PageCanvas.Measure measure = new PageCanvas.Measure(fonts.loadInto(document));
            Writer writer = new Writer(document, measure, messages.get("extract.footer", school,
                    String.valueOf(extract.number())));
            PDFont regular = measure.fonts().regular();
            PDFont bold = measure.fonts().bold();
            String fullName = extract.school().name() != null ? extract.school().name() : school;
            writer.paragraph(regular, 9.5f, fullName, true);
            if (extract.school().city() != null) {
                writer.paragraph(regular, 9.5f, messages.get("extract.city", extract.school().city()), true);
            }
            writer.space(18f);
            writer.paragraph(bold, 14f, messages.get("extract.title", String.valueOf(extract.number())), true);
            writer.space(10f);
            writer.paragraph(regular, 11f, messages.get("extract.pupil", extract.student().fullName()), false);
            writer.paragraph(regular, 8.5f, messages.get("extract.pupilId", extract.student().id()), false);
            List<String> sources = new ArrayList<>();
            for (PupilExtract.Year year : extract.years()) {
                writer.space(10f);
                writer.paragraph(bold, 10.5f, messages.get("extract.year", year.academicYear(), year.className(),
                        String.valueOf(year.grade())),
                        false);
                writer.space(3f);
                writer.table(year, messages);
                sources.add(messages.get("extract.source", year.academicYear(), year.className(),
                        year.statementSha256().substring(0, 12)));
            }
            writer.space(12f);
            writer.paragraph(regular, 8.5f, messages.get("extract.sources", String.join("; ", sources)), false);
            writer.space(6f);
            writer.paragraph(regular, 10f, messages.get("extract.purpose", extract.purpose()), false);
            writer.paragraph(regular, 10f, messages.get("extract.requester", extract.requester()), false);
            writer.paragraph(regular, 10f, messages.get("extract.issued",
                    RenderContext.DATE.format(extract.issuedOn())), false);
            writer.space(22f);
            writer.paragraph(regular, 10.5f, messages.get("extract.director",
                    extract.school().director() == null ? "" : extract.school().director()), false);
            writer.paragraph(regular, 8f, messages.get("extract.signed"), false);
            writer.finish();
            String title = messages.get("extract.meta.title", String.valueOf(extract.number()), school);
            String attachment = extract.school().id() + "_pupil-extract_" + extract.number() + ".json";
            PdfaConformance.apply(document, new PdfaConformance.Description(title, school, createdAt,
                            PdfaConformance.fileId(sha256)),
                    new PdfaConformance.Attachment(attachment, messages.get("extract.meta.attachmentDescription"),
                            json));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return new RenderedDocument(out.toByteArray(), document.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the pupil extract", e);
        }
    }

    /** Writes flowing text and tables top to bottom, starting new pages as needed; footers at the end. */
    private static final class Writer {

        private final PDDocument document;
        private final PageCanvas.Measure measure;
        private final String footer;
        private PDPageContentStream stream;
        private PageCanvas canvas;
        private float y;

        Writer(PDDocument document, PageCanvas.Measure measure, String footer) throws IOException {
            this.document = document;
            this.measure = measure;
            this.footer = footer;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            canvas = new PageCanvas(stream, measure);
            y = TOP;
        }

        private void need(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void space(float height) {
            y -= height;
        }

        void paragraph(PDFont font, float size, String text, boolean centred) throws IOException {
            for (String line : measure.wrap(font, size, text, RIGHT - LEFT)) {
                need(size * 1.35f);
                y -= size * 1.35f;
                if (centred) {
                    canvas.textCentered(font, size, (LEFT + RIGHT) / 2f, y, line);
                } else {
                    canvas.text(font, size, LEFT, y, line);
                }
            }
        }

        void table(PupilExtract.Year year, Messages messages) throws IOException {
            PDFont regular = measure.fonts().regular();
            PDFont bold = measure.fonts().bold();
            float kindWidth = Math.min(42f, (RIGHT - LEFT - SUBJECT_WIDTH) / Math.max(1, year.kinds().size()));
            float right = LEFT + SUBJECT_WIDTH + kindWidth * year.kinds().size();
            need(ROW * 2);
            float top = y;
            y -= ROW;
            canvas.text(bold, 8, LEFT + 3f, y + 4f, messages.get("extract.subject"));
            for (int k = 0; k < year.kinds().size(); k++) {
                String label = messages.get("statement.kind." + year.kinds().get(k));
                canvas.textCentered(bold, measure.fit(bold, 7.5f, label, kindWidth - 2f),
                        LEFT + SUBJECT_WIDTH + k * kindWidth + kindWidth / 2f, y + 4f, label);
            }
            canvas.line(LEFT, y, right, y, 0.6f);
            float pageTop = top;
            for (PupilExtract.SubjectMarks subject : year.subjects()) {
                if (y - ROW < BOTTOM) {
                    grid(pageTop, year, kindWidth, right);
                    newPage();
                    pageTop = y;
                }
                y -= ROW;
                float size = measure.fit(regular, 9f, subject.name(), SUBJECT_WIDTH - 6f);
                canvas.text(regular, size, LEFT + 3f, y + 4f, subject.name());
                for (int k = 0; k < year.kinds().size(); k++) {
                    String value = subject.marks().get(year.kinds().get(k));
                    canvas.textCentered(bold, 9f, LEFT + SUBJECT_WIDTH + k * kindWidth + kindWidth / 2f, y + 4f,
                            value == null ? messages.get("extract.none") : value);
                }
                canvas.line(LEFT, y, right, y, 0.3f);
            }
            grid(pageTop, year, kindWidth, right);
        }

        private void grid(float top, PupilExtract.Year year, float kindWidth, float right) {
            canvas.rect(LEFT, y, right - LEFT, top - y, 0.7f);
            for (int k = 0; k <= year.kinds().size() - 1; k++) {
                float x = LEFT + SUBJECT_WIDTH + k * kindWidth;
                canvas.line(x, top, x, y, 0.35f);
            }
        }

        void finish() throws IOException {
            stream.close();
            int total = document.getNumberOfPages();
            for (int n = 0; n < total; n++) {
                try (PDPageContentStream s = new PDPageContentStream(document, document.getPage(n),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    PageCanvas c = new PageCanvas(s, measure);
                    c.line(LEFT, 40f, RIGHT, 40f, 0.4f);
                    c.text(measure.fonts().regular(), 7.5f, LEFT, 29f, footer);
                    c.textRight(measure.fonts().bold(), 8.5f, RIGHT, 29f,
                            String.valueOf(n + 1) + " / " + total);
                }
            }
        }
    }
}
