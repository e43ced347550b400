package ru.journalarchive.freezing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import ru.journalarchive.snapshot.ClassJournal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form of a frozen class journal, documented in {@code archive-format/journal-class-1.md}: arrays of
 * objects sorted by the canonical serialisation of their elements, the class's group member lists sorted, then
 * RFC 8785 (JCS) over the whole document. Two exports of the same journal, in any order, give the same bytes.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * Writes a tree with properties sorted by name and no whitespace: for the records of a journal (strings,
     * integers, nulls) exactly the RFC 8785 text, and far cheaper than a full JCS pass per array element.
     */
    private static final JsonMapper SORTED = JsonMapper.builder()
            .enable(tools.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of a class journal. */
    public static byte[] of(ClassJournal journal) {
        JsonNode tree = MAPPER.valueToTree(journal);
        return canonicalize(normalise(tree));
    }

    /** Reads a class journal back from its canonical (or any) JSON. */
    public static ClassJournal read(byte[] json) {
        return MAPPER.readValue(json, ClassJournal.class);
    }

    /** Lower-case hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                JsonNode value = normalise(field.getValue());
                if (field.getKey().equals("students") && value.isArray() && value.size() > 0
                        && value.get(0).isString()) {
                    value = sortedStrings((ArrayNode) value); // a group's members are a set
                }
                object.set(field.getKey(), value);
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> elements = new ArrayList<>();
            array.forEach(e -> elements.add(normalise(e)));
            boolean objects = elements.stream().allMatch(JsonNode::isObject);
            if (objects && !elements.isEmpty()) {
                // Records have no natural order in the contract: order them by their own canonical text.
                List<String> keys = elements.stream().map(CanonicalJson::sortKey).toList();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < elements.size(); i++) {
                    order.add(i);
                }
                order.sort(Comparator.comparing(keys::get));
                ArrayNode sorted = MAPPER.createArrayNode();
                order.forEach(i -> sorted.add(elements.get(i)));
                return sorted;
            }
            ArrayNode copy = MAPPER.createArrayNode();
            elements.forEach(copy::add);
            return copy;
        }
        return node;
    }

    /** The order key of an array element: its canonical text (sorted properties, no whitespace). */
    static String sortKey(JsonNode element) {
        return SORTED.writeValueAsString(element);
    }

    private static ArrayNode sortedStrings(ArrayNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.asString()));
        values.sort(Comparator.naturalOrder());
        ArrayNode sorted = MAPPER.createArrayNode();
        values.forEach(sorted::add);
        return sorted;
    }

    private static byte[] canonicalize(JsonNode node) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
