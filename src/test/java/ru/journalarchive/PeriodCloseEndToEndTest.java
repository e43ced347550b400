package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.jobs.InboxPoller;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.SnapshotReader;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The period close end to end, through the real CLI, on a real embedded PostgreSQL and two real filesystem
 * locations: snapshot → frozen journal → PDF/A-3 → two verified copies → registry.
 */
@SpringBootTest
@ActiveProfiles("test")
class PeriodCloseEndToEndTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    SnapshotReader reader;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboxPoller inbox;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void theExampleSchoolClosesIntoBothLocationsAsValidPdfA() throws Exception {
        Path example = Path.of("archive-format/examples/example-school.json");
        Cli.Result result = cli.run("close", example.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String schoolId = reader.read(example).school().id();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery(schoolId, null, null, null));
        assertThat(documents).hasSize(reader.read(example).classes().size());
        for (ArchivedDocument document : documents) {
            byte[] pdf = assertReplicasIdentical(document, ArchivedDocument.ROLE_PDF);
            assertThat(PdfA.failuresOf3b(pdf)).as(document.className()).isEmpty();
            assertThat(Pdfs.text(pdf)).contains("КЛАССНЫЙ ЖУРНАЛ").contains(document.className());
            assertThat(result.out()).contains(locations.get("site-a").describe(
                    document.object(ArchivedDocument.ROLE_PDF).orElseThrow().key()));
        }
    }

    @Test
    void aThousandPupilSchoolGetsOneValidJournalPerClassHoldingExactlyThatClassInBothLocations() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "unseen-1000", 1000, 20261124L);
        Cli.Result result = cli.run("close", snapshot.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();

        List<ClassJournal> classes = ClassJournals.of(reader.read(snapshot));
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("unseen-1000", null, null, null));
        assertThat(documents).hasSize(classes.size());
        for (ClassJournal journal : classes) {
            ArchivedDocument document = documents.stream()
                    .filter(d -> d.classId().equals(journal.schoolClass().id())).findFirst().orElseThrow();
            byte[] pdf = assertReplicasIdentical(document, ArchivedDocument.ROLE_PDF);
            byte[] json = assertReplicasIdentical(document, ArchivedDocument.ROLE_SOURCE_JSON);
            assertThat(PdfA.failuresOf3b(pdf)).as(document.className()).isEmpty();
            List<byte[]> embedded = Pdfs.embeddedFiles(pdf);
            assertThat(embedded).hasSize(1);
            assertThat(embedded.get(0)).isEqualTo(CanonicalJson.of(journal)).isEqualTo(json);
            assertThat(CanonicalJson.read(embedded.get(0)).schoolClass()).isEqualTo(
                    CanonicalJson.read(CanonicalJson.of(journal)).schoolClass());
        }

        Cli.Result listed = cli.run("documents", "--school", "unseen-1000", "--json");
        List<JsonNode> lines = listed.out().lines().map(Snapshots.JSON::readTree).toList();
        assertThat(lines).hasSize(classes.size());
        for (JsonNode line : lines) {
            assertThat(line.get("retention").get("eligibleForDestructionFrom").asString()).isEqualTo("2031-01-01");
            assertThat(line.get("replicas")).hasSize(2);
            assertThat(line.get("pdfaFlavour").asString()).isEqualTo("PDF/A-3B");
            for (String field : List.of("id", "type", "schoolId", "academicYear", "classId", "period", "version",
                    "sha256", "sizeBytes")) {
                assertThat(line.has(field)).as(field).isTrue();
            }
        }
    }

    @Test
    void closingTheSameSnapshotAgainChangesNothing() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "again", 60, 7L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        Map<String, Long> before = registry.counts();
        List<Path> filesBefore = storedFiles();

        // The same journal exported again later: other bytes (export time), same content.
        Path reExported = Snapshots.mutate(snapshot, tmp.resolve("again-later.json"),
                s -> s.put("exportedAt", "2024-12-31T18:00:00+03:00"));
        Cli.Result second = cli.run("close", reExported.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("уже закрыт ранее");
        assertThat(registry.counts()).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aMarkChangedAfterTheFreezeIsRefusedAndReportedWithOldAndNewValues() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "retro", 60, 8L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        Map<String, Long> before = registry.counts();
        String[] changed = new String[3];
        Path changedSnapshot = Snapshots.mutate(snapshot, tmp.resolve("retro-changed.json"), s -> {
            ObjectNode schoolClass = Snapshots.markedClass(s);
            ObjectNode mark = (ObjectNode) schoolClass.get("marks").get(0);
            changed[0] = schoolClass.get("id").asString();
            changed[1] = mark.get("value").asString();
            changed[2] = changed[1].equals("5") ? "4" : "5";
            mark.put("value", changed[2]);
            mark.put("enteredAt", "2024-11-20T21:00:00+03:00");
        });

        Cli.Result result = cli.run("close", changedSnapshot.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("Изменения задним числом").contains("Класс " + changed[0])
                .contains("было «" + changed[1]).contains("стало «" + changed[2]).contains("2024-11-20T21:00:00+03:00");
        assertThat(registry.counts()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM frozen_journal WHERE school_id = 'retro'").query(Long.class)
                .single()).isEqualTo(ClassJournals.of(reader.read(snapshot)).size());
    }

    @Test
    void aClassThatFailsIsClosedOnRestartWithNothingDuplicatedAndNothingLost() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "restart", 120, 9L);
        List<ClassJournal> classes = ClassJournals.of(reader.read(snapshot));
        ClassJournal victim = classes.get(2);
        // A foreign file already sits where the victim's PDF must go in site-b: the write-once store refuses to
        // overwrite it, so this class fails while the others complete.
        String key = ru.journalarchive.storage.ObjectKeys.classJournalPdf("restart", "2024/2025",
                victim.schoolClass().period().id(), victim.schoolClass().id(), 1);
        Path blocker = Path.of(locations.get("site-b").describe(key));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a journal");

        Cli.Result first = cli.run("close", snapshot.toString());

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(registry.list(new DocumentQuery("restart", null, null, null))).hasSize(classes.size() - 1);
        assertThat(first.err()).contains("close " + snapshot);

        Files.delete(blocker);
        Cli.Result second = cli.run("close", snapshot.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).containsOnlyOnce(victim.schoolClass().name() + " — закрыт");
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("restart", null, null, null));
        assertThat(documents).hasSize(classes.size());
        assertThat(documents).allSatisfy(d -> assertThat(d.objects()).hasSize(2)
                .allSatisfy(o -> assertThat(o.replicas()).extracting(ArchivedDocument.Replica::location)
                        .containsExactlyInAnyOrder("site-a", "site-b")));
        assertThat(jdbc.sql("SELECT count(*) FROM frozen_journal WHERE school_id = 'restart'").query(Long.class)
                .single()).isEqualTo(classes.size());
    }

    @Test
    void verifyNamesTheReplicaWithOneFlippedByte() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "fixity", 60, 10L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        assertThat(cli.run("verify", "--school", "fixity").exitCode()).isZero();
        ArchivedDocument document = registry.list(new DocumentQuery("fixity", null, null, null)).get(1);
        String key = document.object(ArchivedDocument.ROLE_PDF).orElseThrow().key();
        Path damaged = Path.of(locations.get("site-b").describe(key));
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(damaged, bytes);

        Cli.Result result = cli.run("verify", "--school", "fixity");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains(damaged.toString()).contains("ИЗМЕНЕНА").contains("site-b");
        assertThat(result.err().lines().filter(l -> l.contains("ИЗМЕНЕНА") || l.contains("ОТСУТСТВУЕТ"))).hasSize(1);
    }

    @Test
    void theInboxClosesAGoodSnapshotAndMovesARejectedOneAsideWithItsErrors() throws Exception {
        Files.createDirectories(inbox.directory());
        Path good = Snapshots.generate(tmp, "inbox-good", 30, 11L);
        Files.copy(good, inbox.directory().resolve("good.json"));
        Snapshots.mutate(good, inbox.directory().resolve("bad.json"), s -> s.put("format", "journal-snapshot/9"));

        List<InboxPoller.InboxOutcome> outcomes = inbox.pollOnce();

        assertThat(outcomes).extracting(InboxPoller.InboxOutcome::kind)
                .containsExactlyInAnyOrder(InboxPoller.InboxOutcome.Kind.CLOSED, InboxPoller.InboxOutcome.Kind.REJECTED);
        assertThat(inbox.directory().resolve("done/good.json")).exists();
        assertThat(inbox.directory().resolve("rejected/bad.json")).exists();
        assertThat(Files.readString(inbox.directory().resolve("rejected/bad.json.errors.txt")))
                .contains("$.format").contains("отклонён");
        assertThat(registry.list(new DocumentQuery("inbox-good", null, null, null))).isNotEmpty();
    }

    @Test
    void withALocationDownTheCloseFailsClearlyAndClaimsNoCopyThenCompletesWhenItIsBack() throws Exception {
        Path siteB = Path.of(locations.get("site-b").description());
        Path parked = siteB.resolveSibling("objects-parked");
        Files.move(siteB, parked);
        Files.writeString(siteB, "the disk of site-b is gone");
        Path snapshot = Snapshots.generate(tmp, "site-down", 30, 13L);
        try {
            Cli.Result failed = cli.run("close", snapshot.toString());

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.err()).contains("site-b").contains("unavailable");
            assertThat(registry.list(new DocumentQuery("site-down", null, null, null))).isEmpty();
        } finally {
            Files.delete(siteB);
            Files.move(parked, siteB);
        }
        Cli.Result resumed = cli.run("close", snapshot.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(registry.list(new DocumentQuery("site-down", null, null, null))).isNotEmpty()
                .allSatisfy(d -> assertThat(d.objects()).allSatisfy(o -> assertThat(o.replicas()).hasSize(2)));
    }

    @Test
    void whatIsArchivedCannotBeChangedOrDeletedInTheRegistry() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "immutable", 30, 12L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        String id = registry.list(new DocumentQuery("immutable", null, null, null)).get(0).id().toString();

        for (String statement : List.of(
                "UPDATE archived_object SET sha256 = repeat('0', 64) WHERE document_id = '%s'",
                "DELETE FROM archived_object WHERE document_id = '%s'",
                "UPDATE archived_document SET page_count = 1 WHERE id = '%s'",
                "UPDATE replica SET object_key = 'elsewhere' WHERE object_id IN"
                        + " (SELECT id FROM archived_object WHERE document_id = '%s')",
                "UPDATE frozen_journal SET sha256 = repeat('0', 64) WHERE id ="
                        + " (SELECT frozen_journal_id FROM archived_document WHERE id = '%s')")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(statement.formatted(id)).update())
                    .as(statement).hasMessageContaining("write-once");
        }
        assertThat(cli.run("verify", "--school", "immutable").exitCode()).isZero();
    }

    private byte[] assertReplicasIdentical(ArchivedDocument document, String role) throws IOException {
        ArchivedDocument.ArchivedObject object = document.object(role).orElseThrow();
        assertThat(object.replicas()).extracting(ArchivedDocument.Replica::location)
                .containsExactlyInAnyOrder("site-a", "site-b");
        byte[] a = Files.readAllBytes(Path.of(locations.get("site-a").describe(object.key())));
        byte[] b = Files.readAllBytes(Path.of(locations.get("site-b").describe(object.key())));
        assertThat(a).isEqualTo(b);
        assertThat(CanonicalJson.sha256(a)).isEqualTo(object.sha256());
        return a;
    }

    private List<Path> storedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (StorageLocation location : locations.all()) {
            try (Stream<Path> walk = Files.walk(Path.of(location.description()))) {
                walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/objects/registry/")) // the registry journal
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }
}
