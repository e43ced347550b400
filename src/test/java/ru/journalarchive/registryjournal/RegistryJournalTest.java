package ru.journalarchive.registryjournal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * The registry journal in a real archive: every registry table is journaled (tables of later migrations too), every
 * location holds the same hash-chained segments after a close, and a close whose entries cannot be written to a
 * location is not complete (exit 1, the reason named) until a later run ships them.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "test.context=registry-journal")
class RegistryJournalTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageLocations locations;
    @Autowired
    RegistryJournal journal;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void everyTableButFlywaysSpringBatchsAndTheJournalsOwnHasTheCaptureTrigger() {
        List<String> tables = jdbc.sql("SELECT c.relname FROM pg_class c WHERE c.relkind IN ('r', 'p') "
                + "AND c.relnamespace = current_schema()::regnamespace ORDER BY 1").query(String.class).list();
        List<String> withTrigger = jdbc.sql("SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
                + "WHERE g.tgname = 'registry_journal_capture' ORDER BY 1").query(String.class).list();

        List<String> expected = tables.stream().filter(t -> !t.equals("flyway_schema_history")
                && !t.startsWith("batch_") && !t.startsWith("registry_journal") && !t.equals("registry_identity")
                // the search index (pupils' names): rebuilt by `search reindex`, never kept beyond a destruction act
                && !List.of("pupil_name", "pupil_name_word", "pupil_occurrence").contains(t))
                .toList();
        assertThat(withTrigger).containsExactlyElementsOf(expected);
        assertThat(withTrigger).contains("archived_document", "replica", "retention_hold", "destruction_act",
                "paper_copy_event", "backup_use", "access_log", "audit_event", "app_user", "api_key",
                "frozen_journal", "snapshot_import");
        assertThat(withTrigger).doesNotContain("pupil_name", "pupil_name_word", "pupil_occurrence");
    }

    @Test
    void aTableAddedByALaterMigrationIsJournaledWithTheRowsItAlreadyHolds() {
        jdbc.sql("CREATE TABLE later_table (id INT PRIMARY KEY, note TEXT)").update();
        jdbc.sql("INSERT INTO later_table VALUES (1, 'до установки')").update();

        assertThat(jdbc.sql("SELECT registry_journal_install()").query(Integer.class).single()).isEqualTo(1);
        jdbc.sql("UPDATE later_table SET note = 'после' WHERE id = 1").update();

        assertThat(jdbc.sql("SELECT op || ':' || (row_data->>'note') FROM registry_journal "
                + "WHERE table_name = 'later_table' ORDER BY seq").query(String.class).list())
                .containsExactly("I:до установки", "U:после");
        assertThat(jdbc.sql("SELECT registry_journal_install()").query(Integer.class).single()).isZero();
        jdbc.sql("DELETE FROM registry_journal WHERE table_name = 'later_table' AND chain_no IS NULL").update();
        jdbc.sql("DROP TABLE later_table").update();
    }

    @Test
    void everyLocationHoldsTheSameVerifiableChainAndAFailedShipMakesTheCloseIncompleteUntilShipped() throws Exception {
        assertThat(cli.run("close", Snapshots.generate(tmp, "journal-a", 30, 301L).toString()).exitCode()).isZero();
        assertThat(journal.ship().complete()).isTrue();
        List<String> segmentsA = chain(locations.get("site-a"));
        assertThat(segmentsA).isNotEmpty().isEqualTo(chain(locations.get("site-b")));
        long shipped = jdbc.sql("SELECT max(last_chain_no) FROM registry_journal_segment").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM registry_journal WHERE chain_no IS NULL").query(Long.class).single())
                .isZero();

        // site-b already holds other bytes under the next segment's key: that segment cannot be written there.
        Path blocker = Path.of(locations.get("site-b").describe(JournalFormat.segmentKey(shipped + 1)));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not this journal\n");
        Cli.Result close = cli.run("close", Snapshots.generate(tmp, "journal-b", 30, 302L).toString());

        assertThat(close.exitCode()).as(close.out() + close.err()).isEqualTo(1);
        assertThat(close.out() + close.err()).contains("журнал реестра не записан во все хранилища");
        assertThat(jdbc.sql("SELECT count(*) FROM registry_journal_segment WHERE stored_at IS NULL")
                .query(Long.class).single()).isEqualTo(1);

        Files.delete(blocker);
        Cli.Result again = cli.run("close", Snapshots.generate(tmp, "journal-b", 30, 302L).toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM registry_journal_segment WHERE stored_at IS NULL")
                .query(Long.class).single()).isZero();
        assertThat(chain(locations.get("site-a"))).isEqualTo(chain(locations.get("site-b")))
                .hasSizeGreaterThan(segmentsA.size());
    }

    /** The location's segments, checked link by link as a rebuild checks them; their hashes. */
    private static List<String> chain(StorageLocation location) throws IOException {
        List<String> hashes = new ArrayList<>();
        ChainReader reader = new ChainReader(location);
        for (ChainReader.SegmentRead s; (s = reader.next((n, t, o, r) -> { })) != null; ) {
            hashes.add(s.sha256());
            byte[] bytes;
            try (var in = location.open(JournalFormat.segmentKey(s.first()))) {
                bytes = in.readAllBytes();
            }
            // An outside tool's check: the hash of each line's text before ,"hash":" is the hash it names.
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                int at = line.lastIndexOf(JournalFormat.HASH_FIELD);
                assertThat(line).endsWith(JournalFormat.sha256(line.substring(0, at)
                        .getBytes(StandardCharsets.UTF_8)) + "\"}");
            }
        }
        return hashes;
    }
}
