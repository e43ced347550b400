package ru.journalarchive.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the registry's replicas for the audit, in pages ordered by location and key (a stable order, so a run can
 * resume after the last replica it finished), and picks the cut-off of a rolling share. Read-only.
 */
@Component
class ReplicaCatalog {

    private static final String SELECT = """
            SELECT p.object_id, o.document_id, o.role, p.object_key, o.sha256, o.size_bytes, p.location, p.verified_at,
                   r.eligible_for_destruction_from
            FROM replica p
            JOIN archived_object o ON o.id = p.object_id
            JOIN document_retention r ON r.document_id = o.document_id
            WHERE o.document_id NOT IN (SELECT document_id FROM retired_document)
            """;

    private final JdbcClient jdbc;

    ReplicaCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} replicas after (location, key), last verified no later than {@code verifiedUpTo} if set. */
    List<AuditedReplica> page(String afterLocation, String afterKey, Instant verifiedUpTo, int limit) {
        List<Object> params = new ArrayList<>(List.of(afterLocation, afterKey));
        String condition = "(p.location, p.object_key) > (?, ?)";
        if (verifiedUpTo != null) {
            condition += " AND p.verified_at <= ?";
            params.add(Timestamp.from(verifiedUpTo));
        }
        params.add(limit);
        return jdbc.sql(SELECT + "AND " + condition + " ORDER BY p.location, p.object_key LIMIT ?")
                .params(params).query(ReplicaCatalog::replica).list();
    }

    /** The other registered replicas of an object. */
    List<AuditedReplica> otherReplicas(UUID objectId, String location) {
        return jdbc.sql(SELECT + "AND p.object_id = ? AND p.location <> ? ORDER BY p.verified_at DESC, p.location")
                .params(objectId, location).query(ReplicaCatalog::replica).list();
    }

    /**
     * The last verification time among the {@code share} of replicas verified longest ago: a rolling run checks the
     * replicas verified no later than it. Empty when nothing is registered.
     */
    Optional<Instant> rollingCutoff(double share) {
        long total = jdbc.sql("SELECT count(*) FROM replica").query(Long.class).single();
        if (total == 0) {
            return Optional.empty();
        }
        long n = Math.max(1, (long) Math.ceil(share * total));
        return jdbc.sql("SELECT verified_at FROM replica ORDER BY verified_at, location, object_key OFFSET ? LIMIT 1")
                .param(Math.min(n, total) - 1).query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    private static AuditedReplica replica(ResultSet rs, int row) throws SQLException {
        return new AuditedReplica(rs.getObject("object_id", UUID.class), rs.getObject("document_id", UUID.class),
                rs.getString("role"), rs.getString("object_key"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getString("location"), rs.getTimestamp("verified_at").toInstant(),
                rs.getObject("eligible_for_destruction_from", LocalDate.class));
    }
}
