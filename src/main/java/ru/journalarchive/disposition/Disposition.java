package ru.journalarchive.disposition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.storage.DestroyedObject;
import ru.journalarchive.storage.DestructionRefusedException;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Executes an approved destruction act, in the steps of {@code dispositionJob}: {@link #begin} (re-check, mark the
 * documents as being destroyed), {@link #destroy} per document (every object in every location, a certificate entry
 * each, the replica forgotten, then the tombstone), {@link #finish} (flag the backup media, executed). Every step is
 * idempotent and touches only the documents frozen into the act, so a restarted run finishes the rest.
 */
@Service
public class Disposition {

    private static final Logger log = LoggerFactory.getLogger(Disposition.class);

    private final ActRepository acts;
    private final ActBlockers blockers;
    private final DocumentRegistry registry;
    private final Tombstones tombstones;
    private final StorageLocations locations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Disposition(ActRepository acts, ActBlockers blockers, DocumentRegistry registry, Tombstones tombstones,
            StorageLocations locations, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.events = events;
        this.acts = acts;
        this.blockers = blockers;
        this.registry = registry;
        this.tombstones = tombstones;
        this.locations = locations;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    private JdbcClient jdbc() {
        return acts.jdbc();
    }

    /** The act, for a launcher that must refuse before starting the job. */
    public DestructionAct act(UUID actId) {
        return acts.get(actId).orElseThrow(() -> new DispositionException("act.unknown", actId));
    }

    /**
     * Checks an approved act once more (a hold placed after approval, a term not yet expired today …) and, when
     * nothing blocks it, marks its documents as being destroyed and the act as executing. An act already executing
     * (a restart) goes on; any other status is refused.
     *
     * @throws DispositionException listing every blocked document; nothing is deleted then
     */
    @Transactional
    public DestructionAct begin(UUID actId, String by) {
        DestructionAct act = act(actId);
        if (act.status() == ActStatus.EXECUTING || act.status() == ActStatus.EXECUTED) {
            return act;
        }
        if (act.status() != ActStatus.APPROVED || act.documentId() == null) {
            throw DestructionActs.wrongStatus(act, "act.step.execute");
        }
        // The law's test, again at execution (a term may have been lengthened since the draft): the term must have
        // expired by 1 January of the year the act was drawn up in.
        List<String> blocked = blockers.of(act.documentIds(), act.id(), LocalDate.of(act.year(), 1, 1));
        if (!blocked.isEmpty()) {
            throw new DispositionException("act.blocked", act.number(), blocked.size(), String.join("\n", blocked));
        }
        tombstones.markDestructionStarted(act.id(), act.documentIds(), clock.instant());
        acts.startExecution(act.id(), by, clock.instant());
        return act(actId);
    }

    /** The act's documents not yet tombstoned, in the act's order. */
    public List<UUID> remaining(UUID actId) {
        return jdbc().sql("""
                SELECT d.document_id FROM destruction_act_document d
                WHERE d.act_id = ? AND NOT EXISTS (SELECT 1 FROM document_tombstone t WHERE t.document_id = d.document_id)
                ORDER BY d.row_no, d.document_id""")
                .param(actId).query(UUID.class).list();
    }

    /**
     * Destroys one document of an executing act: for each of its objects and each location (configured, or holding a
     * registered replica) deletes the key, records the certificate entry and forgets the replica; then the tombstone.
     *
     * @throws IllegalStateException if the document is not in the act, or the act is not executing
     */
    public void destroy(UUID actId, UUID documentId, String by) {
        DestructionAct act = act(actId);
        if (act.status() != ActStatus.EXECUTING) {
            throw DestructionActs.wrongStatus(act, "act.step.execute");
        }
        if (!act.documentIds().contains(documentId)) {
            throw new IllegalStateException("document " + documentId + " is not in act " + act.number());
        }
        ArchivedDocument document = registry.get(documentId);
        // Every copy is checked first (S3 Object Lock retention, legal hold), so a protected copy anywhere refuses the
        // whole document before any of its copies is deleted: nothing of it is lost while it cannot be destroyed.
        for (ArchivedDocument.ArchivedObject object : document.objects()) {
            for (String name : locationsOf(object)) {
                try {
                    locations.get(name).requireDestroyable(object.key());
                } catch (DestructionRefusedException refused) {
                    throw refusal(act, document, name, refused);
                }
            }
        }
        int entries = 0;
        for (ArchivedDocument.ArchivedObject object : document.objects()) {
            for (String name : locationsOf(object)) {
                StorageLocation location = locations.get(name);
                DestroyedObject destroyed;
                try {
                    destroyed = location.destroy(object.key());
                } catch (DestructionRefusedException refused) {
                    throw refusal(act, document, name, refused);
                }
                record(act, document, object, destroyed, by);
                tombstones.forgetReplica(object.id(), name);
                entries++;
            }
        }
        tombstones.record(new Tombstones.Tombstone(documentId, act.id(), act.number(), clock.instant(), by));
        log.info("Document {} destroyed under act {}", documentId, act.id());
        events.publishEvent(new DocumentDestroyed(act.id(), act.number(), documentId, entries));
    }

    /** Every configured location, and any other that holds a registered replica of the object. */
    private Set<String> locationsOf(ArchivedDocument.ArchivedObject object) {
        Set<String> where = new LinkedHashSet<>();
        locations.all().forEach(l -> where.add(l.name()));
        object.replicas().forEach(r -> where.add(r.location()));
        return where;
    }

    private static IllegalStateException refusal(DestructionAct act, ArchivedDocument document, String location,
            DestructionRefusedException refused) {
        String why = refused.reason() == DestructionRefusedException.Reason.LEGAL_HOLD
                ? DispositionMessages.get("storage.legalHold", refused.key(), location)
                : DispositionMessages.get("storage.locked", refused.key(), location,
                        refused.retainUntil() == null ? null : refused.retainUntil().toString());
        return new IllegalStateException(DispositionMessages.get("storage.refused", act.number(), document.id(),
                document.className(), document.academicYear(), why), refused);
    }

    private void record(DestructionAct act, ArchivedDocument document, ArchivedDocument.ArchivedObject object,
            DestroyedObject destroyed, String by) {
        jdbc().sql("""
                INSERT INTO destruction_certificate_entry (act_id, document_id, object_id, role, location, object_key,
                    sha256, size_bytes, versions, deleted_at, deleted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (act_id, object_id, location) DO NOTHING""")
                .params(act.id(), document.id(), object.id(), object.role(), destroyed.location(), object.key(),
                        object.sha256(), object.sizeBytes(), destroyed.versions(),
                        Timestamp.from(destroyed.destroyedAt()), by)
                .update();
    }

    /**
     * Flags the backup media that hold objects of the act's documents and marks the act executed, once every document
     * has its tombstone.
     */
    @Transactional
    public DestructionAct finish(UUID actId, String by) {
        DestructionAct act = act(actId);
        if (act.status() == ActStatus.EXECUTED) {
            return act;
        }
        if (!remaining(actId).isEmpty()) {
            throw new IllegalStateException("act " + act.number() + " still has documents to destroy");
        }
        jdbc().sql("""
                INSERT INTO destruction_medium (act_id, medium_id, object_count, flagged_at)
                SELECT ?, m.medium_id, count(*), ? FROM backup_medium_object m
                JOIN archived_object o ON o.id = m.object_id
                JOIN destruction_act_document d ON d.document_id = o.document_id AND d.act_id = ?
                GROUP BY m.medium_id
                ON CONFLICT (act_id, medium_id) DO NOTHING""")
                .params(act.id(), Timestamp.from(clock.instant()), act.id()).update();
        acts.executed(act.id(), by, clock.instant());
        return act(actId);
    }

    /** The destruction certificate of an act: every object × location deleted, in the act's order. */
    public List<CertificateEntry> certificate(UUID actId) {
        return jdbc().sql("""
                SELECT c.* FROM destruction_certificate_entry c
                JOIN destruction_act_document d ON d.act_id = c.act_id AND d.document_id = c.document_id
                WHERE c.act_id = ? ORDER BY d.row_no, c.document_id, c.role, c.location""")
                .param(actId)
                .query((rs, n) -> new CertificateEntry(rs.getObject("document_id", UUID.class),
                        rs.getObject("object_id", UUID.class), rs.getString("role"), rs.getString("location"),
                        rs.getString("object_key"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        rs.getInt("versions"), rs.getTimestamp("deleted_at").toInstant(), rs.getString("deleted_by")))
                .list();
    }

    /** The backup media flagged for physical destruction by an act. */
    public List<FlaggedMedium> media(UUID actId) {
        return jdbc().sql("""
                SELECT f.*, b.medium_type, b.kept_at FROM destruction_medium f JOIN backup_medium b ON b.id = f.medium_id
                WHERE f.act_id = ? ORDER BY f.medium_id""")
                .param(actId)
                .query((rs, n) -> new FlaggedMedium(rs.getString("medium_id"), rs.getString("medium_type"),
                        rs.getString("kept_at"), rs.getInt("object_count"), rs.getTimestamp("flagged_at").toInstant(),
                        rs.getString("confirmed_by"), rs.getTimestamp("confirmed_at") == null ? null
                                : rs.getTimestamp("confirmed_at").toInstant()))
                .list();
    }

    /** The objects of the act's documents that a flagged medium holds, by key. */
    public List<FlaggedMedium.HeldObject> objectsOn(UUID actId, String mediumId) {
        return jdbc().sql("""
                SELECT o.document_id, o.role, m.object_key, m.sha256 FROM backup_medium_object m
                JOIN archived_object o ON o.id = m.object_id
                JOIN destruction_act_document d ON d.document_id = o.document_id AND d.act_id = ?
                WHERE m.medium_id = ? ORDER BY m.object_key""")
                .params(actId, mediumId)
                .query((rs, n) -> new FlaggedMedium.HeldObject(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Records the archivist's confirmation that a flagged medium was physically destroyed; once. */
    @Transactional
    public FlaggedMedium confirmMedium(UUID actId, String mediumId, String by) {
        if (by == null || by.isBlank()) {
            throw new DispositionException("act.field.blank", "--by");
        }
        DestructionAct act = act(actId);
        FlaggedMedium medium = media(actId).stream().filter(m -> m.mediumId().equals(mediumId)).findFirst()
                .orElseThrow(() -> new DispositionException("medium.unknown", mediumId, act.number()));
        if (medium.confirmedAt() != null) {
            throw new DispositionException("medium.confirmed", mediumId, act.number(), medium.confirmedBy(),
                    medium.confirmedAt());
        }
        jdbc().sql("UPDATE destruction_medium SET confirmed_by = ?, confirmed_at = ? WHERE act_id = ? AND medium_id = ?")
                .params(by, Timestamp.from(clock.instant()), actId, mediumId).update();
        return media(actId).stream().filter(m -> m.mediumId().equals(mediumId)).findFirst().orElseThrow();
    }

    /** Every remaining copy of the act's objects in any configured location (empty after a complete execution). */
    public List<String> leftovers(UUID actId) {
        List<String> left = new ArrayList<>();
        for (UUID id : act(actId).documentIds()) {
            for (ArchivedDocument.ArchivedObject object : registry.get(id).objects()) {
                for (StorageLocation location : locations.all()) {
                    if (location.exists(object.key())) {
                        left.add(location.describe(object.key()));
                    }
                }
            }
        }
        return left;
    }
}
