package ru.journalarchive.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The objects a close is writing to the storage locations and has not registered yet ({@code pending_write}): recorded
 * and committed before the first byte is written, so that a close failing between writing and registering leaves
 * objects the registry can explain («незавершённое закрытие: повторите закрытие»), never orphans. Registering an
 * object's key (its {@code archived_object} row) removes its entry in the same transaction (a database trigger).
 */
@Component
public class PendingWrites {

    private final JdbcClient jdbc;

    PendingWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An object about to be written: its key, bytes' hash and size, and the close it belongs to, by name. */
    public record PendingWrite(String key, String sha256, long sizeBytes, String schoolId, String className,
                               String periodName, UUID importId, Instant startedAt) {
    }

    /**
     * Records the objects before they are written, in a transaction of its own (it must outlive a failing close);
     * a key already registered or already pending is left as it is.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(List<PendingWrite> writes) {
        for (PendingWrite w : writes) {
            jdbc.sql("""
                    INSERT INTO pending_write (object_key, sha256, size_bytes, school_id, class_name, period_name,
                        import_id, started_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM archived_object WHERE object_key = ?)
                    ON CONFLICT (object_key) DO NOTHING""")
                    .params(w.key(), w.sha256(), w.sizeBytes(), w.schoolId(), w.className(), w.periodName(),
                            w.importId(), Timestamp.from(w.startedAt()), w.key())
                    .update();
        }
    }

    /** The pending entries among these keys. */
    public List<PendingWrite> find(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT object_key, sha256, size_bytes, school_id, class_name, period_name, import_id, started_at
                FROM pending_write WHERE object_key IN (:keys)""")
                .param("keys", List.copyOf(keys))
                .query((rs, n) -> new PendingWrite(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
