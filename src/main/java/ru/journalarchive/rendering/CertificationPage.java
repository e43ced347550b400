package ru.journalarchive.rendering;

import java.util.List;
import ru.journalarchive.snapshot.Snapshot.Period;

/**
 * The last sheet of a print packet, «Лист заверения бумажной копии»: what the copy is, the deputy's certification
 * and acceptance for the registry, the director's signature with the seal's place («М.П.»), and the binding line
 * «Пронумеровано, прошнуровано и скреплено печатью N листов» with the packet's sheet count (000 §4.5; 002 §1.1.5).
 */
final class CertificationPage {

    private CertificationPage() {
    }

    /**
     * The certification sheet.
     *
     * @param sheets the packet's sheet count, this sheet included
     */
    static Section section(RenderContext context, int sheets) {
        String title = context.text("packet.certification.title");
        return new Section(title, true, List.of(canvas -> paint(canvas, context, title, sheets)));
    }

    private static void paint(PageCanvas canvas, RenderContext context, String title, int sheets) {
        JournalIndex index = context.index();
        Period period = index.schoolClass().period();
        String school = index.journal().school().name();
        SheetHeading.paint(canvas, context, title, null, "", false);
        float y = SheetHeading.TABLE_TOP - 20;
        y = SignatureLines.paintParagraph(canvas, context, false, 11, y, context.text("packet.certification.what",
                index.schoolClass().name(), period == null ? "" : period.name(), index.journal().academicYear(),
                school, String.valueOf(index.schoolClass().grade())));
        y = SignatureLines.paintParagraph(canvas, context, false, 11, y - 6,
                context.text("packet.certification.procedure"));
        y -= 30;
        y = SignatureLines.paintParagraph(canvas, context, true, 12, y, context.text("packet.sign.deputy"));
        y -= 34;
        String director = index.journal().school().director();
        y = SignatureLines.paintParagraph(canvas, context, true, 12, y,
                context.text("packet.sign.director", SignatureLines.name(director)));
        y -= 8;
        canvas.text(context.bold(), 14, PageCanvas.LEFT + 60, y - 10, context.text("packet.sign.seal"));
        y -= 60;
        canvas.line(PageCanvas.LEFT + 40, y + 22, PageCanvas.RIGHT - 40, y + 22, 0.5f);
        y = SignatureLines.paintParagraph(canvas, context, true, 12, y,
                context.text("packet.binding", String.valueOf(sheets), sheetsWord(context, sheets)));
        SignatureLines.paintParagraph(canvas, context, true, 12, y - 20,
                context.text("packet.sign.directorBinding", SignatureLines.name(director)));
    }

    /** «лист», «листа» or «листов» for a count, by the Russian plural rules (1, 21 лист; 2–4, 22 листа; 5–20 листов). */
    static String sheetsWord(RenderContext context, int count) {
        int mod100 = count % 100;
        int mod10 = count % 10;
        String form = mod10 == 1 && mod100 != 11 ? "one"
                : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
        return context.text("packet.sheets." + form);
    }
}
