package ru.journalarchive.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers archived documents, their objects, replicas and retention, and lists them; registration is idempotent
 * so that a restarted job never duplicates a row.
 */
@Component
public class DocumentRegistry {

    private final JdbcClient jdbc;

    private final Tombstones tombstones;

    DocumentRegistry(JdbcClient jdbc, Tombstones tombstones) {
        this.jdbc = jdbc;
        this.tombstones = tombstones;
    }

    /**
     * Registers a document whose objects are all stored and verified; for an already registered document (a
     * restarted close) only replicas not yet registered are added.
     *
     * @throws IllegalStateException if the document is registered with different content
     */
    @Transactional
    public ArchivedDocument register(DocumentRegistration registration) {
        Optional<ArchivedDocument> existing = find(registration.documentType(), registration.schoolId(),
                registration.academicYear(), registration.classId(), registration.periodId(), registration.version());
        UUID documentId;
        if (existing.isPresent() && tombstones.isRetired(existing.get().id())) {
            throw new IllegalStateException("document " + existing.get().id() + " was destroyed under a destruction act"
                    + " (or is being): it is never registered again");
        }
        if (existing.isPresent()) {
            documentId = existing.get().id();
            for (DocumentRegistration.ObjectRegistration object : registration.objects()) {
                ArchivedDocument.ArchivedObject registered = existing.get().object(object.role()).orElseThrow(
                        () -> new IllegalStateException("registered document " + documentId + " has no " + object.role()));
                if (!registered.sha256().equals(object.sha256())) {
                    throw new IllegalStateException("document " + documentId + " is registered with another "
                            + object.role() + " (" + registered.sha256() + " ≠ " + object.sha256() + ")");
                }
                insertReplicas(registered.id(), object.replicas());
            }
        } else {
            documentId = UUID.randomUUID();
            Instant now = Instant.now();
            jdbc.sql("""
                    INSERT INTO archived_document (id, document_type, school_id, academic_year, class_id, class_name,
                        period_id, version, frozen_journal_id, pdfa_flavour, page_count, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(documentId, registration.documentType(), registration.schoolId(),
                            registration.academicYear(), registration.classId(), registration.className(),
                            registration.periodId(), registration.version(), registration.frozenJournalId(),
                            registration.pdfaFlavour(), registration.pageCount(), Timestamp.from(now))
                    .update();
            for (DocumentRegistration.ObjectRegistration object : registration.objects()) {
                UUID objectId = UUID.randomUUID();
                jdbc.sql("""
                        INSERT INTO archived_object (id, document_id, role, object_key, media_type, sha256, size_bytes,
                            created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(objectId, documentId, object.role(), object.key(), object.mediaType(), object.sha256(),
                                object.sizeBytes(), Timestamp.from(now))
                        .update();
                insertReplicas(objectId, object.replicas());
            }
            ArchivedDocument.Retention retention = registration.retention();
            jdbc.sql("""
                    INSERT INTO document_retention (document_id, record_class, term_years, eligible_for_destruction_from)
                    VALUES (?, ?, ?, ?)""")
                    .params(documentId, retention.recordClass(), retention.termYears(),
                            retention.eligibleForDestructionFrom())
                    .update();
        }
        return get(documentId);
    }

    private void insertReplicas(UUID objectId, List<ArchivedDocument.Replica> replicas) {
        for (ArchivedDocument.Replica replica : replicas) {
            jdbc.sql("""
                    INSERT INTO replica (object_id, location, object_key, sha256, stored_at, verified_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (object_id, location) DO NOTHING""")
                    .params(objectId, replica.location(), replica.key(), replica.sha256(),
                            Timestamp.from(replica.storedAt()), Timestamp.from(replica.verifiedAt()))
                    .update();
        }
    }

    /**
     * Registers the signed rendition of a document (object role {@link ArchivedDocument#ROLE_SIGNED_PDF}) with its
     * signature; for a rendition already registered with the same bytes only missing replicas are added.
     *
     * @throws IllegalStateException if the document already has a signed rendition with other bytes
     */
    @Transactional
    public ArchivedDocument registerSignedRendition(SignatureRegistration registration) {
        ArchivedDocument document = get(registration.documentId());
        DocumentRegistration.ObjectRegistration pdf = registration.signedPdf();
        Optional<ArchivedDocument.ArchivedObject> existing = document.object(ArchivedDocument.ROLE_SIGNED_PDF);
        if (existing.isPresent()) {
            if (!existing.get().sha256().equals(pdf.sha256())) {
                throw new IllegalStateException("document " + document.id() + " is already signed: its signed rendition "
                        + existing.get().sha256() + " differs from " + pdf.sha256());
            }
            insertReplicas(existing.get().id(), pdf.replicas());
            return get(document.id());
        }
        UUID objectId = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO archived_object (id, document_id, role, object_key, media_type, sha256, size_bytes,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(objectId, document.id(), ArchivedDocument.ROLE_SIGNED_PDF, pdf.key(), pdf.mediaType(),
                        pdf.sha256(), pdf.sizeBytes(), Timestamp.from(now))
                .update();
        insertReplicas(objectId, pdf.replicas());
        SignatureRegistration.SignatureInfo sig = registration.signature();
        jdbc.sql("""
                INSERT INTO document_signature (object_id, signer_subject, certificate_serial, certificate_sha256,
                    algorithm, signing_time, tsa, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(objectId, sig.signerSubject(), sig.certificateSerial(), sig.certificateSha256(),
                        sig.algorithm(), Timestamp.from(sig.signingTime()), sig.tsa(), Timestamp.from(now))
                .update();
        return get(document.id());
    }

    /** The signature of a document's signed rendition, if it is signed. */
    public Optional<SignatureRegistration.SignatureInfo> signature(UUID documentId) {
        return jdbc.sql("""
                SELECT s.* FROM document_signature s JOIN archived_object o ON o.id = s.object_id
                WHERE o.document_id = ? AND o.role = ?""")
                .params(documentId, ArchivedDocument.ROLE_SIGNED_PDF)
                .query((rs, n) -> new SignatureRegistration.SignatureInfo(rs.getString("signer_subject"),
                        rs.getString("certificate_serial"), rs.getString("certificate_sha256"),
                        rs.getString("algorithm"), rs.getTimestamp("signing_time").toInstant(), rs.getString("tsa")))
                .optional();
    }

    /** The ids of documents matching a query that have no signed rendition yet, in registry order. */
    public List<UUID> unsigned(DocumentQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        addFilter(where, params, "d.school_id", q.schoolId());
        addFilter(where, params, "d.academic_year", q.academicYear());
        addFilter(where, params, "d.period_id", q.periodId());
        addFilter(where, params, "d.class_id", q.classId());
        where.add("NOT EXISTS (SELECT 1 FROM archived_object o WHERE o.document_id = d.id AND o.role = ?)");
        where.add(Tombstones.LIVE.formatted("d.id")); // a destroyed document is never signed
        params.add(ArchivedDocument.ROLE_SIGNED_PDF);
        return jdbc.sql("SELECT d.id FROM archived_document d WHERE " + String.join(" AND ", where)
                        + " ORDER BY d.school_id, d.academic_year, d.period_id, d.class_id, d.version")
                .params(params).query(UUID.class).list();
    }

    /**
     * Registers a verified replica of an object in a location (e.g. a location rebuilt from a backup medium): adds it
     * if the location has none yet, else only records the new verification time (a replica's key and hash never
     * change).
     *
     * @throws IllegalArgumentException if the replica's hash is not the object's registered hash
     */
    @Transactional
    public void addReplica(UUID objectId, ArchivedDocument.Replica replica) {
        String sha256 = jdbc.sql("SELECT sha256 FROM archived_object WHERE id = ?").param(objectId)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no archived object " + objectId));
        if (tombstones.isObjectRetired(objectId)) {
            throw new IllegalStateException("object " + objectId + " belongs to a destroyed document; its replicas are"
                    + " gone for good and are never registered again");
        }
        if (!sha256.equals(replica.sha256())) {
            throw new IllegalArgumentException("replica of object " + objectId + " in " + replica.location()
                    + " has SHA-256 " + replica.sha256() + ", the object is registered with " + sha256);
        }
        insertReplicas(objectId, List.of(replica));
        recordVerified(objectId, replica.location(), replica.verifiedAt());
    }

    /** An object that has no replica in a location, with what a copy needs. */
    public record MissingReplica(UUID objectId, String key, String sha256, long sizeBytes,
                                 java.time.LocalDate retainUntil, String location) {
    }

    /** Every (object, location) pair among the given locations where the object has no replica yet. */
    public List<MissingReplica> missingReplicas(List<String> locationNames) {
        return jdbc.sql("""
                SELECT o.id, o.object_key, o.sha256, o.size_bytes, r.eligible_for_destruction_from, l.name
                FROM archived_object o
                JOIN document_retention r ON r.document_id = o.document_id
                CROSS JOIN unnest(?::text[]) AS l(name)
                WHERE NOT EXISTS (SELECT 1 FROM replica p WHERE p.object_id = o.id AND p.location = l.name)
                  AND o.document_id NOT IN (SELECT document_id FROM retired_document)
                ORDER BY o.created_at, o.id, l.name""")
                .param(locationNames.toArray(new String[0]))
                .query((rs, n) -> new MissingReplica(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getObject(5, java.time.LocalDate.class), rs.getString(6)))
                .list();
    }

    /** The registered replicas of an object. */
    public List<ArchivedDocument.Replica> replicasOf(UUID objectId) {
        return jdbc.sql("SELECT location, object_key, sha256, stored_at, verified_at FROM replica WHERE object_id = ?"
                        + " ORDER BY verified_at DESC")
                .param(objectId)
                .query((rs, n) -> new ArchivedDocument.Replica(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Records that a replica was re-hashed and matched the registry. */
    public void recordVerified(UUID objectId, String location, Instant verifiedAt) {
        jdbc.sql("UPDATE replica SET verified_at = ? WHERE object_id = ? AND location = ?")
                .params(Timestamp.from(verifiedAt), objectId, location).update();
    }

    /** A document by id. */
    public ArchivedDocument get(UUID id) {
        return query("d.id = ?", List.of(id)).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no archived document " + id));
    }

    /** A document by its natural key. */
    public Optional<ArchivedDocument> find(String documentType, String schoolId, String academicYear, String classId,
            String periodId, int version) {
        return query("d.document_type = ? AND d.school_id = ? AND d.academic_year = ? AND d.class_id = ?"
                        + " AND d.period_id = ? AND d.version = ?",
                List.of(documentType, schoolId, academicYear, classId, periodId, version)).stream().findFirst();
    }

    /**
     * The documents matching a query, ordered by school, year, period and class; destroyed documents (and those being
     * destroyed) are not listed: their tombstones are, by {@link Tombstones}.
     */
    public List<ArchivedDocument> list(DocumentQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add(Tombstones.LIVE.formatted("d.id"));
        addFilter(where, params, "d.school_id", q.schoolId());
        addFilter(where, params, "d.academic_year", q.academicYear());
        addFilter(where, params, "d.period_id", q.periodId());
        addFilter(where, params, "d.class_id", q.classId());
        return query(String.join(" AND ", where), params);
    }

    /**
     * The destroyed documents (those with a tombstone) matching a query, in the same order as {@link #list}: their
     * registry entries and objects stay, their replicas are gone.
     */
    public List<ArchivedDocument> listDestroyed(DocumentQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("d.id IN (SELECT document_id FROM document_tombstone)");
        addFilter(where, params, "d.school_id", q.schoolId());
        addFilter(where, params, "d.academic_year", q.academicYear());
        addFilter(where, params, "d.period_id", q.periodId());
        addFilter(where, params, "d.class_id", q.classId());
        return query(String.join(" AND ", where), params);
    }

    /** Number of registered documents, objects and replicas: for reports and tests. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("archived_document", "archived_object", "replica", "document_retention")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static void addFilter(List<String> where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.add(column + " = ?");
            params.add(value);
        }
    }

    private List<ArchivedDocument> query(String condition, List<?> params) {
        Map<UUID, DocumentRow> documents = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.*, r.record_class, r.term_years, r.eligible_for_destruction_from,
                       o.id AS object_id, o.role, o.object_key, o.media_type, o.sha256, o.size_bytes,
                       p.location, p.object_key AS replica_key, p.sha256 AS replica_sha256, p.stored_at, p.verified_at
                FROM archived_document d
                JOIN document_retention r ON r.document_id = d.id
                JOIN archived_object o ON o.document_id = d.id
                LEFT JOIN replica p ON p.object_id = o.id
                WHERE %s
                ORDER BY d.school_id, d.academic_year, d.period_id, d.class_id, d.document_type, d.version, o.role,
                         p.location""".formatted(condition))
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    DocumentRow doc = documents.get(id);
                    if (doc == null) {
                        doc = new DocumentRow(new ArchivedDocument(id, rs.getString("document_type"),
                                rs.getString("school_id"), rs.getString("academic_year"), rs.getString("class_id"),
                                rs.getString("class_name"), rs.getString("period_id"), rs.getInt("version"),
                                rs.getObject("frozen_journal_id", UUID.class), rs.getString("pdfa_flavour"),
                                rs.getInt("page_count"), rs.getTimestamp("created_at").toInstant(), List.of(),
                                new ArchivedDocument.Retention(rs.getString("record_class"), rs.getInt("term_years"),
                                        rs.getObject("eligible_for_destruction_from", java.time.LocalDate.class))),
                                new LinkedHashMap<>());
                        documents.put(id, doc);
                    }
                    UUID objectId = rs.getObject("object_id", UUID.class);
                    ObjectRow object = doc.objects().get(objectId);
                    if (object == null) {
                        object = new ObjectRow(objectId, rs.getString("role"), rs.getString("object_key"),
                                rs.getString("media_type"), rs.getString("sha256"), rs.getLong("size_bytes"),
                                new ArrayList<>());
                        doc.objects().put(objectId, object);
                    }
                    if (rs.getString("location") != null) {
                        object.replicas().add(new ArchivedDocument.Replica(rs.getString("location"),
                                rs.getString("replica_key"), rs.getString("replica_sha256"),
                                rs.getTimestamp("stored_at").toInstant(), rs.getTimestamp("verified_at").toInstant()));
                    }
                });
        return documents.values().stream().map(DocumentRow::toDocument).toList();
    }

    private record DocumentRow(ArchivedDocument head, Map<UUID, ObjectRow> objects) {
        ArchivedDocument toDocument() {
            List<ArchivedDocument.ArchivedObject> list = objects.values().stream()
                    .map(o -> new ArchivedDocument.ArchivedObject(o.id(), o.role(), o.key(), o.mediaType(),
                            o.sha256(), o.sizeBytes(), List.copyOf(o.replicas())))
                    .toList();
            return new ArchivedDocument(head.id(), head.documentType(), head.schoolId(), head.academicYear(),
                    head.classId(), head.className(), head.periodId(), head.version(), head.frozenJournalId(),
                    head.pdfaFlavour(), head.pageCount(), head.createdAt(), list, head.retention());
        }
    }

    private record ObjectRow(UUID id, String role, String key, String mediaType, String sha256, long sizeBytes,
                             List<ArchivedDocument.Replica> replicas) {
    }
}
