package ru.journalarchive.accesslog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every access to archived data (searches, results opened, retrievals, extracts, corrections) in the
 * insert-only {@code access_log} table, and lists it. The one place the search's query text (which may hold a
 * pupil's name) is kept: never in an application log.
 */
@Component
public class AccessLog {

    /** The record class of the access log (retention policy {@code retention-policies/access-log.yaml}). */
    public static final String RECORD_CLASS = "access-log";

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Records one access now (in the caller's transaction, if any) and returns its number in the log. */
    public long record(AccessEntry entry) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jdbc.sql("""
                INSERT INTO access_log (occurred_at, actor, action, document_id, query_text, result_count, purpose,
                    requester, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(Timestamp.from(now), entry.actor(), entry.action().code(), entry.documentId(),
                        entry.queryText(), entry.resultCount(), blankToNull(entry.purpose()),
                        blankToNull(entry.requester()), entry.detail())
                .query(Long.class).single();
    }

    /** The accesses since a moment (null: all) concerning a document (null: any), oldest first. */
    public List<AccessLogEntry> list(Instant since, UUID documentId) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (since != null) {
            where.add("occurred_at >= ?");
            params.add(Timestamp.from(since));
        }
        if (documentId != null) {
            where.add("document_id = ?");
            params.add(documentId);
        }
        return jdbc.sql("SELECT * FROM access_log" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY id")
                .params(params)
                .query((rs, n) -> new AccessLogEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        new AccessEntry(rs.getString("actor"), AccessAction.of(rs.getString("action")),
                                rs.getObject("document_id", UUID.class), rs.getString("query_text"),
                                (Integer) rs.getObject("result_count"), rs.getString("purpose"),
                                rs.getString("requester"), rs.getString("detail"))))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
