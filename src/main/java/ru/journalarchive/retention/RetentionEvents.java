package ru.journalarchive.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The insert-only log of retention events ({@code retention_event}): terms changed and dates recomputed, holds placed
 * and released, reviews run. Evidence for the records clerk and the expert commission; never changed.
 */
@Component
public class RetentionEvents {

    private final JdbcClient jdbc;

    RetentionEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One logged event. */
    public record Event(long id, String type, String recordClass, UUID documentId, UUID holdId, String detail,
                        String agent, Instant occurredAt) {
    }

    void record(String type, String recordClass, UUID documentId, UUID holdId, String detail, String agent) {
        jdbc.sql("""
                INSERT INTO retention_event (event_type, record_class, document_id, hold_id, detail, agent, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(type, recordClass, documentId, holdId, detail, agent, Timestamp.from(Instant.now()))
                .update();
    }

    /** Every event since a moment (all when {@code null}), oldest first. */
    public List<Event> since(Instant since) {
        return jdbc.sql("""
                SELECT id, event_type, record_class, document_id, hold_id, detail, agent, occurred_at
                FROM retention_event WHERE occurred_at >= ? ORDER BY id""")
                .param(Timestamp.from(since == null ? Instant.EPOCH : since))
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
