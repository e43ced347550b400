package ru.journalarchive.backup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of backup media and the log of their use: a medium is registered when its bag is written, then
 * issued and returned, one person at a time, and handed to the director once. Out-of-order steps are refused with a
 * {@link BackupException}.
 */
@Component
public class BackupMedia {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    BackupMedia(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    BackupMedia(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a freshly written medium and the objects it holds. */
    @Transactional
    void register(BackupMedium medium, List<BackupMedium.MediumObject> objects) {
        try {
            jdbc.sql("""
                    INSERT INTO backup_medium (id, medium_type, contents, object_count, size_bytes, written_by,
                        written_at, kept_at, handed_to_director_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(medium.id(), medium.type().code(), medium.contents(), medium.objectCount(),
                            medium.sizeBytes(), medium.writtenBy(), Timestamp.from(medium.writtenAt()), medium.keptAt(),
                            medium.handedToDirectorAt() == null ? null : Timestamp.from(medium.handedToDirectorAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new BackupException("mediumExists", medium.id());
        }
        for (BackupMedium.MediumObject object : objects) {
            jdbc.sql("""
                    INSERT INTO backup_medium_object (medium_id, object_id, object_key, sha256, size_bytes)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(medium.id(), object.objectId(), object.key(), object.sha256(), object.sizeBytes())
                    .update();
        }
    }

    /** Whether a medium of that id is registered. */
    public boolean exists(String mediumId) {
        return jdbc.sql("SELECT count(*) FROM backup_medium WHERE id = ?").param(mediumId).query(Long.class)
                .single() > 0;
    }

    /**
     * Records that a medium was issued to a person for a purpose.
     *
     * @throws BackupException {@code unknownMedium}, or {@code alreadyIssued} naming to whom and since when
     */
    @Transactional
    public BackupMedium issue(String mediumId, String issuedTo, String purpose, String recordedBy) {
        BackupMedium medium = get(mediumId);
        Optional<BackupMedium.Use> current = medium.currentUse();
        if (current.isPresent()) {
            throw new BackupException("alreadyIssued", mediumId, current.get().issuedTo(), current.get().issuedAt());
        }
        requireText("issuedTo", issuedTo);
        requireText("purpose", purpose);
        try {
            jdbc.sql("""
                    INSERT INTO backup_use (id, medium_id, issued_to, purpose, issued_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), mediumId, issuedTo.strip(), purpose.strip(),
                            Timestamp.from(clock.instant()), recordedBy)
                    .update();
        } catch (DuplicateKeyException e) { // issued concurrently by someone else
            BackupMedium.Use use = get(mediumId).currentUse().orElseThrow(() -> e);
            throw new BackupException("alreadyIssued", mediumId, use.issuedTo(), use.issuedAt());
        }
        return get(mediumId);
    }

    /**
     * Records the return of an issued medium.
     *
     * @throws BackupException {@code unknownMedium}, or {@code notIssued} if the medium is not out
     */
    @Transactional
    public BackupMedium returned(String mediumId, String recordedBy) {
        get(mediumId);
        int updated = jdbc.sql("""
                UPDATE backup_use SET returned_at = ?, return_recorded_by = ?
                WHERE medium_id = ? AND returned_at IS NULL""")
                .params(Timestamp.from(clock.instant()), recordedBy, mediumId).update();
        if (updated == 0) {
            throw new BackupException("notIssued", mediumId);
        }
        return get(mediumId);
    }

    /**
     * Records that the medium was handed to the director (once).
     *
     * @throws BackupException {@code unknownMedium}, or {@code alreadyHandedOver} with the date it was
     */
    @Transactional
    public BackupMedium handOver(String mediumId) {
        BackupMedium medium = get(mediumId);
        if (medium.handedToDirectorAt() != null) {
            throw new BackupException("alreadyHandedOver", mediumId, medium.handedToDirectorAt());
        }
        jdbc.sql("UPDATE backup_medium SET handed_to_director_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), mediumId).update();
        return get(mediumId);
    }

    /** Records where the medium is kept now. */
    public BackupMedium keptAt(String mediumId, String keptAt) {
        get(mediumId);
        jdbc.sql("UPDATE backup_medium SET kept_at = ? WHERE id = ?").params(keptAt, mediumId).update();
        return get(mediumId);
    }

    /**
     * A medium with its use log.
     *
     * @throws BackupException {@code unknownMedium}
     */
    public BackupMedium get(String mediumId) {
        return find(mediumId).orElseThrow(() -> new BackupException("unknownMedium", mediumId));
    }

    /** A medium with its use log, if registered. */
    public Optional<BackupMedium> find(String mediumId) {
        return query("WHERE m.id = ?", List.of(mediumId)).stream().findFirst();
    }

    /** Every medium with its use log, in the order they were written. */
    public List<BackupMedium> list() {
        return query("", List.of());
    }

    /**
     * The media holding at least one object of every one of these documents (e.g. the class journals of a school's
     * period: the medium of that period's backup), in the order they were written.
     */
    public List<BackupMedium> holdingAll(java.util.Collection<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = jdbc.sql("""
                SELECT mo.medium_id FROM backup_medium_object mo JOIN archived_object o ON o.id = mo.object_id
                WHERE o.document_id = ANY(?) GROUP BY mo.medium_id HAVING count(DISTINCT o.document_id) = ?""")
                .params(documentIds.toArray(new UUID[0]), documentIds.size()).query(String.class).list();
        return list().stream().filter(m -> ids.contains(m.id())).toList();
    }

    /** The objects a medium holds, by key order. */
    public List<BackupMedium.MediumObject> objects(String mediumId) {
        return jdbc.sql("""
                SELECT object_id, object_key, sha256, size_bytes FROM backup_medium_object WHERE medium_id = ?
                ORDER BY object_key""")
                .param(mediumId)
                .query((rs, n) -> new BackupMedium.MediumObject(rs.getObject("object_id", UUID.class),
                        rs.getString("object_key"), rs.getString("sha256"), rs.getLong("size_bytes")))
                .list();
    }

    private List<BackupMedium> query(String where, List<?> params) {
        Map<String, BackupMedium> media = new LinkedHashMap<>();
        Map<String, List<BackupMedium.Use>> uses = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.*, u.issued_to, u.purpose, u.issued_at, u.recorded_by, u.returned_at, u.return_recorded_by
                FROM backup_medium m LEFT JOIN backup_use u ON u.medium_id = m.id
                %s ORDER BY m.written_at, m.id, u.issued_at""".formatted(where))
                .params(params)
                .query(rs -> {
                    String id = rs.getString("id");
                    if (!media.containsKey(id)) {
                        uses.put(id, new ArrayList<>());
                        media.put(id, new BackupMedium(id, MediumType.of(rs.getString("medium_type")),
                                rs.getString("contents"), rs.getInt("object_count"), rs.getLong("size_bytes"),
                                rs.getString("written_by"), rs.getTimestamp("written_at").toInstant(),
                                rs.getString("kept_at"), instant(rs.getTimestamp("handed_to_director_at")),
                                List.of()));
                    }
                    if (rs.getTimestamp("issued_at") != null) {
                        uses.get(id).add(new BackupMedium.Use(rs.getString("issued_to"), rs.getString("purpose"),
                                rs.getTimestamp("issued_at").toInstant(), rs.getString("recorded_by"),
                                instant(rs.getTimestamp("returned_at")), rs.getString("return_recorded_by")));
                    }
                });
        return media.values().stream().map(m -> new BackupMedium(m.id(), m.type(), m.contents(), m.objectCount(),
                m.sizeBytes(), m.writtenBy(), m.writtenAt(), m.keptAt(), m.handedToDirectorAt(),
                List.copyOf(uses.get(m.id())))).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new BackupException("blank." + what);
        }
    }
}
