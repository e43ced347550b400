package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.audit.AuditEvent;
import ru.journalarchive.audit.AuditEventType;
import ru.journalarchive.audit.AuditLog;
import ru.journalarchive.audit.LocationReport;
import ru.journalarchive.audit.StorageReport;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;

/**
 * The fixity audit end to end, through the real CLI, on a real embedded PostgreSQL and two real filesystem
 * locations: damaged replicas are found, repaired from the healthy copy, recorded, and reported.
 */
@SpringBootTest
@ActiveProfiles("test")
// A context (database and locations) of its own: it checks every replica of the registry, so other tests' deliberately damaged copies must not be in it
@TestPropertySource(properties = "test.context=fixity-audit")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FixityAuditEndToEndTest {

    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    AuditLog auditLog;
    @Autowired
    StorageReport storageReport;
    @Autowired
    JdbcClient jdbc;

    Cli cli;
    List<ArchivedDocument> documents;

    @BeforeEach
    void closeTheExampleSchool() {
        cli = new Cli(context);
        Cli.Result closed = cli.run("close", EXAMPLE.toString());
        assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        documents = registry.list(new DocumentQuery(null, null, null, null));
        assertThat(documents).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeletedAndAFlippedReplicaAreRepairedFromTheHealthyCopyRecordedAndReported() throws IOException {
        ArchivedDocument.ArchivedObject pdf = documents.get(0).object(ArchivedDocument.ROLE_PDF).orElseThrow();
        ArchivedDocument.ArchivedObject json = documents.get(1).object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow();
        Path deleted = file("site-b", pdf.key());
        Path flipped = file("site-a", json.key());
        Files.delete(deleted);
        byte[] damaged = flipOneByte(flipped);
        Instant before = Instant.now().minusSeconds(1);

        Cli.Result audit = cli.run("audit", "--full");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.err()).contains("ПОВРЕЖДЕНИЕ", pdf.key(), json.key());
        assertThat(audit.out()).contains("ВОССТАНОВЛЕНО", "восстановлено: 2, не восстановлено: 0");
        assertThat(deleted).hasBinaryContent(Files.readAllBytes(file("site-a", pdf.key())));
        assertThat(flipped).hasBinaryContent(Files.readAllBytes(file("site-b", json.key())));
        assertThat(quarantined("site-a", json.key())).singleElement()
                .satisfies(kept -> assertThat(kept).hasBinaryContent(damaged));
        assertThat(quarantined("site-b", pdf.key())).isEmpty(); // a missing file leaves nothing to keep

        assertThat(types(auditLog.ofReplica(pdf.id(), "site-b")))
                .containsExactly(AuditEventType.FIXITY_FAILURE, AuditEventType.REPAIR);
        List<AuditEvent> jsonEvents = auditLog.ofReplica(json.id(), "site-a");
        assertThat(types(jsonEvents)).containsExactly(AuditEventType.FIXITY_FAILURE, AuditEventType.REPAIR);
        assertThat(jsonEvents.get(0).detail()).contains("expected sha256 " + json.sha256());
        assertThat(jsonEvents.get(1).detail()).contains("from site-b", "damaged bytes kept at");
        assertThat(jsonEvents).allSatisfy(e -> assertThat(e.agent()).startsWith("fixityAuditJob/1 ("));
        assertThat(auditLog.since(before, AuditEventType.FIXITY_CHECK)).hasSize(replicaCount() - 2);

        List<LocationReport> report = storageReport.report(Instant.now().minus(30, ChronoUnit.DAYS));
        assertThat(report.stream().mapToLong(LocationReport::failures).sum()).isEqualTo(2);
        assertThat(report.stream().mapToLong(LocationReport::repairs).sum()).isEqualTo(2);
        assertThat(report.stream().mapToLong(LocationReport::unresolved).sum()).isZero();
        assertThat(report).allSatisfy(r -> {
            assertThat(r.objects()).isEqualTo(replicaCount() / 2);
            assertThat(r.allVerifiedSince()).isAfter(before);
            assertThat(r.oldestKey()).isNotNull();
        });
        Cli.Result printed = cli.run("storage-report");
        assertThat(printed.exitCode()).as(printed.out() + printed.err()).isZero();
        assertThat(printed.out()).contains("Место хранения «site-a»", "повреждений найдено 1, восстановлено 1");

        Cli.Result again = cli.run("audit");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Все копии целы");
    }

    @Test
    void aReplicaDamagedInBothLocationsIsNotRepairedAndNothingIsOverwritten() throws IOException {
        ArchivedDocument.ArchivedObject pdf = documents.get(0).object(ArchivedDocument.ROLE_PDF).orElseThrow();
        byte[] damagedA = flipOneByte(file("site-a", pdf.key()));
        Files.delete(file("site-b", pdf.key()));

        Cli.Result audit = cli.run("audit", "--full");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(1);
        assertThat(audit.err()).contains("НЕ ВОССТАНОВЛЕНО", "no healthy copy", "не удалось восстановить копий — 2");
        assertThat(file("site-a", pdf.key())).hasBinaryContent(damagedA);
        assertThat(file("site-b", pdf.key())).doesNotExist();
        assertThat(quarantined("site-a", pdf.key())).isEmpty();
        assertThat(types(auditLog.ofReplica(pdf.id(), "site-a")))
                .containsExactly(AuditEventType.FIXITY_FAILURE, AuditEventType.REPAIR_FAILURE);
        assertThat(types(auditLog.ofReplica(pdf.id(), "site-b")))
                .containsExactly(AuditEventType.FIXITY_FAILURE, AuditEventType.REPAIR_FAILURE);
        assertThat(storageReport.report(Instant.EPOCH)).allSatisfy(r -> assertThat(r.unresolved()).isEqualTo(1));
        assertThat(cli.run("storage-report").exitCode()).isEqualTo(1);
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        assertThat(cli.run("audit").exitCode()).isZero();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET outcome = 'failure'").update())
                .hasMessageContaining("write-once");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("write-once");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE outcome = 'success'").query(Long.class).single())
                .isEqualTo(replicaCount());
    }

    @Test
    void aRunThatFailedHalfwayIsResumedWithoutRepairingAnythingTwice() throws IOException {
        // The last replica in the audit's order (location, key) fails to be recorded: the run fails after the repairs.
        String lastKey = jdbc.sql("SELECT object_key FROM replica WHERE location = 'site-b' ORDER BY object_key DESC LIMIT 1")
                .query(String.class).single();
        ArchivedDocument.ArchivedObject inA = documents.get(0).object(ArchivedDocument.ROLE_PDF).orElseThrow();
        String earlierKeyInB = jdbc.sql("SELECT object_key FROM replica WHERE location = 'site-b' AND object_key < ? "
                + "ORDER BY object_key DESC LIMIT 1").param(lastKey).query(String.class).single();
        Files.delete(file("site-a", inA.key()));
        flipOneByte(file("site-b", earlierKeyInB));
        jdbc.sql("""
                CREATE FUNCTION test_refuse_event() RETURNS trigger AS $$
                BEGIN
                    IF NEW.object_key = '%s' AND NEW.event_type = 'fixity-check' THEN
                        RAISE EXCEPTION 'simulated database failure';
                    END IF;
                    RETURN NEW;
                END; $$ LANGUAGE plpgsql""".formatted(lastKey)).update();
        jdbc.sql("CREATE TRIGGER test_refuse_event BEFORE INSERT ON audit_event FOR EACH ROW "
                + "EXECUTE FUNCTION test_refuse_event()").update();

        Cli.Result failed = cli.run("audit", "--full");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("Проверка не завершена");
        assertThat(countOf(AuditEventType.REPAIR)).isEqualTo(2);

        jdbc.sql("DROP TRIGGER test_refuse_event ON audit_event").update();
        Cli.Result resumed = cli.run("audit", "--full");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(countOf(AuditEventType.REPAIR)).isEqualTo(2);
        assertThat(countOf(AuditEventType.FIXITY_FAILURE)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(DISTINCT audit_run) FROM audit_event").query(Long.class).single())
                .as("the restart continues the same run").isEqualTo(1);
        assertThat(quarantined("site-b", earlierKeyInB)).hasSize(1);
        assertThat(file("site-a", inA.key())).hasBinaryContent(Files.readAllBytes(file("site-b", inA.key())));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_key = ? AND location = 'site-b' "
                + "AND event_type = 'fixity-check'").param(lastKey).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRollingAuditChecksTheShareOfReplicasVerifiedLongestAgo() {
        int total = replicaCount();
        jdbc.sql("""
                UPDATE replica p SET verified_at = now() - n.rank * interval '1 minute'
                FROM (SELECT object_id, location, row_number() OVER (ORDER BY object_key, location) AS rank
                      FROM replica) n
                WHERE n.object_id = p.object_id AND n.location = p.location""").update();
        int share = (int) Math.ceil(0.1 * total);
        List<String> oldest = jdbc.sql("SELECT location || ':' || object_key FROM replica ORDER BY verified_at LIMIT ?")
                .param(share).query(String.class).list();

        Cli.Result audit = cli.run("audit", "--rolling");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).contains("Выборочная проверка: проверено копий " + share);
        assertThat(jdbc.sql("SELECT location || ':' || object_key FROM audit_event").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(oldest);
        Cli.Result next = cli.run("audit", "--rolling");
        assertThat(next.exitCode()).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT (location, object_key)) FROM audit_event").query(Long.class).single())
                .as("the next night checks the next share").isEqualTo(Math.min(total, 2L * share));
    }

    private long countOf(AuditEventType type) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE event_type = ?").param(type.code())
                .query(Long.class).single();
    }

    private int replicaCount() {
        return jdbc.sql("SELECT count(*) FROM replica").query(Integer.class).single();
    }

    private Path file(String location, String key) {
        return Path.of(locations.get(location).describe(key));
    }

    /** The copies of an object kept in a location's quarantine. */
    private List<Path> quarantined(String location, String key) throws IOException {
        StorageLocation storage = locations.get(location);
        Path quarantine = Path.of(storage.description()).getParent().resolve("quarantine");
        if (!Files.isDirectory(quarantine)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(quarantine)) {
            return runs.map(run -> run.resolve(key)).filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static List<AuditEventType> types(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::type).toList();
    }

    /** Flips one byte in the middle of a stored (read-only) file; returns the damaged content. */
    static byte[] flipOneByte(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 0x01;
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        return content;
    }
}
