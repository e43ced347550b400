package ru.journalarchive.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;
import ru.journalarchive.yaml.SchemaCheckedFolder;
import tools.jackson.databind.JsonNode;

/**
 * Reads every {@code *.yaml} policy of a folder, checked against the shipped
 * {@code retention-policies/retention-policy.schema.json} ({@link SchemaCheckedFolder}), and turns it into a
 * {@link RetentionPolicy}; the first bad file stops loading with a message naming the file and the field.
 */
final class RetentionPolicyLoader {

    static final String SCHEMA = "classpath:retention-policies/retention-policy.schema.json";

    private final SchemaCheckedFolder folder;

    RetentionPolicyLoader(ResourceLoader resourceLoader) {
        this.folder = new SchemaCheckedFolder(resourceLoader);
    }

    /** The policies of the folder, keyed and ordered by record class. */
    Map<String, RetentionPolicy> load(String location) {
        Map<String, RetentionPolicy> policies = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (SchemaCheckedFolder.File file : files(location)) {
            RetentionPolicy policy = read(file);
            String earlier = origins.putIfAbsent(policy.recordClass(), file.location());
            if (earlier != null) {
                throw new RetentionPolicyException(file.location(), "recordClass", RetentionMessages.get(
                        "retention.duplicate", policy.recordClass(), earlier, file.location()), null);
            }
            policies.put(policy.recordClass(), policy);
        }
        return policies;
    }

    private List<SchemaCheckedFolder.File> files(String location) {
        try {
            return folder.read(location, SCHEMA, RetentionMessages.RUSSIAN);
        } catch (SchemaCheckedFolder.Problem p) {
            String message = switch (p.kind()) {
                case FOLDER_UNREADABLE -> RetentionMessages.get("retention.location.unreadable", p.file(), p.detail());
                case FOLDER_EMPTY -> RetentionMessages.get("retention.location.empty", p.file());
                case FILE_UNREADABLE -> RetentionMessages.get("retention.file.unreadable", p.file(), p.detail());
                case FILE_EMPTY -> RetentionMessages.get("retention.file.empty", p.file());
                case SCHEMA_UNREADABLE -> RetentionMessages.get("retention.schema.unreadable", p.file(), p.detail());
                case SCHEMA_VIOLATION -> RetentionMessages.get("retention.file.field", p.file(), p.field(), p.detail());
            };
            throw new RetentionPolicyException(p.file(), p.field(), message, p);
        }
    }

    private static RetentionPolicy read(SchemaCheckedFolder.File file) {
        JsonNode node = file.tree();
        RetentionPolicy policy = new RetentionPolicy(node.get("recordClass").asString(), node.get("title").asString(),
                node.path("termYears").asInt(0), node.get("trigger").asString(), node.get("legalBasis").asString(),
                node.get("federalListArticle").asString(), node.get("nomenclatureIndex").asString(),
                node.get("epk").asBoolean(), node.path("permanent").asBoolean(false));
        if (!(policy.recordClass() + ".yaml").equals(file.name()) && !(policy.recordClass() + ".yml").equals(file.name())) {
            throw new RetentionPolicyException(file.location(), "recordClass", RetentionMessages.get(
                    "retention.file.name", file.location(), policy.recordClass(), policy.recordClass()), null);
        }
        return policy;
    }
}
