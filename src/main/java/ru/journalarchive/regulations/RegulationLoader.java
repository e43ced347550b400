package ru.journalarchive.regulations;

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
 * Reads every {@code *.yaml} profile of a folder, checks it against the shipped
 * {@code school-regulations/school-regulation.schema.json} and then against the rules a schema cannot say
 * ({@link ProfileRules}); the first bad file stops loading with a message naming the file, the field and the reason.
 */
final class RegulationLoader {

    static final String SCHEMA = "classpath:school-regulations/school-regulation.schema.json";

    private final ResourcePatternResolver resolver;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    RegulationLoader(ResourceLoader resourceLoader) {
        this.resolver = new PathMatchingResourcePatternResolver(resourceLoader);
    }

    /** The profiles of the folder, keyed and ordered by id. */
    Map<String, RegulationProfile> load(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        Schema schema = schema();
        Map<String, RegulationProfile> profiles = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Resource resource : profileFiles(folder)) {
            String file = folder + resource.getFilename();
            RegulationProfile profile = read(resource, file, schema);
            String earlier = origins.putIfAbsent(profile.id(), file);
            if (earlier != null) {
                throw new RegulationException(file, "id",
                        RegulationMessages.get("regulations.duplicate", profile.id(), earlier, file), null);
            }
            profiles.put(profile.id(), profile);
        }
        return profiles;
    }

    private List<Resource> profileFiles(String folder) {
        List<Resource> files = new ArrayList<>();
        try {
            files.addAll(Arrays.asList(resolver.getResources(folder + "*.yaml")));
            files.addAll(Arrays.asList(resolver.getResources(folder + "*.yml")));
        } catch (IOException e) {
            throw new RegulationException(folder, null,
                    RegulationMessages.get("regulations.location.unreadable", folder, e.getMessage()), e);
        }
        files.removeIf(resource -> !resource.exists());
        if (files.isEmpty()) {
            throw new RegulationException(folder, null, RegulationMessages.get("regulations.location.empty", folder),
                    null);
        }
        files.sort(Comparator.comparing(resource -> Objects.requireNonNull(resource.getFilename())));
        return files;
    }

    private RegulationProfile read(Resource resource, String file, Schema schema) {
        JsonNode node;
        try (InputStream in = resource.getInputStream()) {
            node = yaml.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new RegulationException(file, null,
                    RegulationMessages.get("regulations.file.unreadable", file, e.getMessage()), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new RegulationException(file, null, RegulationMessages.get("regulations.file.empty", file), null);
        }
        List<Error> errors = schema.validate(node,
                context -> context.executionConfig(config -> config.locale(RegulationMessages.RUSSIAN)));
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String field = fieldOf(first);
            throw new RegulationException(file, field,
                    RegulationMessages.get("regulations.file.field", file, field, first.getMessage()), null);
        }
        String id = node.get("id").asString();
        String name = resource.getFilename();
        if (!(id + ".yaml").equals(name) && !(id + ".yml").equals(name)) {
            throw new RegulationException(file, "id", RegulationMessages.get("regulations.file.name", file, id), null);
        }
        try {
            return ProfileRules.toProfile(node);
        } catch (ProfileRules.Violation v) {
            throw new RegulationException(file, v.field(),
                    RegulationMessages.get("regulations.file.field", file, v.field(), v.getMessage()), null);
        }
    }

    /** The field an error is about, as a dotted path: the missing property for {@code required}. */
    private static String fieldOf(Error error) {
        var path = error.getInstanceLocation();
        StringBuilder field = new StringBuilder();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                String step = path.getName(i);
                if (step.chars().allMatch(Character::isDigit)) {
                    field.append('[').append(step).append(']');
                } else {
                    field.append(field.length() == 0 ? "" : ".").append(step);
                }
            }
        }
        if (error.getProperty() != null && !error.getProperty().isEmpty()) {
            field.append(field.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return field.length() == 0 ? "$" : field.toString();
    }

    private Schema schema() {
        Resource resource = resolver.getResource(SCHEMA);
        try (InputStream in = resource.getInputStream()) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException | RuntimeException e) {
            throw new RegulationException(SCHEMA, null,
                    RegulationMessages.get("regulations.schema.unreadable", SCHEMA, e.getMessage()), e);
        }
    }
}
