package ru.journalarchive.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Imports a {@code journal-snapshot/1} file: checks its size, parses it within the configured limits, refuses
 * control, direction-override and damaged characters in every string, validates it against the JSON Schema and the
 * semantic rules, and only then maps it to a {@link Snapshot}. A snapshot that breaks
 * any rule is rejected whole with a {@link SnapshotRejectedException} that lists every violation.
 */
@Component
public class SnapshotReader {

    private final SnapshotProperties properties;
    private final Messages messages;
    private final LimitedJsonReader json;
    private final SchemaCheck schema;

    public SnapshotReader(SnapshotProperties properties, MessageSource messageSource) {
        this.properties = properties;
        this.messages = new Messages(messageSource);
        this.json = new LimitedJsonReader(properties, messages);
        this.schema = new SchemaCheck(messages);
    }

    /** A reader with the default limits and the Russian messages, for use without Spring. */
    public static SnapshotReader withDefaults() {
        return with(SnapshotProperties.defaults());
    }

    /** A reader with the given limits and the Russian messages, for use without Spring. */
    public static SnapshotReader with(SnapshotProperties properties) {
        return new SnapshotReader(properties, Messages.standalone());
    }

    /**
     * Reads and validates the snapshot in {@code file}, refusing it before reading a byte if it is larger than
     * {@code archive.snapshot.max-file-size}.
     *
     * @throws SnapshotRejectedException listing every violation when the snapshot breaks the contract
     * @throws UncheckedIOException      when the file cannot be read
     */
    public Snapshot read(Path file) {
        try {
            checkSize(file);
            try (InputStream in = Files.newInputStream(file)) {
                return read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a snapshot file and the snapshot they hold, validated. */
    public record Received(Snapshot snapshot, byte[] bytes) {
    }

    /**
     * Reads a file once (after checking its size): the bytes kept as the record of what was received are exactly
     * the bytes that were validated, even if the file changes afterwards.
     */
    public Received receive(Path file) {
        try {
            checkSize(file);
            byte[] bytes = Files.readAllBytes(file);
            return new Received(read(new java.io.ByteArrayInputStream(bytes)), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkSize(Path file) throws IOException {
        long size = Files.size(file);
        long limit = properties.maxFileSize().toBytes();
        if (size > limit) {
            throw new SnapshotRejectedException(List.of(new Violation(JsonPaths.ROOT,
                    messages.get("file.too-large", messages.size(size), messages.size(limit)))));
        }
    }

    /**
     * Reads and validates the snapshot from {@code in} (not closed); the document length is capped at
     * {@code archive.snapshot.max-file-size} while reading.
     *
     * @throws SnapshotRejectedException listing every violation when the snapshot breaks the contract
     */
    public Snapshot read(InputStream in) {
        JsonNode tree = json.read(in);
        // Refused characters first (they explain the odd schema errors they cause), then the schema and the rules;
        // each check keeps at most MAX_VIOLATIONS and counts the rest, so a hostile file costs linear time.
        TextHygiene text = new TextHygiene(messages, SemanticRules.MAX_VIOLATIONS);
        List<Violation> violations = new ArrayList<>(text.check(tree));
        SchemaCheck.Findings schemaFindings = schema.validate(tree, SemanticRules.MAX_VIOLATIONS);
        violations.addAll(schemaFindings.violations());
        SemanticRules rules = new SemanticRules(messages);
        violations.addAll(rules.check(tree));
        if (!violations.isEmpty()) {
            throw new SnapshotRejectedException(violations, text.found() + schemaFindings.found() + rules.found());
        }
        return json.mapper().treeToValue(tree, Snapshot.class);
    }
}
