package ru.journalarchive.disposition;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.DocumentSigner;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistration;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.rendering.DestructionActContent;
import ru.journalarchive.rendering.DestructionActRenderer;
import ru.journalarchive.rendering.RenderedDocument;
import ru.journalarchive.retention.RetentionPolicies;
import ru.journalarchive.retention.RetentionPolicy;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StoredObject;
import ru.journalarchive.storage.StorageLocations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an approved act: renders its PDF/A (deterministically, from the act as approved), writes it to every
 * location, registers it as a document of type {@code destruction-act} and has the director sign it. The PDF is
 * registered only now, at approval, so {@code directorSignJob} (which signs every unsigned document) never sees a
 * draft. Idempotent: a repeated call adopts what an interrupted one stored.
 */
@Component
class ActPublisher {

    static final String DOCUMENT_TYPE = "destruction-act";
    static final String RECORD_CLASS = "destruction-act";
    /** Acts are school-level documents; the period column of the registry says «year». */
    static final String PERIOD = "Y";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DestructionActRenderer renderer;
    private final StorageLocations locations;
    private final DocumentRegistry registry;
    private final DocumentSigner signer;
    private final RetentionPolicies policies;

    ActPublisher(JdbcClient jdbc, DestructionActRenderer renderer, StorageLocations locations,
            DocumentRegistry registry, DocumentSigner signer, RetentionPolicies policies) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.locations = locations;
        this.registry = registry;
        this.signer = signer;
        this.policies = policies;
    }

    /** The organisation's name as its latest snapshot gives it (the school id if none was imported). */
    String organisation(String schoolId) {
        return jdbc.sql("SELECT school_name FROM snapshot_import WHERE school_id = ? ORDER BY received_at DESC LIMIT 1")
                .param(schoolId).query(String.class).optional().orElse(schoolId);
    }

    /** The academic year an act dated so falls in (September starts a year), as the registry keys it. */
    static String academicYearOf(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return start + "/" + (start + 1);
    }

    static String classIdOf(DestructionAct act) {
        return "act-" + act.seq() + "-" + act.year();
    }

    UUID publishAndSign(DestructionAct act) {
        byte[] json = json(act);
        RenderedDocument pdf = renderer.render(content(act, json));
        String academicYear = academicYearOf(act.actDate());
        String key = ObjectKeys.documentKey(act.schoolId(), academicYear, PERIOD, classIdOf(act), DOCUMENT_TYPE, 1,
                "destruction-act.pdf");
        ArchivedDocument.Retention retention = retention(act, academicYear);
        // A permanent act has no destruction date, so no Object Lock date: an S3 location writes it under a legal
        // hold instead (no end date), like any permanent record, so nobody can delete it.
        LocalDate lockUntil = StorageLocation.lockUntil(retention.eligibleForDestructionFrom());
        byte[] bytes = pdf.pdf();
        List<ArchivedDocument.Replica> replicas = new ArrayList<>();
        for (StorageLocation location : locations.all()) {
            StoredObject stored = location.put(key, bytes, lockUntil);
            replicas.add(new ArchivedDocument.Replica(stored.location(), stored.key(), stored.sha256(),
                    stored.verifiedAt(), stored.verifiedAt()));
        }
        ArchivedDocument document = registry.register(new DocumentRegistration(DOCUMENT_TYPE, act.schoolId(),
                academicYear, classIdOf(act), "Акт № " + act.number(), PERIOD, 1, null, "PDF/A-3B", pdf.pageCount(),
                List.of(new DocumentRegistration.ObjectRegistration(ArchivedDocument.ROLE_PDF, key, "application/pdf",
                        CanonicalJson.sha256(bytes), bytes.length, replicas)),
                retention));
        signer.sign(document.id());
        return document.id();
    }

    /** From {@code retention-policies/destruction-act.yaml} (shipped: permanent, closed with the calendar year). */
    private ArchivedDocument.Retention retention(DestructionAct act, String academicYear) {
        RetentionPolicy policy = policies.get(RECORD_CLASS);
        String closedIn = RetentionPolicy.END_OF_CALENDAR_YEAR.equals(policy.trigger())
                ? String.valueOf(act.actDate().getYear()) : academicYear;
        return new ArchivedDocument.Retention(RECORD_CLASS, policy.termYears(),
                policies.eligibleForDestructionFrom(RECORD_CLASS, closedIn));
    }

    private static DestructionActContent content(DestructionAct act, byte[] json) {
        LocalDate approved = act.approvedAt().atZone(ZoneId.systemDefault()).toLocalDate();
        List<DestructionActContent.Row> rows = act.rows().stream().map(r -> new DestructionActContent.Row(r.number(),
                r.title(), r.extremeDates(), r.inventories(), r.nomenclatureIndex(), r.fileCount(), r.retention(),
                r.note())).toList();
        return new DestructionActContent(act.organisation(), "", act.approverPosition(), act.approvedBy(),
                Dates.shown(approved), act.number(), Dates.shown(act.actDate()), act.basis(), rows, act.fileTotal(),
                act.years(), act.protocolNumber(), Dates.shown(act.protocolDate()), act.draftedBy(), act.approvedAt(),
                json, act.schoolId() + "_destruction-act_" + act.seq() + "-" + act.year() + ".json");
    }

    /** The act as approved, as JSON: deterministic (fixed field order, no clock), embedded in the PDF. */
    private static byte[] json(DestructionAct act) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "destruction-act/1");
        m.put("id", act.id().toString());
        m.put("schoolId", act.schoolId());
        m.put("organisation", act.organisation());
        m.put("number", act.number());
        m.put("actDate", act.actDate().toString());
        m.put("year", act.year());
        m.put("basis", act.basis());
        m.put("draftedBy", act.draftedBy());
        m.put("protocolNumber", act.protocolNumber());
        m.put("protocolDate", act.protocolDate().toString());
        m.put("approvedBy", act.approvedBy());
        m.put("approverPosition", act.approverPosition());
        m.put("approvedAt", act.approvedAt().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DestructionAct.Row r : act.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", r.number());
            row.put("recordClass", r.recordClass());
            row.put("title", r.title());
            row.put("extremeDates", r.extremeDates());
            row.put("inventories", r.inventories());
            row.put("nomenclatureIndex", r.nomenclatureIndex());
            row.put("fileCount", r.fileCount());
            row.put("retention", r.retention());
            row.put("note", r.note());
            row.put("documentIds", r.documentIds().stream().map(UUID::toString).toList());
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("fileTotal", act.fileTotal());
        return JSON.writeValueAsBytes(m);
    }
}
