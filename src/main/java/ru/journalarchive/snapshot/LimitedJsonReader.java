package ru.journalarchive.snapshot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a snapshot's bytes into a JSON tree without ever holding an absurd input whole: strict UTF-8, and a parser
 * whose {@link StreamReadConstraints} cap string length, nesting depth and document length. Any failure becomes a
 * {@link SnapshotRejectedException} naming the JSON path where the parser stood.
 */
final class LimitedJsonReader {

    private final JsonMapper mapper;
    private final SnapshotProperties limits;
    private final Messages messages;

    LimitedJsonReader(SnapshotProperties limits, Messages messages) {
        this.limits = limits;
        this.messages = messages;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(limits.maxStringLength())
                .maxNestingDepth(limits.maxNestingDepth())
                .maxDocumentLength(limits.maxFileSize().toBytes())
                .maxNameLength(1000)
                .maxNumberLength(100)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The mapper configured with the same limits, for turning the validated tree into records. */
    JsonMapper mapper() {
        return mapper;
    }

    /** The JSON tree of {@code in}; rejects the snapshot when it is not well-formed UTF-8 JSON within the limits. */
    JsonNode read(InputStream in) {
        BufferedInputStream bytes = new BufferedInputStream(in, 1 << 16);
        checkEncodingPrefix(bytes);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (JsonParser parser = mapper.createParser(new InputStreamReader(bytes, decoder))) {
            try {
                JsonNode tree = mapper.readTree(parser);
                if (tree == null || tree.isMissingNode()) {
                    throw reject(JsonPaths.ROOT, messages.get("json.empty"));
                }
                if (parser.nextToken() != null) {
                    throw reject(JsonPaths.of(parser.streamReadContext()),
                            messages.get("json.trailing", line(parser.currentLocation()),
                                    column(parser.currentLocation())));
                }
                return tree;
            } catch (JacksonException e) {
                throw translate(e, parser);
            }
        }
    }

    private SnapshotRejectedException translate(JacksonException e, JsonParser parser) {
        String path = JsonPaths.of(parser.streamReadContext());
        TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return reject(path, messages.get("json.not-utf8", line(at), column(at)));
            }
            if (t instanceof StreamConstraintsException limit) {
                return reject(path, describeLimit(limit));
            }
            if (t instanceof UnexpectedEndOfInputException) {
                return reject(path, messages.get("json.truncated", line(at), column(at)));
            }
            if (t instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate Object property")) {
            return reject(path, messages.get("json.duplicate-property", line(at), column(at)));
        }
        return reject(path, messages.get("json.syntax", line(at), column(at)));
    }

    private String describeLimit(StreamConstraintsException e) {
        String text = String.valueOf(e.getOriginalMessage());
        if (text.startsWith("String value length")) {
            return messages.get("limit.string", limits.maxStringLength());
        }
        if (text.startsWith("Document nesting depth")) {
            return messages.get("limit.depth", limits.maxNestingDepth());
        }
        if (text.startsWith("Document length")) {
            return messages.get("limit.document", messages.size(limits.maxFileSize().toBytes()));
        }
        if (text.startsWith("Number value length")) {
            return messages.get("limit.number");
        }
        if (text.startsWith("Name length")) {
            return messages.get("limit.name");
        }
        return messages.get("limit.other");
    }

    /** Rejects UTF-16/UTF-32 input (a BOM or NUL bytes up front) and skips a UTF-8 byte order mark. */
    private void checkEncodingPrefix(BufferedInputStream in) {
        try {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            boolean utf8Bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            boolean wideBom = head.length >= 2 && (((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)
                    || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE));
            boolean nul = false;
            for (byte b : head) {
                nul |= b == 0;
            }
            if (wideBom || nul) {
                throw reject(JsonPaths.ROOT, messages.get("json.not-utf8-wide"));
            }
            if (utf8Bom) {
                in.skipNBytes(3);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SnapshotRejectedException reject(String path, String message) {
        return new SnapshotRejectedException(List.of(new Violation(path, message)));
    }

    private static String line(TokenStreamLocation location) {
        return location == null ? "?" : String.valueOf(location.getLineNr());
    }

    private static String column(TokenStreamLocation location) {
        return location == null ? "?" : String.valueOf(location.getColumnNr());
    }
}
