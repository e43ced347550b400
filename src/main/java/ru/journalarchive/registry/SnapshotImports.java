package ru.journalarchive.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of accepted snapshots and of each class's close; an identical snapshot is registered once.
 */
@Component
public class SnapshotImports {

    private final JdbcClient jdbc;

    SnapshotImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a validated snapshot in one transaction, or returns the import of identical bytes made earlier. */
    @Transactional
    public ImportedSnapshot register(NewImport snapshot) {
        return registerOnce(snapshot).snapshot();
    }

    /**
     * The import of a snapshot, and whether this call created it.
     *
     * @param snapshot the import, new or made earlier from identical bytes
     * @param created  true if this call registered it; false if identical bytes were registered before (or at the
     *                 same moment by another request)
     */
    public record Registration(ImportedSnapshot snapshot, boolean created) {
    }

    /**
     * Registers a validated snapshot in one transaction, or returns the import of identical bytes. Safe against two
     * identical uploads at the same moment: the insert yields to the unique SHA-256 ({@code ON CONFLICT DO NOTHING}
     * waits for the other transaction and then inserts nothing), and the other's import is returned.
     */
    @Transactional
    public Registration registerOnce(NewImport snapshot) {
        Optional<UUID> existing = findIdBySha256(snapshot.sha256());
        if (existing.isPresent()) {
            return new Registration(get(existing.get()), false);
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO snapshot_import (id, sha256, school_id, school_name, academic_year, exported_at,
                    source_system, source_file, size_bytes, raw_gzip, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sha256) DO NOTHING""")
                .params(id, snapshot.sha256(), snapshot.schoolId(), snapshot.schoolName(), snapshot.academicYear(),
                        snapshot.exportedAt(), snapshot.sourceSystem(), snapshot.sourceFile(), snapshot.sizeBytes(),
                        snapshot.rawGzip(), Timestamp.from(Instant.now()))
                .update();
        if (inserted == 0) {
            // Identical bytes committed by a concurrent request while this one validated: answer with its import
            // (READ COMMITTED: this statement sees the row the conflict waited for).
            return new Registration(get(findIdBySha256(snapshot.sha256()).orElseThrow()), false);
        }
        for (NewImport.NewClass c : snapshot.classes()) {
            jdbc.sql("""
                    INSERT INTO snapshot_import_class (import_id, class_id, class_name, grade, period_id, journal_json)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, c.classId(), c.className(), c.grade(), c.periodId(), c.journalJson())
                    .update();
        }
        return new Registration(get(id), true);
    }

    /** The id of the import of bytes with this SHA-256, if any. */
    public Optional<UUID> findIdBySha256(String sha256) {
        return jdbc.sql("SELECT id FROM snapshot_import WHERE sha256 = ?").param(sha256).query(UUID.class).optional();
    }

    /** An import with its classes. */
    public ImportedSnapshot get(UUID id) {
        List<ImportedSnapshot.ImportedClass> classes = jdbc.sql("""
                SELECT class_id, class_name, grade, period_id, close_status, close_message, document_id
                FROM snapshot_import_class WHERE import_id = ? ORDER BY grade, class_name, class_id""")
                .param(id)
                .query((rs, n) -> new ImportedSnapshot.ImportedClass(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), ImportedSnapshot.CloseStatus.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, UUID.class)))
                .list();
        return jdbc.sql("SELECT * FROM snapshot_import WHERE id = ?").param(id)
                .query((rs, n) -> new ImportedSnapshot(id, rs.getString("sha256"), rs.getString("school_id"),
                        rs.getString("school_name"), rs.getString("academic_year"), rs.getString("exported_at"),
                        rs.getString("source_system"), rs.getString("source_file"), rs.getLong("size_bytes"),
                        rs.getTimestamp("received_at").toInstant(), classes))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no snapshot import " + id));
    }

    /** The class's journal JSON as accepted. */
    public byte[] journalJson(UUID importId, String classId) {
        return jdbc.sql("SELECT journal_json FROM snapshot_import_class WHERE import_id = ? AND class_id = ?")
                .params(importId, classId).query(byte[].class).single();
    }

    /** Records how a class's close ended. */
    public void recordClose(UUID importId, String classId, ImportedSnapshot.CloseStatus status, String message,
            UUID documentId) {
        jdbc.sql("""
                UPDATE snapshot_import_class SET close_status = ?, close_message = ?, document_id = ?, closed_at = ?
                WHERE import_id = ? AND class_id = ?""")
                .params(status.name(), message, documentId, Timestamp.from(Instant.now()), importId, classId)
                .update();
    }

    /** The imports of these schools, the newest first (at most {@code limit}), each with its classes. */
    public List<ImportedSnapshot> ofSchools(java.util.Collection<String> schoolIds, int limit) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM snapshot_import WHERE school_id IN (:schools) "
                        + "ORDER BY received_at DESC, id LIMIT :limit")
                .param("schools", List.copyOf(schoolIds)).param("limit", limit)
                .query(UUID.class).list().stream().map(this::get).toList();
    }

    /** Number of accepted snapshots: for tests and reports. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM snapshot_import").query(Long.class).single();
    }
}
