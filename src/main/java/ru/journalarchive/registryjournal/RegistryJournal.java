package ru.journalarchive.registryjournal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Ships the registry journal to every storage location: the entries not yet shipped get consecutive chain numbers
 * and become one write-once segment object per {@value JournalFormat#SEGMENT_ENTRIES} entries, hash-chained to the
 * segment before; a segment that could not be written everywhere is written first next time. One shipper at a time
 * (a PostgreSQL advisory lock, also across processes on an external database). Called at the end of every job, after
 * every command, and every few seconds by {@code serve}.
 */
@Component
public class RegistryJournal {

    private static final Logger log = LoggerFactory.getLogger(RegistryJournal.class);
    /** The advisory lock key of shipping ("RJ" in the high bytes). */
    private static final long LOCK = 0x524A_0000_0000_0001L;
    static final String RECORDED_AT = "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";

    private final DataSource dataSource;
    private final StorageLocations locations;

    RegistryJournal(DataSource dataSource, StorageLocations locations) {
        this.dataSource = dataSource;
        this.locations = locations;
    }

    /** A segment as recorded in {@code registry_journal_segment}. */
    private record Segment(long first, long last, String sha256, String lastHash) {
    }

    /**
     * Ships every entry committed before the call (and any segment a failed shipping left unwritten) to every
     * location. Never throws for a location's failure: the result names it and the entries stay due.
     */
    public ShipResult ship() {
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.queryForList("SELECT pg_advisory_lock(?)", LOCK);
            try {
                return shipLocked(connection, jdbc);
            } finally {
                jdbc.queryForList("SELECT pg_advisory_unlock(?)", LOCK);
            }
        } catch (SQLException | RuntimeException e) {
            log.error("Registry journal could not be shipped: {}", e.toString());
            return new ShipResult(0, 0, List.of(JournalTexts.get("ship.database", e.getMessage())));
        }
    }

    private ShipResult shipLocked(Connection connection, JdbcTemplate jdbc) throws SQLException {
        int segments = 0;
        long entries = 0;
        for (Segment due : jdbc.query("SELECT first_chain_no, last_chain_no, sha256, last_hash FROM "
                + "registry_journal_segment WHERE stored_at IS NULL ORDER BY first_chain_no", (rs, i) ->
                new Segment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))) {
            byte[] content = rebuild(jdbc, due);
            List<String> failures = storeWithContents(jdbc, due, content);
            if (!failures.isEmpty()) {
                return new ShipResult(segments, entries, failures);
            }
            segments++;
            entries += due.last() - due.first() + 1;
        }
        while (true) {
            connection.setAutoCommit(false);
            Segment segment;
            byte[] content;
            try {
                Segment previous = jdbc.query("SELECT first_chain_no, last_chain_no, sha256, last_hash FROM "
                        + "registry_journal_segment ORDER BY last_chain_no DESC LIMIT 1", (rs, i) ->
                        new Segment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                        .stream().findFirst().orElse(new Segment(0, 0, "", JournalFormat.GENESIS));
                List<Long> seqs = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                String[] prev = {previous.lastHash()};
                long[] chain = {previous.last()};
                jdbc.query("SELECT seq, table_name, op, " + RECORDED_AT + ", row_data::text FROM registry_journal "
                        + "WHERE chain_no IS NULL ORDER BY seq LIMIT " + JournalFormat.SEGMENT_ENTRIES, rs -> {
                    seqs.add(rs.getLong(1));
                    JournalFormat.Line line = JournalFormat.line(++chain[0], rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), prev[0]);
                    text.append(line.text()).append('\n');
                    prev[0] = line.hash();
                });
                if (seqs.isEmpty()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    return new ShipResult(segments, entries, JournalContents.purge(jdbc, locations.all()));
                }
                long first = previous.last() + 1;
                List<Object[]> numbers = new ArrayList<>();
                for (int i = 0; i < seqs.size(); i++) {
                    numbers.add(new Object[] {first + i, seqs.get(i)});
                }
                jdbc.batchUpdate("UPDATE registry_journal SET chain_no = ? WHERE seq = ?", numbers);
                content = text.toString().getBytes(StandardCharsets.UTF_8);
                segment = new Segment(first, chain[0], JournalFormat.sha256(content), prev[0]);
                jdbc.update("INSERT INTO registry_journal_segment (first_chain_no, last_chain_no, entries, sha256, "
                        + "last_hash) VALUES (?, ?, ?, ?, ?)", segment.first(), segment.last(), seqs.size(),
                        segment.sha256(), segment.lastHash());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            List<String> failures = storeWithContents(jdbc, segment, content);
            if (!failures.isEmpty()) {
                return new ShipResult(segments, entries, failures);
            }
            segments++;
            entries += segment.last() - segment.first() + 1;
        }
    }

    /** The bytes of a recorded segment again, from its entries; they must hash as recorded. */
    private static byte[] rebuild(JdbcTemplate jdbc, Segment segment) {
        String prev = segment.first() == 1 ? JournalFormat.GENESIS : jdbc.queryForObject(
                "SELECT last_hash FROM registry_journal_segment WHERE last_chain_no = ?", String.class,
                segment.first() - 1);
        StringBuilder text = new StringBuilder();
        String[] previous = {prev};
        jdbc.query("SELECT chain_no, table_name, op, " + RECORDED_AT + ", row_data::text FROM registry_journal "
                + "WHERE chain_no BETWEEN ? AND ? ORDER BY chain_no", rs -> {
            JournalFormat.Line line = JournalFormat.line(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), previous[0]);
            text.append(line.text()).append('\n');
            previous[0] = line.hash();
        }, segment.first(), segment.last());
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        if (!JournalFormat.sha256(content).equals(segment.sha256())) {
            throw new IllegalStateException("registry journal segment " + segment.first()
                    + " no longer hashes as recorded: its entries were changed in the database");
        }
        return content;
    }

    /** Writes the contents the segment refers to, then the segment itself, to every location. */
    private List<String> storeWithContents(JdbcTemplate jdbc, Segment segment, byte[] content) {
        List<String> failures = JournalContents.store(jdbc, segment.first(), segment.last(), locations.all(),
                locations.minimumCopies());
        return failures.isEmpty() ? store(jdbc, segment, content) : failures;
    }

    /**
     * Writes the segment to every location; marks it stored when every location holds it. As durable as the
     * documents: a segment in at least {@code archive.storage.minimum-copies} locations is shipped (the close with a
     * location down completes, as its documents do), and stays due until every location holds it.
     *
     * @return the failures when fewer locations than the minimum hold the segment; empty otherwise
     */
    private List<String> store(JdbcTemplate jdbc, Segment segment, byte[] content) {
        String key = JournalFormat.segmentKey(segment.first());
        List<String> failures = new ArrayList<>();
        for (StorageLocation location : locations.all()) {
            try {
                location.put(key, content);
            } catch (RuntimeException e) {
                log.error("Registry journal segment {} not written to {}: {}", key, location.name(), e.toString());
                failures.add(JournalTexts.get("ship.location", key, location.name(), e.getMessage()));
            }
        }
        if (failures.isEmpty()) {
            jdbc.update("UPDATE registry_journal_segment SET stored_at = now() WHERE first_chain_no = ?",
                    segment.first());
        }
        return locations.all().size() - failures.size() >= locations.minimumCopies() ? List.of() : failures;
    }
}
