package ru.journalarchive.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log read for IT over time: the audit runs newest first, the failures and repairs of documents of some
 * schools newest first (paged), and per day and location how many replicas were verified intact or found damaged.
 */
@Component
public class AuditHistory {

    private final JdbcClient jdbc;

    AuditHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit run: when it checked its first and last replica and its totals (no document named). */
    public record Run(String run, Instant firstEventAt, Instant lastEventAt, long checked, long failures,
                      long repaired, long repairFailures) {
    }

    /**
     * A failure, a repair or a failed repair of one replica, with the document it belongs to.
     *
     * @param detail expected and found hash, the source of a repair
     */
    public record Failure(long id, AuditEventType type, String run, String location, String key, String role,
                          UUID documentId, String schoolId, String academicYear, String periodId, String className,
                          String detail, Instant occurredAt) {
    }

    /** Replicas verified intact and found damaged in one location on one day. */
    public record Day(LocalDate day, String location, long intact, long damaged) {
    }

    /** The latest audit runs, newest first. */
    public List<Run> runs(int limit) {
        return jdbc.sql("""
                SELECT audit_run, min(occurred_at) AS first_at, max(occurred_at) AS last_at,
                       count(*) FILTER (WHERE event_type IN ('fixity-check', 'fixity-failure')) AS checked,
                       count(*) FILTER (WHERE event_type = 'fixity-failure') AS failures,
                       count(*) FILTER (WHERE event_type = 'repair') AS repaired,
                       count(*) FILTER (WHERE event_type = 'repair-failure') AS repair_failures
                FROM audit_event WHERE audit_run IS NOT NULL GROUP BY audit_run ORDER BY max(id) DESC LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Run(rs.getString("audit_run"), rs.getTimestamp("first_at").toInstant(),
                        rs.getTimestamp("last_at").toInstant(), rs.getLong("checked"), rs.getLong("failures"),
                        rs.getLong("repaired"), rs.getLong("repair_failures")))
                .list();
    }

    /** The failures and repairs of documents of these schools, newest first. */
    public List<Failure> failures(Collection<String> schools, int offset, int limit) {
        if (schools.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.id, e.event_type, e.audit_run, e.location, e.object_key, o.role, d.id AS document_id,
                       d.school_id, d.academic_year, d.period_id, d.class_name, e.detail, e.occurred_at
                FROM audit_event e JOIN archived_document d ON d.id = e.document_id
                JOIN archived_object o ON o.id = e.object_id
                WHERE e.event_type <> 'fixity-check' AND d.school_id IN (:schools)
                ORDER BY e.id DESC LIMIT :limit OFFSET :offset""")
                .param("schools", List.copyOf(schools)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Failure(rs.getLong("id"), AuditEventType.of(rs.getString("event_type")),
                        rs.getString("audit_run"), rs.getString("location"), rs.getString("object_key"),
                        rs.getString("role"), rs.getObject("document_id", UUID.class), rs.getString("school_id"),
                        rs.getString("academic_year"), rs.getString("period_id"), rs.getString("class_name"),
                        rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** How many failures and repairs {@link #failures} lists for these schools. */
    public long countFailures(Collection<String> schools) {
        if (schools.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(*) FROM audit_event e JOIN archived_document d ON d.id = e.document_id
                WHERE e.event_type <> 'fixity-check' AND d.school_id IN (:schools)""")
                .param("schools", List.copyOf(schools)).query(Long.class).single();
    }

    /** Per day (in this zone) and location since a moment: replicas verified intact and found damaged. */
    public List<Day> daily(Instant since, ZoneId zone) {
        return jdbc.sql("""
                SELECT (occurred_at AT TIME ZONE :zone)::date AS day, location,
                       count(*) FILTER (WHERE event_type = 'fixity-check') AS intact,
                       count(*) FILTER (WHERE event_type = 'fixity-failure') AS damaged
                FROM audit_event WHERE occurred_at >= :since AND event_type IN ('fixity-check', 'fixity-failure')
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", zone.getId()).param("since", Timestamp.from(since))
                .query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getString("location"),
                        rs.getLong("intact"), rs.getLong("damaged")))
                .list();
    }

    /** The number of registered replicas: what a full audit checks. */
    public long replicaCount() {
        return jdbc.sql("SELECT count(*) FROM replica").query(Long.class).single();
    }
}
