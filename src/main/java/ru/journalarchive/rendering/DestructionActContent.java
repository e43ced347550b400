package ru.journalarchive.rendering;

import java.time.Instant;
import java.util.List;

/**
 * What a destruction act «Акт о выделении к уничтожению документов, не подлежащих хранению» says, ready to render:
 * every value already formatted as it is printed (dates as {@code dd.MM.yyyy}).
 *
 * @param organisation      the organisation's full name, at the top
 * @param organisationShort the organisation's short name, after the director's position
 * @param approverPosition  the director's position in the «УТВЕРЖДАЮ» block, e.g. «Директор»
 * @param approverName      the director's name
 * @param approvedDate      the date of approval
 * @param number            the act's number, e.g. «1/2031»
 * @param actDate           the act's date
 * @param basis             what the selection is based on (the federal list, the file plan)
 * @param rows              the table, in order
 * @param fileTotal         «Итого» — the number of files (дел)
 * @param years             «за … годы», e.g. «2024–2025»
 * @param protocolNumber    the expert commission's protocol number
 * @param protocolDate      the protocol's date
 * @param compiledBy        who drew the act up
 * @param createdAt         the document's creation moment (its approval): the PDF's dates
 * @param sourceJson        the act as JSON, embedded in the PDF/A-3 as its source
 * @param sourceName        the embedded file's name
 */
public record DestructionActContent(String organisation, String organisationShort, String approverPosition, String approverName,
        String approvedDate, String number, String actDate, String basis, List<Row> rows, int fileTotal,
        String years, String protocolNumber, String protocolDate, String compiledBy, Instant createdAt,
        byte[] sourceJson, String sourceName) {

    /** One row of the act's table. */
    public record Row(int number, String title, String extremeDates, String inventories, String nomenclatureIndex,
                      int fileCount, String retention, String note) {
    }
}
