package ru.journalarchive.disposition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A destruction act with its workflow steps (who and when) and its table; the documents each row covers were frozen
 * when the act was drafted.
 */
public record DestructionAct(UUID id, String schoolId, int year, int seq, String number, LocalDate actDate,
        String organisation, String basis, ActStatus status, String draftedBy, Instant draftedAt,
        String protocolNumber, LocalDate protocolDate, String agreedBy, Instant agreedAt, String approvedBy,
        String approverPosition, Instant approvedAt, UUID documentId, String executionStartedBy,
        Instant executionStartedAt, String executedBy, Instant executedAt, List<Row> rows) {

    /** One row of the act's table and the archived documents it covers. */
    public record Row(int number, String recordClass, String title, String extremeDates, String inventories,
                      String nomenclatureIndex, int fileCount, int firstYear, int lastYear, String retention,
                      String note, List<UUID> documentIds) {
    }

    /** Every document of the act. */
    public List<UUID> documentIds() {
        return rows.stream().flatMap(r -> r.documentIds().stream()).toList();
    }

    /** «Итого» — the number of files (дел). */
    public int fileTotal() {
        return rows.stream().mapToInt(Row::fileCount).sum();
    }

    /** The years the act covers, e.g. «2024–2025». */
    public String years() {
        int first = rows.stream().mapToInt(Row::firstYear).min().orElse(year);
        int last = rows.stream().mapToInt(Row::lastYear).max().orElse(year);
        return first == last ? String.valueOf(first) : first + "–" + last;
    }
}
