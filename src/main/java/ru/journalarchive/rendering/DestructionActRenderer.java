package ru.journalarchive.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import ru.journalarchive.text.RussianPlural;
import org.springframework.stereotype.Component;

/**
 * Renders a destruction act «Акт о выделении к уничтожению документов, не подлежащих хранению» in the standard form
 * (organisation, «УТВЕРЖДАЮ», number and date, basis, the table, «Итого», the expert commission's agreement,
 * signatures) as a PDF/A-3B document on A4 portrait pages, with the act's data embedded as JSON. Deterministic.
 */
@Component
public class DestructionActRenderer {

    /** A4 portrait: the act is an ordinary office document. */
    static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 56f;
    private static final float RIGHT = PAGE.getWidth() - 36f;
    private static final float TOP = PAGE.getHeight() - 40f;
    private static final float BOTTOM = 50f;
    private static final float SIZE = 11f;
    private static final float CELL = 8.5f;
    /** Column widths of the table's eight columns, in points (sum = RIGHT - LEFT). */
    private static final float[] COLUMNS = {28f, 120f, 58f, 64f, 60f, 36f, 80f, 57.28f};

    private final Messages messages;
    private final FontLibrary fonts;

    /** A renderer whose texts come from {@code messageSource} (bundle {@code i18n/rendering-disposition}). */
    public DestructionActRenderer(MessageSource messageSource) {
        this.messages = new Messages(Objects.requireNonNull(messageSource, "messageSource"));
        this.fonts = FontLibrary.shared();
    }

