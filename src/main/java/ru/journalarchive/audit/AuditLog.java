package ru.journalarchive.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insert-only log of audit events ({@code audit_event}): records each event in its own transaction, so an event
 * about a repair already done survives a failure of whatever ran it, and answers queries about runs and replicas.
 */
@Component
public class AuditLog {

    private static final String COLUMNS = "id, event_type, object_id, document_id, location, object_key, outcome, "
            + "detail, size_bytes, agent, audit_run, occurred_at";

    private final JdbcClient jdbcClient;
    private final JdbcTemplate jdbc;

    AuditLog(JdbcClient jdbcClient, JdbcTemplate jdbc) {
        this.jdbcClient = jdbcClient;
        this.jdbc = jdbc;
    }

    /** Records an event about a replica, now, and commits it at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEventType type, AuditedReplica replica, boolean success, String detail, Long sizeBytes,
            String agent, String run) {
        jdbcClient.sql("""
                INSERT INTO audit_event (event_type, object_id, document_id, location, object_key, outcome, detail,
                    size_bytes, agent, audit_run, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(type.code(), replica.objectId(), replica.documentId(), replica.location(), replica.key(),
                        success ? "success" : "failure", detail, sizeBytes, agent, run, Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * Records a successful {@code fixity-check} of each replica in one batch, in the caller's transaction: the
     * events of intact replicas commit with the run's progress.
     */
    public void recordChecks(List<AuditedReplica> replicas, String agent, String run) {
        if (replicas.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                INSERT INTO audit_event (event_type, object_id, document_id, location, object_key, outcome, detail,
                    size_bytes, agent, audit_run, occurred_at) VALUES (?, ?, ?, ?, ?, 'success', ?, ?, ?, ?, ?)""",
                replicas.stream().map(r -> new Object[] {AuditEventType.FIXITY_CHECK.code(), r.objectId(),
                        r.documentId(), r.location(), r.key(), "sha256 " + r.sha256(), r.sizeBytes(), agent, run,
                        now}).toList());
    }

    /** The events of an audit run, in the order they were recorded. */
    public List<AuditEvent> ofRun(String run) {
        return jdbcClient.sql("SELECT " + COLUMNS + " FROM audit_event WHERE audit_run = ? ORDER BY id").param(run)
                .query(AuditLog::event).list();
    }

    /** The events about one replica, in the order they were recorded. */
    public List<AuditEvent> ofReplica(UUID objectId, String location) {
        return jdbcClient.sql("SELECT " + COLUMNS + " FROM audit_event WHERE object_id = ? AND location = ? ORDER BY id")
                .params(objectId, location).query(AuditLog::event).list();
    }

    /** The events of a type recorded since a moment (all types if null), in the order they were recorded. */
    public List<AuditEvent> since(Instant since, AuditEventType type) {
        return jdbcClient.sql("SELECT " + COLUMNS + " FROM audit_event WHERE occurred_at >= ?"
                        + (type == null ? "" : " AND event_type = '" + type.code() + "'") + " ORDER BY id")
                .param(Timestamp.from(since)).query(AuditLog::event).list();
    }

    /** What a run found: replicas checked and intact, failures, repairs, and replicas still damaged at its end. */
    public AuditSummary summary(String run) {
        return jdbcClient.sql("""
                SELECT count(*) FILTER (WHERE event_type IN ('fixity-check', 'fixity-failure')) AS checks,
                       count(*) FILTER (WHERE event_type = 'fixity-check') AS intact,
                       count(*) FILTER (WHERE event_type = 'fixity-failure') AS failures,
                       count(*) FILTER (WHERE event_type = 'repair' AND outcome = 'success') AS repairs,
                       coalesce(sum(size_bytes) FILTER (WHERE event_type IN ('fixity-check', 'fixity-failure')), 0) AS bytes,
                       (SELECT count(*) FROM (SELECT DISTINCT ON (object_id, location) event_type FROM audit_event
                            WHERE audit_run = ? ORDER BY object_id, location, id DESC) last
                        WHERE last.event_type IN ('fixity-failure', 'repair-failure')) AS unresolved
                FROM audit_event WHERE audit_run = ?""")
                .params(run, run)
                .query((rs, n) -> new AuditSummary(rs.getLong("checks"), rs.getLong("intact"), rs.getLong("failures"),
                        rs.getLong("repairs"), rs.getLong("unresolved"), rs.getLong("bytes")))
                .single();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("size_bytes");
        return new AuditEvent(rs.getLong("id"), AuditEventType.of(rs.getString("event_type")),
                rs.getObject("object_id", UUID.class), rs.getObject("document_id", UUID.class),
                rs.getString("location"), rs.getString("object_key"), "success".equals(rs.getString("outcome")),
                rs.getString("detail"), rs.wasNull() ? null : size, rs.getString("agent"), rs.getString("audit_run"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
