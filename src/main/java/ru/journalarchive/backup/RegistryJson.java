package ru.journalarchive.backup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.journalarchive.registry.ArchivedDocument;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code registry.json} tag file of a bag: the medium and every document with its objects, keys, hashes and
 * retention, so that the registry entries can be rebuilt from the medium alone (format
 * {@code journal-archive-backup-registry/1}, see {@code archive-format/bagit-profile.md}).
 */
final class RegistryJson {

    static final String FORMAT = "journal-archive-backup-registry/1";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RegistryJson() {
    }

    static byte[] of(BackupMedium medium, List<ArchivedDocument> documents) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", medium.id());
        m.put("type", medium.type().code());
        m.put("contents", medium.contents());
        m.put("writtenBy", medium.writtenBy());
        m.put("writtenAt", medium.writtenAt().toString());
        m.put("keptAt", medium.keptAt());
        m.put("objectCount", medium.objectCount());
        m.put("sizeBytes", medium.sizeBytes());
        root.put("medium", m);
        List<Object> docs = new ArrayList<>();
        for (ArchivedDocument d : documents) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", d.id().toString());
            doc.put("documentType", d.documentType());
            doc.put("schoolId", d.schoolId());
            doc.put("academicYear", d.academicYear());
            doc.put("periodId", d.periodId());
            doc.put("classId", d.classId());
            doc.put("className", d.className());
            doc.put("version", d.version());
            // null for a document that is not a frozen journal (a destruction act)
            doc.put("frozenJournalId", d.frozenJournalId() == null ? null : d.frozenJournalId().toString());
            doc.put("pdfaFlavour", d.pdfaFlavour());
            doc.put("pageCount", d.pageCount());
            doc.put("createdAt", d.createdAt().toString());
            Map<String, Object> retention = new LinkedHashMap<>();
            retention.put("recordClass", d.retention().recordClass());
            retention.put("termYears", d.retention().termYears());
            // null for a permanent record (a destruction act): never eligible for destruction
            retention.put("eligibleForDestructionFrom", d.retention().eligibleForDestructionFrom() == null ? null
                    : d.retention().eligibleForDestructionFrom().toString());
            doc.put("retention", retention);
            List<Object> objects = new ArrayList<>();
            for (ArchivedDocument.ArchivedObject o : d.objects()) {
                Map<String, Object> obj = new LinkedHashMap<>();
                obj.put("id", o.id().toString());
                obj.put("role", o.role());
                obj.put("key", o.key());
                obj.put("path", BagFiles.DATA + "/" + o.key());
                obj.put("mediaType", o.mediaType());
                obj.put("sha256", o.sha256());
                obj.put("sizeBytes", o.sizeBytes());
                objects.add(obj);
            }
            doc.put("objects", objects);
            docs.add(doc);
        }
        root.put("documents", docs);
        return JSON.writeValueAsBytes(root);
    }
}
