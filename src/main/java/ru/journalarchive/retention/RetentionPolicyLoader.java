package ru.journalarchive.retention;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads every {@code *.yaml} policy of a folder, checks each against the shipped
 * {@code retention-policies/retention-policy.schema.json} and turns it into a {@link RetentionPolicy}; the first bad
 * file stops loading with a message naming the file and the field.
 */
final class RetentionPolicyLoader {

    static final String SCHEMA = "classpath:retention-policies/retention-policy.schema.json";

    private final ResourcePatternResolver resolver;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    RetentionPolicyLoader(ResourceLoader resourceLoader) {
        this.resolver = new PathMatchingResourcePatternResolver(resourceLoader);
    }

    /** The policies of the folder, keyed and ordered by record class. */
    Map<String, RetentionPolicy> load(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        Schema schema = schema();
        Map<String, RetentionPolicy> policies = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Resource resource : policyFiles(folder)) {
            String file = folder + resource.getFilename();
            RetentionPolicy policy = read(resource, file, schema);
            String earlier = origins.putIfAbsent(policy.recordClass(), file);
            if (earlier != null) {
                throw new RetentionPolicyException(file, "recordClass",
                        RetentionMessages.get("retention.duplicate", policy.recordClass(), earlier, file), null);
            }
            policies.put(policy.recordClass(), policy);
        }
        return policies;
    }

    private List<Resource> policyFiles(String folder) {
        List<Resource> files = new ArrayList<>();
        try {
            files.addAll(Arrays.asList(resolver.getResources(folder + "*.yaml")));
            files.addAll(Arrays.asList(resolver.getResources(folder + "*.yml")));
        } catch (IOException e) {
            throw new RetentionPolicyException(folder, null,
                    RetentionMessages.get("retention.location.unreadable", folder, e.getMessage()), e);
        }
        files.removeIf(resource -> !resource.exists());
        if (files.isEmpty()) {
            throw new RetentionPolicyException(folder, null, RetentionMessages.get("retention.location.empty", folder),
                    null);
        }
        files.sort(Comparator.comparing(resource -> Objects.requireNonNull(resource.getFilename())));
        return files;
    }

    private RetentionPolicy read(Resource resource, String file, Schema schema) {
        JsonNode node;
        try (InputStream in = resource.getInputStream()) {
            node = yaml.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new RetentionPolicyException(file, null,
                    RetentionMessages.get("retention.file.unreadable", file, e.getMessage()), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new RetentionPolicyException(file, null, RetentionMessages.get("retention.file.empty", file), null);
        }
        List<Error> errors = schema.validate(node,
                context -> context.executionConfig(config -> config.locale(RetentionMessages.RUSSIAN)));
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String field = fieldOf(first);
            throw new RetentionPolicyException(file, field,
                    RetentionMessages.get("retention.file.field", file, field, first.getMessage()), null);
        }
        RetentionPolicy policy = new RetentionPolicy(node.get("recordClass").asString(), node.get("title").asString(),
                node.path("termYears").asInt(0), node.get("trigger").asString(), node.get("legalBasis").asString(),
                node.get("federalListArticle").asString(), node.get("nomenclatureIndex").asString(),
                node.get("epk").asBoolean(), node.path("permanent").asBoolean(false));
        String expectedName = policy.recordClass() + ".yaml";
        if (!expectedName.equals(resource.getFilename()) && !(policy.recordClass() + ".yml").equals(resource.getFilename())) {
            throw new RetentionPolicyException(file, "recordClass", RetentionMessages.get("retention.file.name", file,
                    policy.recordClass(), policy.recordClass()), null);
        }
        return policy;
    }

    /** The field an error is about: the missing property for {@code required}, else the last step of its path. */
    private static String fieldOf(Error error) {
        if (error.getProperty() != null && !error.getProperty().isEmpty()) {
            return error.getProperty();
        }
        var path = error.getInstanceLocation();
        return path == null || path.getNameCount() == 0 ? "$" : path.getName(path.getNameCount() - 1);
    }

    private Schema schema() {
        Resource resource = resolver.getResource(SCHEMA);
        try (InputStream in = resource.getInputStream()) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException | RuntimeException e) {
            throw new RetentionPolicyException(SCHEMA, null,
                    RetentionMessages.get("retention.schema.unreadable", SCHEMA, e.getMessage()), e);
        }
    }
}
