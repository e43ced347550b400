package ru.journalarchive.disposition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes destruction acts, their rows and documents ({@code destruction_act*} tables). */
@Component
class ActRepository {

    private final JdbcClient jdbc;

    ActRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    int nextSeq(String schoolId, int year) {
        return jdbc.sql("SELECT coalesce(max(seq), 0) + 1 FROM destruction_act WHERE school_id = ? AND act_year = ?")
                .params(schoolId, year).query(Integer.class).single();
    }

    void insert(DestructionAct act) {
        jdbc.sql("""
                INSERT INTO destruction_act (id, school_id, act_year, seq, act_number, act_date, organisation, basis,
                    status, drafted_by, drafted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)""")
                .params(act.id(), act.schoolId(), act.year(), act.seq(), act.number(), act.actDate(),
                        act.organisation(), act.basis(), act.draftedBy(), Timestamp.from(act.draftedAt()))
                .update();
        for (DestructionAct.Row row : act.rows()) {
            jdbc.sql("""
                    INSERT INTO destruction_act_item (act_id, row_no, record_class, title, extreme_dates, inventories,
                        nomenclature_index, file_count, first_year, last_year, retention_text, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(act.id(), row.number(), row.recordClass(), row.title(), row.extremeDates(),
                            row.inventories(), row.nomenclatureIndex(), row.fileCount(), row.firstYear(),
                            row.lastYear(), row.retention(), row.note())
                    .update();
            for (UUID documentId : row.documentIds()) {
                jdbc.sql("INSERT INTO destruction_act_document (act_id, row_no, document_id) VALUES (?, ?, ?)")
                        .params(act.id(), row.number(), documentId).update();
            }
        }
    }

    void agree(UUID id, String protocol, LocalDate protocolDate, String by, Instant at) {
        jdbc.sql("""
                UPDATE destruction_act SET status = 'agreed', protocol_number = ?, protocol_date = ?, agreed_by = ?,
                    agreed_at = ? WHERE id = ? AND status = 'draft'""")
                .params(protocol, protocolDate, by, Timestamp.from(at), id).update();
    }

    void approve(UUID id, String by, String position, Instant at) {
        jdbc.sql("""
                UPDATE destruction_act SET status = 'approved', approved_by = ?, approver_position = ?, approved_at = ?
                WHERE id = ? AND status = 'agreed'""")
                .params(by, position, Timestamp.from(at), id).update();
    }

    void attachDocument(UUID id, UUID documentId) {
        jdbc.sql("UPDATE destruction_act SET document_id = ? WHERE id = ? AND document_id IS NULL")
                .params(documentId, id).update();
    }

    void startExecution(UUID id, String by, Instant at) {
        jdbc.sql("""
                UPDATE destruction_act SET status = 'executing', execution_started_by = ?, execution_started_at = ?
                WHERE id = ? AND status = 'approved'""")
                .params(by, Timestamp.from(at), id).update();
    }

    void executed(UUID id, String by, Instant at) {
        jdbc.sql("""
                UPDATE destruction_act SET status = 'executed', executed_by = ?, executed_at = ?
                WHERE id = ? AND status = 'executing'""")
                .params(by, Timestamp.from(at), id).update();
    }

    void cancel(UUID id, String by, String reason, Instant at) {
        jdbc.sql("""
                UPDATE destruction_act SET status = 'cancelled', cancelled_by = ?, cancelled_at = ?, cancel_reason = ?
                WHERE id = ? AND status IN ('draft', 'agreed')""")
                .params(by, Timestamp.from(at), reason, id).update();
    }

    /** Who cancelled the act, when and why, if it was cancelled. */
    Optional<Cancellation> cancellation(UUID id) {
        return jdbc.sql("SELECT cancelled_by, cancelled_at, cancel_reason FROM destruction_act WHERE id = ?"
                        + " AND status = 'cancelled'")
                .param(id).query((rs, n) -> new Cancellation(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)))
                .optional();
    }

    Optional<DestructionAct> get(UUID id) {
        return acts("a.id = ?", List.of(id)).stream().findFirst();
    }

    List<DestructionAct> byNumber(String number) {
        return acts("a.act_number = ?", List.of(number));
    }

    List<DestructionAct> list(String schoolId) {
        return schoolId == null ? acts("TRUE", List.of()) : acts("a.school_id = ?", List.of(schoolId));
    }

    /** The open act (not cancelled, not executed) other than {@code except} that covers the document, if any. */
    Optional<String> otherOpenAct(UUID documentId, UUID except) {
        return jdbc.sql("""
                SELECT a.act_number FROM destruction_act_document d JOIN destruction_act a ON a.id = d.act_id
                WHERE d.document_id = ? AND a.id <> ? AND a.status NOT IN ('cancelled', 'executed')""")
                .params(documentId, except == null ? new UUID(0, 0) : except).query(String.class).optional();
    }

    private List<DestructionAct> acts(String condition, List<?> params) {
        List<DestructionAct> heads = jdbc.sql("SELECT a.* FROM destruction_act a WHERE " + condition
                + " ORDER BY a.school_id, a.act_year, a.seq").params(params).query(ActRepository::head).list();
        List<DestructionAct> acts = new ArrayList<>();
        for (DestructionAct head : heads) {
            Map<Integer, List<UUID>> documents = new LinkedHashMap<>();
            jdbc.sql("SELECT row_no, document_id FROM destruction_act_document WHERE act_id = ? ORDER BY row_no, document_id")
                    .param(head.id()).query(rs -> {
                        documents.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    });
            List<DestructionAct.Row> rows = jdbc.sql("SELECT * FROM destruction_act_item WHERE act_id = ? ORDER BY row_no")
                    .param(head.id())
                    .query((rs, n) -> new DestructionAct.Row(rs.getInt("row_no"), rs.getString("record_class"),
                            rs.getString("title"), rs.getString("extreme_dates"), rs.getString("inventories"),
                            rs.getString("nomenclature_index"), rs.getInt("file_count"), rs.getInt("first_year"),
                            rs.getInt("last_year"), rs.getString("retention_text"), rs.getString("note"),
                            List.copyOf(documents.getOrDefault(rs.getInt("row_no"), List.of()))))
                    .list();
            acts.add(withRows(head, rows));
        }
        return acts;
    }

    private static DestructionAct withRows(DestructionAct a, List<DestructionAct.Row> rows) {
        return new DestructionAct(a.id(), a.schoolId(), a.year(), a.seq(), a.number(), a.actDate(), a.organisation(),
                a.basis(), a.status(), a.draftedBy(), a.draftedAt(), a.protocolNumber(), a.protocolDate(),
                a.agreedBy(), a.agreedAt(), a.approvedBy(), a.approverPosition(), a.approvedAt(), a.documentId(),
                a.executionStartedBy(), a.executionStartedAt(), a.executedBy(), a.executedAt(), List.copyOf(rows));
    }

    private static DestructionAct head(ResultSet rs, int n) throws SQLException {
        return new DestructionAct(rs.getObject("id", UUID.class), rs.getString("school_id"), rs.getInt("act_year"),
                rs.getInt("seq"), rs.getString("act_number"), rs.getObject("act_date", LocalDate.class),
                rs.getString("organisation"), rs.getString("basis"), ActStatus.of(rs.getString("status")),
                rs.getString("drafted_by"), instant(rs, "drafted_at"), rs.getString("protocol_number"),
                rs.getObject("protocol_date", LocalDate.class), rs.getString("agreed_by"), instant(rs, "agreed_at"),
                rs.getString("approved_by"), rs.getString("approver_position"), instant(rs, "approved_at"),
                rs.getObject("document_id", UUID.class), rs.getString("execution_started_by"),
                instant(rs, "execution_started_at"), rs.getString("executed_by"), instant(rs, "executed_at"),
                List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
