package ru.journalarchive.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code documents}: lists the registry, as a table or ({@code --json}) one JSON object per line per document.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "documents", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class DocumentsCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    DocumentFilter filter;
    @Option(names = "--json", descriptionKey = "documents.json")
    boolean json;
    @Mixin
    DestroyedOption destroyed;

    private final DocumentRegistry registry;
    private final Tombstones tombstones;
    private final Messages messages;

    DocumentsCommand(DocumentRegistry registry, Tombstones tombstones, Messages messages) {
        this.registry = registry;
        this.tombstones = tombstones;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (destroyed.destroyed) {
            return destroyed();
        }
        List<ArchivedDocument> documents = registry.list(filter.toQuery());
        for (ArchivedDocument d : documents) {
            System.out.println(json ? JSON.writeValueAsString(toJson(d, registry)) : line(d));
        }
        if (!json) {
            System.out.println(messages.get("documents.total", documents.size()));
        }
        return 0;
    }

    /** The tombstoned documents: what was destroyed, under which act, when and by whom. */
    private int destroyed() {
        List<ArchivedDocument> documents = registry.listDestroyed(filter.toQuery());
        for (ArchivedDocument d : documents) {
            Tombstones.Tombstone t = tombstones.of(d.id()).orElseThrow();
            if (json) {
                Map<String, Object> m = toJson(d, registry);
                Map<String, Object> gone = new LinkedHashMap<>();
                gone.put("actNumber", t.actNumber());
                gone.put("actId", t.actId().toString());
                gone.put("destroyedAt", t.destroyedAt().toString());
                gone.put("destroyedBy", t.destroyedBy());
                m.put("destroyed", gone);
                System.out.println(JSON.writeValueAsString(m));
            } else {
                System.out.println(messages.get("documents.destroyed.line", d.schoolId(), d.academicYear(),
                        d.periodId(), d.className(), d.version(), t.actNumber(), ActCommand.shown(t.destroyedAt()),
                        t.destroyedBy()));
            }
        }
        if (!json) {
            System.out.println(messages.get("documents.destroyed.total", documents.size()));
        }
        return 0;
    }

    private String line(ArchivedDocument d) {
        var pdf = d.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        return messages.get("documents.line", d.schoolId(), d.academicYear(), d.periodId(), d.className(), d.version(),
                d.pageCount(), pdf.sha256().substring(0, 16), pdf.replicas().size(),
                d.retention().eligibleForDestructionFrom() == null ? messages.get("documents.permanent")
                        : d.retention().eligibleForDestructionFrom().toString());
    }

    static Map<String, Object> toJson(ArchivedDocument d, DocumentRegistry registry) {
        var pdf = d.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("type", d.documentType());
        m.put("schoolId", d.schoolId());
        m.put("academicYear", d.academicYear());
        m.put("classId", d.classId());
        m.put("className", d.className());
        m.put("period", d.periodId());
        m.put("version", d.version());
        m.put("sha256", pdf.sha256());
        m.put("sizeBytes", pdf.sizeBytes());
        m.put("pdfaFlavour", d.pdfaFlavour());
        m.put("pageCount", d.pageCount());
        m.put("createdAt", d.createdAt().toString());
        m.put("replicas", replicas(pdf));
        Map<String, Object> retention = new LinkedHashMap<>();
        retention.put("recordClass", d.retention().recordClass());
        retention.put("termYears", d.retention().termYears());
        // null for a permanent record class: never eligible for destruction.
        retention.put("eligibleForDestructionFrom", d.retention().eligibleForDestructionFrom() == null ? null
                : d.retention().eligibleForDestructionFrom().toString());
        m.put("retention", retention);
        d.object(ArchivedDocument.ROLE_SIGNED_PDF).ifPresent(signed -> {
            Map<String, Object> signature = new LinkedHashMap<>();
            signature.put("key", signed.key());
            signature.put("sha256", signed.sha256());
            signature.put("sizeBytes", signed.sizeBytes());
            signature.put("replicas", replicas(signed));
            registry.signature(d.id()).ifPresent(info -> {
                signature.put("signer", info.signerSubject());
                signature.put("certificateSerial", info.certificateSerial());
                signature.put("certificateSha256", info.certificateSha256());
                signature.put("algorithm", info.algorithm());
                signature.put("signingTime", info.signingTime().toString());
                signature.put("tsa", info.tsa());
            });
            m.put("signature", signature);
        });
        d.object(ArchivedDocument.ROLE_SOURCE_JSON).ifPresent(src -> {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("key", src.key());
            source.put("sha256", src.sha256());
            source.put("sizeBytes", src.sizeBytes());
            source.put("replicas", replicas(src));
            m.put("source", source);
        });
        return m;
    }

    private static List<Map<String, Object>> replicas(ArchivedDocument.ArchivedObject object) {
        return object.replicas().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("location", r.location());
            m.put("key", r.key());
            m.put("sha256", r.sha256());
            m.put("verifiedAt", r.verifiedAt().toString());
            return m;
        }).toList();
    }
}
