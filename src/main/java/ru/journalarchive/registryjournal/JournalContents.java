package ru.journalarchive.registryjournal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.journalarchive.storage.StorageLocation;

/**
 * Keeps a journal's personal content out of the journal's lines, for destruction acts to be able to destroy it: the
 * three content columns (V18 {@code registry_journal_content_column}) are journaled as {@code "sha256:<hex>"}, and
 * their bytes live once per content as the object {@code registry/content/<hex>} in every location. Shipping writes
 * the contents a segment names before the segment itself, and destroys the contents that the registry emptied (an
 * executed destruction act's purge); a rebuild puts them back, or leaves the column empty where the content was
 * destroyed.
 */
final class JournalContents {

    private static final Logger log = LoggerFactory.getLogger(JournalContents.class);
    static final String PREFIX = "sha256:";

    /** A table's content column and the columns of its primary key. */
    record Column(String name, List<String> key) {
    }

    static final Map<String, Column> COLUMNS = Map.of(
            "frozen_journal", new Column("canonical_json", List.of("id")),
            "snapshot_import", new Column("raw_gzip", List.of("id")),
            "snapshot_import_class", new Column("journal_json", List.of("import_id", "class_id")));

    private JournalContents() {
    }

    static String key(String sha256) {
        return "registry/content/" + sha256;
    }

    /**
     * Writes to every location the contents that the entries {@code first..last} refer to, taken from the rows as
     * they are now; a content the registry has emptied since (destroyed) is not written.
     *
     * @return the failures, in Russian, of the contents that fewer than {@code minimumCopies} locations hold
     */
    static List<String> store(JdbcTemplate jdbc, long first, long last, List<StorageLocation> locations,
            int minimumCopies) {
        List<String> failures = new ArrayList<>();
        // The content columns as V18's registry_journal_content_column names them (COLUMNS adds their keys).
        jdbc.query("SELECT table_name, row_data::text, row_data->>registry_journal_content_column(table_name) "
                + "FROM registry_journal WHERE chain_no BETWEEN ? AND ? AND op <> 'D' "
                + "AND registry_journal_content_column(table_name) IS NOT NULL ORDER BY chain_no",
                rs -> {
                    String reference = rs.getString(3);
                    if (reference == null || !reference.startsWith(PREFIX)) {
                        return;
                    }
                    String sha256 = reference.substring(PREFIX.length());
                    List<StorageLocation> missing = locations.stream().filter(l -> !holds(l, key(sha256))).toList();
                    if (missing.isEmpty()) {
                        return;
                    }
                    Optional<byte[]> content = current(jdbc, rs.getString(1), rs.getString(2), sha256);
                    if (content.isEmpty()) {
                        return; // emptied (destroyed) since: nothing of it is to be kept
                    }
                    List<String> failed = new ArrayList<>();
                    for (StorageLocation location : missing) {
                        try {
                            location.put(key(sha256), content.get());
                        } catch (RuntimeException e) {
                            log.error("Registry journal content {} not written to {}: {}", sha256, location.name(),
                                    e.toString());
                            failed.add(JournalTexts.get("ship.content", key(sha256), location.name(),
                                    e.getMessage()));
                        }
                    }
                    if (locations.size() - failed.size() < minimumCopies) {
                        failures.addAll(failed);
                    }
                }, first, last);
        return failures;
    }

    /** Whether the location holds the key; a location that cannot be asked (faulty, down) does not. */
    private static boolean holds(StorageLocation location, String key) {
        try {
            return location.exists(key);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The row's content as the table holds it now, if it still hashes to the reference. */
    private static Optional<byte[]> current(JdbcTemplate jdbc, String table, String row, String sha256) {
        Column column = COLUMNS.get(table);
        String where = column.key().stream().map(k -> "x." + k + " = r." + k)
                .reduce((a, b) -> a + " AND " + b).orElseThrow();
        List<byte[]> bytes = jdbc.query("SELECT x." + column.name() + " FROM " + table + " x, "
                + "jsonb_populate_record(NULL::" + table + ", ?::jsonb - '" + column.name() + "') r WHERE " + where,
                (rs, i) -> rs.getBytes(1), row);
        return bytes.stream().filter(b -> JournalFormat.sha256(b).equals(sha256)).findFirst();
    }

    /**
     * Destroys in every location the contents that the registry emptied or deleted (an executed destruction act).
     *
     * @return the failures, in Russian; a content destroyed everywhere is forgotten
     */
    static List<String> purge(JdbcTemplate jdbc, List<StorageLocation> locations) {
        List<String> failures = new ArrayList<>();
        for (String sha256 : jdbc.queryForList("SELECT sha256 FROM registry_journal_content_purge ORDER BY sha256",
                String.class)) {
            boolean everywhere = true;
            for (StorageLocation location : locations) {
                try {
                    location.destroy(key(sha256));
                } catch (RuntimeException e) {
                    everywhere = false;
                    log.error("Registry journal content {} not destroyed in {}: {}", sha256, location.name(),
                            e.toString());
                    failures.add(JournalTexts.get("ship.purge", key(sha256), location.name(), e.getMessage()));
                }
            }
            if (everywhere) {
                jdbc.update("DELETE FROM registry_journal_content_purge WHERE sha256 = ?", sha256);
            }
        }
        return failures;
    }

    /**
     * The bytea text ({@code \x…}) to replay for a content reference: the content object's bytes if the location
     * holds them and they hash to the reference, or empty bytes if it does not (destroyed by an act).
     *
     * @throws RegistryRebuildException if the location holds different bytes under the key
     */
    static Restored restore(StorageLocation location, String reference) throws IOException {
        String sha256 = reference.substring(PREFIX.length());
        if (!location.exists(key(sha256))) {
            return new Restored("\\x", false);
        }
        byte[] bytes;
        try (InputStream in = location.open(key(sha256))) {
            bytes = in.readAllBytes();
        }
        if (!JournalFormat.sha256(bytes).equals(sha256)) {
            throw new RegistryRebuildException(JournalTexts.get("rebuild.bad-content", key(sha256)));
        }
        return new Restored("\\x" + HexFormat.of().formatHex(bytes), true);
    }

    /** A content as replayed, and whether it was found. */
    record Restored(String byteaText, boolean found) {
    }
}