    /** A renderer reading its texts straight from the bundle, for use without Spring. */
    public static DestructionActRenderer withDefaults() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/rendering-disposition");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new DestructionActRenderer(source);
    }

    /** Renders the act; returns the PDF/A-3B bytes and the page count. */
    public RenderedDocument render(DestructionActContent act) {
        Objects.requireNonNull(act, "act");
        try (PDDocument document = new PDDocument()) {
            PageCanvas.Measure measure = new PageCanvas.Measure(fonts.loadInto(document));
            List<List<Line>> pages = layout(act, measure);
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    PageCanvas canvas = new PageCanvas(stream, measure);
                    for (Line line : pages.get(i)) {
                        line.paint(canvas);
                    }
                    canvas.textCentered(measure.fonts().regular(), 8, (LEFT + RIGHT) / 2, 28,
                            text("page", act.number(), String.valueOf(i + 1), String.valueOf(pages.size())));
                }
            }
            PdfaConformance.apply(document, new PdfaConformance.Description(text("meta.title", act.number(),
                            act.actDate()), act.organisation(), act.createdAt(),
                            PdfaConformance.fileId(sha256(act.sourceJson()))),
                    new PdfaConformance.Attachment(act.sourceName(), text("meta.attachment"), act.sourceJson()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return new RenderedDocument(out.toByteArray(), pages.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the destruction act", e);
        }
    }

    /** «Итого 1 дело за 2025 год», «Итого 3 дела за 2024–2025 годы», «Итого 11 дел …»: Russian plural forms. */
    private String total(int files, String years) {
        return text("total", String.valueOf(files), years,
                text("files." + RussianPlural.of(files).key()), text(years.contains("–") ? "years.many" : "years.one"));
    }

    private String text(String key, String... args) {
        return messages.get("act." + key, args);
    }

    /** Something drawn at a height on a page, laid out in advance so pages can be counted. */
    private interface Line {
        void paint(PageCanvas canvas);
    }

    /** Lays the act out top to bottom, starting a new page where the next block does not fit. */
    private List<List<Line>> layout(DestructionActContent act, PageCanvas.Measure m) {
        PDFont regular = m.fonts().regular();
        PDFont bold = m.fonts().bold();
        Pages pages = new Pages();
        float width = RIGHT - LEFT;
        float half = width / 2f - 10f;
        float rightBlock = LEFT + width / 2f + 20f;

        // The organisation (left) and the «УТВЕРЖДАЮ» block (right), side by side.
        float y = TOP;
        float left = y;
        for (String line : m.wrap(regular, SIZE, act.organisation(), half - 10f)) {
            float at = left;
            pages.add(c -> c.text(regular, SIZE, LEFT, at, line));
            left -= 14f;
        }
        float right = y;
        List<String> approval = new ArrayList<>();
        approval.add(text("approve"));
        approval.addAll(m.wrap(regular, SIZE, act.approverPosition() + " " + act.organisationShort(), half));
        approval.add(text("approve.signature", act.approverName()));
        approval.add(act.approvedDate());
        for (int i = 0; i < approval.size(); i++) {
            float at = right;
            String line = approval.get(i);
            PDFont font = i == 0 ? bold : regular;
            pages.add(c -> c.text(font, SIZE, rightBlock, at, line));
            right -= 15f;
        }
        y = Math.min(left, right) - 24f;

        // «АКТ № … от …» and its subject.
        float centre = (LEFT + RIGHT) / 2f;
        float titleAt = y;
        pages.add(c -> c.textCentered(bold, 14, centre, titleAt, text("title", act.number(), act.actDate())));
        y -= 18f;
        for (String line : m.wrap(bold, 12, text("subject"), width)) {
            float at = y;
            pages.add(c -> c.textCentered(bold, 12, centre, at, line));
            y -= 15f;
        }
        y -= 8f;
        for (String line : m.wrap(regular, SIZE, text("basis", act.basis()), width)) {
            float at = y;
            pages.add(c -> c.text(regular, SIZE, LEFT, at, line));
            y -= 14f;
        }
        y -= 8f;
        pages.y = y;

        // The table: a header repeated on every page, rows never split across pages.
        String[] header = {text("col.no"), text("col.title"), text("col.dates"), text("col.inventories"),
                text("col.index"), text("col.count"), text("col.retention"), text("col.note")};
        List<String[]> cells = new ArrayList<>();
        for (DestructionActContent.Row row : act.rows()) {
            cells.add(new String[] {String.valueOf(row.number()), row.title(), row.extremeDates(), row.inventories(),
                    row.nomenclatureIndex(), String.valueOf(row.fileCount()), row.retention(), row.note()});
        }
        tableRow(pages, m, bold, header, true);
        String[] numbers = {"1", "2", "3", "4", "5", "6", "7", "8"};
        tableRow(pages, m, regular, numbers, true);
        for (String[] row : cells) {
            if (!tableRow(pages, m, regular, row, false)) {
                pages.newPage();
                tableRow(pages, m, bold, header, true);
                tableRow(pages, m, regular, numbers, true);
                tableRow(pages, m, regular, row, false);
            }
        }

        // «Итого …», the expert commission, the signatures.
        pages.y -= 20f;
        List<String> closing = new ArrayList<>(m.wrap(regular, SIZE,
                total(act.fileTotal(), act.years()), width));
        closing.add("");
        closing.add(text("compiled", act.compiledBy()));
        closing.add("");
        closing.add(text("agreed"));
        closing.add(text("agreed.protocol", act.protocolDate(), act.protocolNumber()));
        pages.block(closing.size() * 15f);
        for (int i = 0; i < closing.size(); i++) {
            String line = closing.get(i);
            PDFont font = line.equals(text("agreed")) ? bold : regular;
            float at = pages.y;
            pages.add(c -> c.text(font, SIZE, LEFT, at, line));
            pages.y -= 15f;
        }
        return pages.all;
    }

    /** Adds one table row at the current height; false (nothing added) when it does not fit the page. */
    private boolean tableRow(Pages pages, PageCanvas.Measure m, PDFont font, String[] values, boolean force) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < values.length; i++) {
            List<String> cell = m.wrap(font, CELL, values[i] == null ? "" : values[i], COLUMNS[i] - 4f);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float height = lines * 10.5f + 5f;
        if (pages.y - height < BOTTOM && !force) {
            return false;
        }
        float top = pages.y;
        pages.add(c -> {
            float x = LEFT;
            for (int i = 0; i < COLUMNS.length; i++) {
                c.rect(x, top - height, COLUMNS[i], height, 0.5f);
                float ty = top - 10f;
                for (String line : wrapped.get(i)) {
                    c.text(font, CELL, x + 2f, ty, line);
                    ty -= 10.5f;
                }
                x += COLUMNS[i];
            }
        });
        pages.y -= height;
        return true;
    }

    /** The pages laid out so far and the current height on the last one. */
    private static final class Pages {
        final List<List<Line>> all = new ArrayList<>(List.of(new ArrayList<>()));
        float y = TOP;

        void add(Line line) {
            all.get(all.size() - 1).add(line);
        }

        void newPage() {
            all.add(new ArrayList<>());
            y = TOP;
        }

        /** Starts a new page unless a block of this height fits. */
        void block(float height) {
            if (y - height < BOTTOM) {
                newPage();
            }
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
