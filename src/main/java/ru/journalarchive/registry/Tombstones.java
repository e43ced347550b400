package ru.journalarchive.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The end of a document's life in the registry: marks a document whose destruction has begun (so that nothing copies
 * it back), forgets its deleted replicas, and writes the tombstone that says it was destroyed, when, by whom and under
 * which act. The document's registry entry and its objects stay (they are write-once); every reader of the registry's
 * objects skips a retired document (the {@code retired_document} view).
 */
@Component
public class Tombstones {

    /** SQL condition on a document id column: the document is neither destroyed nor being destroyed. */
    public static final String LIVE = "%s NOT IN (SELECT document_id FROM retired_document)";

    private final JdbcClient jdbc;

    Tombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A destroyed document's tombstone. */
    public record Tombstone(UUID documentId, UUID actId, String actNumber, Instant destroyedAt, String destroyedBy) {
    }

    /** Marks the documents of an act whose execution begins; idempotent. */
    public void markDestructionStarted(UUID actId, Collection<UUID> documentIds, Instant at) {
        for (UUID documentId : documentIds) {
            jdbc.sql("""
                    INSERT INTO document_disposition (document_id, act_id, started_at) VALUES (?, ?, ?)
                    ON CONFLICT (document_id) DO NOTHING""")
                    .params(documentId, actId, Timestamp.from(at)).update();
        }
    }

    /** Whether the document is destroyed or its destruction has begun. */
    public boolean isRetired(UUID documentId) {
        return jdbc.sql("SELECT count(*) FROM retired_document WHERE document_id = ?").param(documentId)
                .query(Long.class).single() > 0;
    }

    /** Forgets the replica of an object in a location after the location deleted it (replica rows are deletable). */
    public void forgetReplica(UUID objectId, String location) {
        jdbc.sql("DELETE FROM replica WHERE object_id = ? AND location = ?").params(objectId, location).update();
    }

    /** Writes the tombstone; a document that already has one keeps it. */
    public void record(Tombstone tombstone) {
        jdbc.sql("""
                INSERT INTO document_tombstone (document_id, act_id, act_number, destroyed_at, destroyed_by)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING""")
                .params(tombstone.documentId(), tombstone.actId(), tombstone.actNumber(),
                        Timestamp.from(tombstone.destroyedAt()), tombstone.destroyedBy())
                .update();
    }

    /** The tombstone of a document, if it was destroyed. */
    public Optional<Tombstone> of(UUID documentId) {
        return jdbc.sql("SELECT * FROM document_tombstone WHERE document_id = ?").param(documentId)
                .query((rs, n) -> new Tombstone(rs.getObject("document_id", UUID.class),
                        rs.getObject("act_id", UUID.class), rs.getString("act_number"),
                        rs.getTimestamp("destroyed_at").toInstant(), rs.getString("destroyed_by")))
                .optional();
    }
}
