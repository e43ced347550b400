package ru.journalarchive.snapshot;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.ExecutionContext;
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

    /**
     * The schema violations of {@code tree}, at most {@code limit} (then a last one saying how many more there are).
     * Linear in the input: the validator keeps no error beyond the limit (they are only counted), and no message
     * serialises the instance: it names the path, the keyword and at most a short excerpt of a string value.
     */
    Findings validate(JsonNode tree, int limit) {
        CappedContext context = new CappedContext(limit);
        schema.validate(context, tree);
        List<Violation> violations = new ArrayList<>();
        for (Error error : context.getErrors()) {
            violations.add(toViolation(error));
        }
        if (context.overflow > 0) {
            violations.add(new Violation(JsonPaths.ROOT, messages.input("input.schema.too-many", limit,
                    context.overflow)));
        }
        return new Findings(violations, context.getErrors().size() + context.overflow);
    }

    /** The violations listed (with a closing note when some were only counted) and how many were found. */
    record Findings(List<Violation> violations, long found) {
    }

    /**
     * An execution context that keeps the first {@code limit} errors of the top-level list and only counts the rest.
     * Keywords that evaluate alternatives (a union type) swap in their own list and are left alone.
     */
    private static final class CappedContext extends ExecutionContext {

        private final int limit;
        private final List<Error> kept = new ArrayList<>();
        private long overflow;

        CappedContext(int limit) {
            super(ExecutionConfig.builder().locale(Messages.RUSSIAN).build());
            this.limit = limit;
            setErrors(kept);
        }

        @Override
        public void addError(Error error) {
            if (getErrors() == kept && kept.size() >= limit) {
                overflow++;
                return;
            }
            super.addError(error);
        }
    }

    private Violation toViolation(Error error) {
        String path = path(error.getInstanceLocation());
        String keyword = String.valueOf(error.getKeyword());
        String schemaAt = String.valueOf(error.getSchemaLocation());
        JsonNode value = error.getInstanceNode();
        // Never the whole node: an object of 40,000 keys serialised once per violation made validation quadratic.
        String shown = value != null && value.isString() ? Messages.quote(value.stringValue())
                : value == null ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return switch (keyword) {
            case "required" -> new Violation(JsonPaths.property(path, error.getProperty()),
                    messages.get("schema.required"));
            case "additionalProperties" -> new Violation(JsonPaths.property(path, error.getProperty()),
                    messages.get("schema.unknown-property"));
            case "const" -> new Violation(path, messages.get("schema.format", shown));
            case "pattern" -> new Violation(path, patternMessage(schemaAt, shown, error));
            default -> new Violation(path, bounded(error.getMessage()));
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
        return bounded(error.getMessage());
    }

    /** The validator's own message, cut short and with refused characters escaped. */
    private static String bounded(String message) {
        String text = message == null ? "" : message;
        String cut = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return ru.journalarchive.text.UnsafeCharacters.escape(cut);
    }

    private static String path(NodePath location) {
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            elements.add(location.getElement(i));
        }
        return JsonPaths.of(elements);
    }
}
