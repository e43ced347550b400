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

    /** Whether the document of an archived object is destroyed or its destruction has begun. */
    public boolean isObjectRetired(UUID objectId) {
        return jdbc.sql("""
                SELECT count(*) FROM archived_object o JOIN retired_document r ON r.document_id = o.document_id
                WHERE o.id = ?""").param(objectId).query(Long.class).single() > 0;
    }

    /** Whether the document is destroyed or its destruction has begun. */
    public boolean isRetired(UUID documentId) {
        return jdbc.sql("SELECT count(*) FROM retired_document WHERE document_id = ?").param(documentId)
                .query(Long.class).single() > 0;
    }

    /**
     * The act number under which a document of this natural key (any version) was destroyed or is being destroyed:
     * such a record is never archived again, whatever a journal system sends.
     */
    public Optional<String> retiredBy(String documentType, String schoolId, String academicYear, String classId,
            String periodId) {
        return jdbc.sql("""
                SELECT a.act_number FROM archived_document d
                JOIN retired_document r ON r.document_id = d.id
                LEFT JOIN document_disposition p ON p.document_id = d.id
                LEFT JOIN document_tombstone t ON t.document_id = d.id
                LEFT JOIN destruction_act a ON a.id = coalesce(t.act_id, p.act_id)
                WHERE d.document_type = ? AND d.school_id = ? AND d.academic_year = ? AND d.class_id = ?
                  AND d.period_id = ?
                ORDER BY d.version LIMIT 1""")
                .params(documentType, schoolId, academicYear, classId, periodId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)).orElse("?")).optional();
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
        purgeContent(tombstone.documentId());
    }

    /**
     * Empties what the database still holds of a destroyed class journal's content (152-ФЗ: destroyed means gone):
     * its frozen canonical JSON (V13 allows exactly this once the tombstone exists), the imported journals of that
     * class and period, and the raw snapshots all of whose classes are thereby emptied. Ids, hashes, dates and sizes
     * stay. Idempotent; called in the tombstone's transaction.
     */
    void purgeContent(UUID documentId) {
        jdbc.sql("""
                UPDATE frozen_journal SET canonical_json = '\\x'::bytea
                WHERE id = (SELECT frozen_journal_id FROM archived_document WHERE id = ?) AND length(canonical_json) > 0""")
                .param(documentId).update();
        jdbc.sql("""
                UPDATE snapshot_import_class c SET journal_json = '\\x'::bytea
                FROM archived_document d, snapshot_import i
                WHERE d.id = ? AND d.frozen_journal_id IS NOT NULL AND i.id = c.import_id
                  AND i.school_id = d.school_id AND i.academic_year = d.academic_year
                  AND c.class_id = d.class_id AND c.period_id = d.period_id AND length(c.journal_json) > 0""")
                .param(documentId).update();
        purgeEmptiedSnapshots();
    }

    /**
     * Empties the imported journal of one class of an import that a close refused because that period was destroyed
     * (a journal system sent it again): nothing of a destroyed record is kept, not even what arrived later.
     */
    public void purgeImportedClass(UUID importId, String classId) {
        jdbc.sql("UPDATE snapshot_import_class SET journal_json = '\\x'::bytea WHERE import_id = ? AND class_id = ?"
                + " AND length(journal_json) > 0").params(importId, classId).update();
        purgeEmptiedSnapshots();
    }

    private void purgeEmptiedSnapshots() {
        jdbc.sql("""
                UPDATE snapshot_import i SET raw_gzip = '\\x'::bytea
                WHERE length(i.raw_gzip) > 0
                  AND NOT EXISTS (SELECT 1 FROM snapshot_import_class c
                                  WHERE c.import_id = i.id AND length(c.journal_json) > 0)""").update();
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
