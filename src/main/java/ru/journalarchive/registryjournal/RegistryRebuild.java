package ru.journalarchive.registryjournal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Rebuilds a lost registry from one storage location's registry journal: refuses unless the database holds no
 * registry; reads {@code registry/identity.json} and checks the whole hash chain first (a broken link is refused
 * naming the segment and entry, nothing written); then replays every entry in one transaction with
 * {@code session_replication_role = replica} (which needs a superuser: the embedded database's user is one; an
 * external database's owner must be, for the rebuild only), resets every sequence past its table's largest value and
 * records the identity and the chain, so that shipping continues the same chain.
 */
@Component
public class RegistryRebuild {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final StorageLocations locations;
    private final RegistryIdentity identity;

    RegistryRebuild(JdbcClient jdbc, PlatformTransactionManager transactionManager, StorageLocations locations,
            RegistryIdentity identity) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.locations = locations;
        this.identity = identity;
    }

    /**
     * Rebuilds the registry from the named location.
     *
     * @throws IllegalArgumentException  if there is no such location (the message names the configured ones)
     * @throws RegistryRebuildException if the database is not empty, the location holds no registry or its chain is
     *                                  broken; nothing is written then
     * @throws IOException              if the location cannot be read
     */
    public RebuildResult rebuild(String locationName) throws IOException {
        StorageLocation location = locations.get(locationName);
        if (identity.inDatabase().isPresent()) {
            throw new RegistryRebuildException(JournalTexts.get("rebuild.has-identity",
                    identity.inDatabase().get().registryId().toString()));
        }
        List<String> filled = identity.tablesWithRows();
        if (!filled.isEmpty()) {
            throw new RegistryRebuildException(JournalTexts.get("rebuild.not-empty", String.join(", ", filled)));
        }
        RegistryIdentity.Identity registry = RegistryIdentity.inLocation(location).orElseThrow(() ->
                new RegistryRebuildException(JournalTexts.get("rebuild.no-identity", location.name(),
                        location.description())));
        // First pass: the whole chain is checked before anything is written.
        List<ChainReader.SegmentRead> segments = new ArrayList<>();
        ChainReader check = new ChainReader(location);
        for (ChainReader.SegmentRead s; (s = check.next((n, t, o, r) -> { })) != null; ) {
            segments.add(s);
        }
        long[] contents = transaction.execute(status -> replay(location, registry, segments));
        Map<String, Long> rows = new TreeMap<>();
        for (String table : identity.journaledTables()) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
        }
        long entries = segments.stream().mapToLong(ChainReader.SegmentRead::entries).sum();
        return new RebuildResult(registry.registryId(), segments.size(), entries, rows, contents[0], contents[1]);
    }

    /** Replays the checked segments; returns the contents restored and those found destroyed. */
    private long[] replay(StorageLocation location, RegistryIdentity.Identity registry,
            List<ChainReader.SegmentRead> checked) {
        jdbc.sql("SET LOCAL session_replication_role = replica").update();
        // What the start-up itself wrote (retention terms) and its journal entries give way to the registry's own.
        for (String table : RegistryIdentity.START_UP_TABLES) {
            jdbc.sql("DELETE FROM \"" + table + "\"").update();
        }
        jdbc.sql("DELETE FROM registry_journal").update();
        Replay replay = new Replay(jdbc, location);
        ChainReader reader = new ChainReader(location);
        try {
            for (ChainReader.SegmentRead expected : checked) {
                ChainReader.SegmentRead read = reader.next((n, t, o, r) -> {
                    try {
                        replay.apply(t, o, r);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                if (read == null || !read.sha256().equals(expected.sha256())) {
                    throw new RegistryRebuildException(JournalTexts.get("rebuild.changed",
                            JournalFormat.segmentKey(expected.first())));
                }
                jdbc.sql("INSERT INTO registry_journal_segment (first_chain_no, last_chain_no, entries, sha256, "
                        + "last_hash, stored_at) VALUES (?, ?, ?, ?, ?, now())")
                        .params(read.first(), read.last(), read.entries(), read.sha256(), read.lastHash()).update();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String table : identity.journaledTables()) {
            resetSequences(table);
        }
        identity.store(registry);
        return new long[] {replay.contentsRestored(), replay.contentsDestroyed()};
    }

    /** Sets each sequence of the table's columns (serial and identity) past the largest value the table holds. */
    private void resetSequences(String table) {
        List<String[]> sequences = jdbc.sql("SELECT a.attname, pg_get_serial_sequence(quote_ident(?), a.attname) "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = ? "
                + "AND c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND NOT a.attisdropped")
                .params(table, table).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] column : sequences) {
            if (column[1] != null) {
                jdbc.sql("SELECT setval(?, COALESCE(max(\"" + column[0] + "\"), 1), max(\"" + column[0]
                        + "\") IS NOT NULL) FROM \"" + table + "\"").param(column[1]).query((rs, i) -> 1).list();
            }
        }
    }
}
