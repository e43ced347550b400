package ru.journalarchive.registryjournal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The registry journal's storage format ({@code archive-format/registry-journal.md}): the keys under
 * {@code registry/}, one entry as one line of JSON, and its hash. An entry's {@code hash} is the SHA-256 of the
 * line's UTF-8 bytes before {@code ,"hash":"}, which include {@code prev}, the hash of the entry before it
 * ({@link #GENESIS} for entry 1): so anyone can check the chain with a text tool and {@code sha256sum}.
 */
final class JournalFormat {

    static final String IDENTITY_KEY = "registry/identity.json";
    static final String GENESIS = "0".repeat(64);
    static final String HASH_FIELD = ",\"hash\":\"";
    /** At most this many entries in one segment object. */
    static final int SEGMENT_ENTRIES = 1000;

    private JournalFormat() {
    }

    /** The key of the segment that starts with entry {@code firstChainNo}: zero-padded so keys sort in chain order. */
    static String segmentKey(long firstChainNo) {
        return "registry/journal/%012d.jsonl".formatted(firstChainNo);
    }

    /** One entry's line without its trailing newline; {@code row} is the row's JSON as PostgreSQL prints jsonb. */
    static Line line(long chainNo, String table, String op, String recordedAt, String row, String prev) {
        String prefix = "{\"chain\":" + chainNo + ",\"table\":\"" + table + "\",\"op\":\"" + op
                + "\",\"recordedAt\":\"" + recordedAt + "\",\"row\":" + row + ",\"prev\":\"" + prev + "\"";
        String hash = sha256(prefix.getBytes(StandardCharsets.UTF_8));
        return new Line(prefix + HASH_FIELD + hash + "\"}", hash);
    }

    /** One written line and its hash. */
    record Line(String text, String hash) {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
