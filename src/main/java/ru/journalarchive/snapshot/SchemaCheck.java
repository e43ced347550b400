package ru.journalarchive.snapshot;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates a snapshot tree against {@code archive-format/journal-snapshot-1.schema.json} (networknt, Russian
 * messages), turning each schema error into a {@link Violation} at the offending value's {@code $} path.
 */
final class SchemaCheck {

    static final String SCHEMA_RESOURCE = "archive-format/journal-snapshot-1.schema.json";

    private final Schema schema;
    private final Messages messages;

    SchemaCheck(Messages messages) {
        this.messages = messages;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Messages.RUSSIAN)
                .pathType(PathType.JSON_PATH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Schema not on the classpath: " + SCHEMA_RESOURCE);
            }
            this.schema = registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every schema violation of {@code tree}. */
    List<Violation> validate(JsonNode tree) {
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(tree)) {
            violations.add(toViolation(error));
        }
        return violations;
    }

    private Violation toViolation(Error error) {
        String path = path(error.getInstanceLocation());
        String keyword = String.valueOf(error.getKeyword());
        String schemaAt = String.valueOf(error.getSchemaLocation());
        JsonNode value = error.getInstanceNode();
        String shown = value != null && value.isString() ? Messages.quote(value.stringValue()) : String.valueOf(value);
        return switch (keyword) {
            case "required" -> new Violation(JsonPaths.property(path, error.getProperty()),
                    messages.get("schema.required"));
            case "additionalProperties" -> new Violation(JsonPaths.property(path, error.getProperty()),
                    messages.get("schema.unknown-property"));
            case "const" -> new Violation(path, messages.get("schema.format", shown));
            case "pattern" -> new Violation(path, patternMessage(schemaAt, shown, error));
            default -> new Violation(path, error.getMessage());
        };
    }

    private String patternMessage(String schemaAt, String shown, Error error) {
        if (schemaAt.contains("/$defs/id/") || schemaAt.contains("/$defs/optionalId/")) {
            return messages.get("schema.id", shown);
        }
        if (schemaAt.contains("/$defs/date/") || schemaAt.contains("/$defs/optionalDate/")) {
            return messages.get("schema.date", shown);
        }
        if (schemaAt.contains("/$defs/instant/")) {
            return messages.get("schema.instant", shown);
        }
        if (schemaAt.contains("/academicYear/")) {
            return messages.get("schema.academic-year", shown);
        }
        return error.getMessage();
    }

    private static String path(NodePath location) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            elements.add(location.getElement(i));
        }
        return JsonPaths.of(elements);
    }
}
