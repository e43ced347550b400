package ru.journalarchive.registryjournal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import ru.journalarchive.storage.StorageLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a location's registry journal segment by segment in chain order and checks every link: consecutive chain
 * numbers, each entry's {@code prev} equal to the hash before it, each {@code hash} equal to the SHA-256 of its line.
 * A broken link is refused naming the segment and the entry.
 */
final class ChainReader {

    /** Receives each checked entry. */
    interface EntryHandler {
        void entry(long chainNo, String table, String op, String row);
    }

    /** A segment read: where it starts and ends, its hash and the hash of its last entry. */
    record SegmentRead(long first, long last, int entries, String sha256, String lastHash) {
    }

    private static final String ROW_FIELD = ",\"row\":";
    private static final String PREV_FIELD = ",\"prev\":\"";

    private final StorageLocation location;
    private long chainNo;
    private String prev = JournalFormat.GENESIS;

    ChainReader(StorageLocation location) {
        this.location = location;
    }

    /** The next segment if the location holds it, its entries handed over in order; null when there is no next one. */
    SegmentRead next(EntryHandler handler) throws IOException {
        long first = chainNo + 1;
        String key = JournalFormat.segmentKey(first);
        if (!location.exists(key)) {
            return null;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int entries = 0;
        try (InputStream raw = location.open(key);
                BufferedReader lines = new BufferedReader(new InputStreamReader(new DigestInputStream(raw, digest),
                        StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                entries++;
                check(key, entries, line, handler);
            }
        }
        if (entries == 0) {
            throw broken(key, first, JournalTexts.get("rebuild.empty-segment"));
        }
        return new SegmentRead(first, chainNo, entries, HexFormat.of().formatHex(digest.digest()), prev);
    }

    private void check(String key, int index, String line, EntryHandler handler) {
        long expected = chainNo + 1;
        int at = line.lastIndexOf(JournalFormat.HASH_FIELD);
        if (at < 0 || !line.endsWith("\"}")) {
            throw broken(key, expected, JournalTexts.get("rebuild.no-hash"));
        }
        String hash = line.substring(at + JournalFormat.HASH_FIELD.length(), line.length() - 2);
        if (!JournalFormat.sha256(line.substring(0, at).getBytes(StandardCharsets.UTF_8)).equals(hash)) {
            throw broken(key, expected, JournalTexts.get("rebuild.bad-hash"));
        }
        JsonNode entry;
        try {
            entry = RegistryIdentity.JSON.readTree(line);
        } catch (RuntimeException e) {
            throw broken(key, expected, JournalTexts.get("rebuild.not-json"));
        }
        if (entry.path("chain").asLong(-1) != expected) {
            throw broken(key, expected, JournalTexts.get("rebuild.bad-number", entry.path("chain").asString()));
        }
        if (!prev.equals(entry.path("prev").asString(""))) {
            throw broken(key, expected, JournalTexts.get("rebuild.bad-prev"));
        }
        String op = entry.path("op").asString("");
        String table = entry.path("table").asString("");
        if (!(op.equals("I") || op.equals("U") || op.equals("D")) || !table.matches("[a-z_][a-z0-9_]*")
                || !entry.path("row").isObject()) {
            throw broken(key, expected, JournalTexts.get("rebuild.bad-entry"));
        }
        // The row exactly as written (PostgreSQL's jsonb text), not re-serialised: numbers keep every digit.
        int rowStart = line.indexOf(ROW_FIELD) + ROW_FIELD.length();
        int rowEnd = at - PREV_FIELD.length() - 64 - 1;
        if (rowStart < ROW_FIELD.length() || rowEnd <= rowStart || !line.startsWith(PREV_FIELD, rowEnd)) {
            throw broken(key, expected, JournalTexts.get("rebuild.bad-entry"));
        }
        handler.entry(expected, table, op, line.substring(rowStart, rowEnd));
        chainNo = expected;
        prev = hash;
    }

    private static RegistryRebuildException broken(String key, long chainNo, String reason) {
        return new RegistryRebuildException(JournalTexts.get("rebuild.broken", key, String.valueOf(chainNo), reason));
    }
}
