package ru.journalarchive.registryjournal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.journalarchive.storage.StorageLocation;

/**
 * Applies journal entries to the database generically, from the catalog: an insert as the row itself
 * ({@code jsonb_populate_record}, identity columns kept), an update and a delete by the table's primary key. Runs
 * inside the rebuild's transaction with {@code session_replication_role = replica}, so neither the immutability
 * triggers nor the journal's own trigger fire.
 */
final class Replay {

    private final JdbcClient jdbc;
    private final StorageLocation location;
    private final Map<String, Statements> statements = new HashMap<>();
    private long contentsRestored;
    private long contentsDestroyed;

    Replay(JdbcClient jdbc, StorageLocation location) {
        this.jdbc = jdbc;
        this.location = location;
    }

    /** Contents put back from {@code registry/content/}. */
    long contentsRestored() {
        return contentsRestored;
    }

    /** Content references whose object the location no longer holds (destroyed by an act): replayed empty. */
    long contentsDestroyed() {
        return contentsDestroyed;
    }

    /** The SQL of one table's entries. */
    private record Statements(String insert, String update, String delete) {
    }

    void apply(String table, String op, String journaled) throws IOException {
        Statements sql = statements.computeIfAbsent(table, this::statements);
        String row = "D".equals(op) ? journaled : withContent(table, journaled);
        switch (op) {
            case "I" -> jdbc.sql(sql.insert()).param(row).update();
            case "U" -> {
                if (sql.update() != null) { // a table of key columns only: nothing to update
                    jdbc.sql(sql.update()).param(row).update();
                }
            }
            default -> jdbc.sql(sql.delete()).param(row).update();
        }
    }

    /** The row with its content column's reference replaced by the content's bytes (or empty bytes if destroyed). */
    private String withContent(String table, String row) throws IOException {
        JournalContents.Column column = JournalContents.COLUMNS.get(table);
        if (column == null) {
            return row;
        }
        String reference = jdbc.sql("SELECT ?::jsonb ->> ?").params(row, column.name()).query(String.class).single();
        if (reference == null || !reference.startsWith(JournalContents.PREFIX)) {
            return row;
        }
        JournalContents.Restored content = JournalContents.restore(location, reference);
        if (content.found()) {
            contentsRestored++;
        } else {
            contentsDestroyed++;
        }
        return jdbc.sql("SELECT jsonb_set(?::jsonb, ARRAY[?]::text[], to_jsonb(?::text))::text")
                .params(row, column.name(), content.byteaText()).query(String.class).single();
    }

    private Statements statements(String table) {
        List<String> columns = jdbc.sql("SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 "
                + "AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum").param(table)
                .query(String.class).list();
        if (columns.isEmpty()) {
            throw new RegistryRebuildException(JournalTexts.get("rebuild.unknown-table", table));
        }
        List<String> key = jdbc.sql("SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey) "
                + "WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace AND i.indisprimary "
                + "ORDER BY a.attnum").param(table).query(String.class).list();
        List<String> always = jdbc.sql("SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace AND a.attidentity = 'a'")
                .param(table).query(String.class).list();
        // Without a primary key a row is matched by all its columns (the journal holds whole rows).
        List<String> match = key.isEmpty() ? columns : key;
        String t = quote(table);
        String list = columns.stream().map(Replay::quote).collect(Collectors.joining(", "));
        String from = " FROM jsonb_populate_record(NULL::" + t + ", ?::jsonb) r";
        // A primary key is never null: "=" lets PostgreSQL use its index (IS NOT DISTINCT FROM would scan the table).
        String equals = key.isEmpty() ? " IS NOT DISTINCT FROM " : " = ";
        String where = match.stream().map(c -> "x." + quote(c) + equals + "r." + quote(c))
                .collect(Collectors.joining(" AND "));
        String set = columns.stream().filter(c -> !match.contains(c) && !always.contains(c))
                .map(c -> quote(c) + " = r." + quote(c)).collect(Collectors.joining(", "));
        String insert = "INSERT INTO " + t + " (" + list + ") OVERRIDING SYSTEM VALUE SELECT "
                + columns.stream().map(c -> "r." + quote(c)).collect(Collectors.joining(", ")) + from;
        String update = set.isEmpty() ? null
                : "UPDATE " + t + " x SET " + set + from + " WHERE " + where;
        String delete = "DELETE FROM " + t + " x USING jsonb_populate_record(NULL::" + t + ", ?::jsonb) r WHERE "
                + where;
        return new Statements(insert, update, delete);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
