package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import ru.journalarchive.archiving.JournalCorrected;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.node.ObjectNode;

/**
 * Authorised corrections end to end through the real CLI: a re-close refused as a retroactive change is accepted as
 * version 2 with a reason and an authorising person, with the correction note in its PDF/A; version 1 stays
 * registered and retrievable; empty reasons and second corrections write nothing; a failed correction resumes.
 */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class AuthorisedCorrectionEndToEndTest {

    private static final Pattern IMPORT_ID = Pattern.compile("Номер приёма: ([0-9a-f-]{36})");

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    /** A school closed, then re-exported with one mark changed: the re-close refused. */
    record Refused(String importId, String classId, String oldMark, String newMark, Path original, Path changed) {
    }

    private Refused refusedReClose(String schoolId) throws Exception {
        Path snapshot = Snapshots.generate(tmp, schoolId, 60, 8L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        String[] changed = new String[3];
        Path changedSnapshot = Snapshots.mutate(snapshot, tmp.resolve(schoolId + "-changed.json"), s -> {
            ObjectNode schoolClass = Snapshots.markedClass(s);
            ObjectNode mark = (ObjectNode) schoolClass.get("marks").get(0);
            changed[0] = schoolClass.get("id").asString();
            changed[1] = mark.get("value").asString();
            changed[2] = changed[1].equals("5") ? "4" : "5";
            mark.put("value", changed[2]);
            mark.put("enteredAt", "2024-11-20T21:00:00+03:00");
        });
        Cli.Result refused = cli.run("close", changedSnapshot.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        Matcher m = IMPORT_ID.matcher(refused.out());
        assertThat(m.find()).as(refused.out()).isTrue();
        return new Refused(m.group(1), changed[0], changed[1], changed[2], snapshot, changedSnapshot);
    }

    private ArchivedDocument version(String schoolId, String classId, int version) {
        return registry.list(new DocumentQuery(schoolId, null, null, classId)).stream()
                .filter(d -> d.version() == version).findFirst().orElseThrow();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>(registry.counts());
        for (String table : List.of("frozen_journal", "journal_correction", "pupil_occurrence")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    @Test
    void aCorrectionMakesVersionTwoWithItsNoteWhileVersionOneStaysRegisteredAndRetrievable() throws Exception {
        Refused refused = refusedReClose("corr-ok");
        ArchivedDocument v1 = version("corr-ok", refused.classId(), 1);

        Cli.Result result = cli.run("correct", "--import", refused.importId(), "--class", refused.classId(),
                "--reason", "служебная записка № 12 от 01.12.2026", "--authorised-by", "Директор Тестова И. М.",
                "--by", "Заместитель Пробная А. А.");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Исправление № 1").contains("версия 1 заменена версией 2");
        ArchivedDocument v2 = version("corr-ok", refused.classId(), 2);
        ArchivedDocument.ArchivedObject pdf = v2.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        assertThat(pdf.key()).contains("/v2/").isEqualTo(ObjectKeys.classJournalPdf("corr-ok", v2.academicYear(),
                v2.periodId(), v2.classId(), 2));
        assertThat(pdf.replicas()).extracting(ArchivedDocument.Replica::location)
                .containsExactlyInAnyOrder("site-a", "site-b");
        byte[] bytes = Files.readAllBytes(Path.of(locations.get("site-b").describe(pdf.key())));
        assertThat(PdfA.failuresOf3b(bytes)).isEmpty();
        String text = Pdfs.text(bytes).replaceAll("\\s+", " ");
        assertThat(text).contains("Исправление № 1 от").contains("Основание: служебная записка № 12 от 01.12.2026")
                .contains("Разрешил: Директор Тестова И. М.").contains("заменяет версию 1")
                .contains("было «" + refused.oldMark()).contains("стало «" + refused.newMark());
        assertThat(Pdfs.embeddedFiles(bytes).get(0)).isEqualTo(Files.readAllBytes(Path.of(locations.get("site-a")
                .describe(v2.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow().key()))));

        // The hook for the year close: the summary statement is rebuilt on this event.
        assertThat(events.stream(JournalCorrected.class)).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.documentId()).isEqualTo(v2.id());
            assertThat(e.previousDocumentId()).isEqualTo(v1.id());
            assertThat(e.classId()).isEqualTo(refused.classId());
        });

        // Version 1 is still registered and hands out its own bytes.
        assertThat(registry.get(v1.id()).object(ArchivedDocument.ROLE_PDF).orElseThrow().sha256())
                .isEqualTo(v1.object(ArchivedDocument.ROLE_PDF).orElseThrow().sha256());
        Path out = tmp.resolve("v1.pdf");
        Cli.Result retrieved = cli.run("retrieve", "--document", v1.id().toString(), "--out", out.toString(),
                "--purpose", "сравнение версий", "--by", "Архивариус");
        assertThat(retrieved.exitCode()).as(retrieved.err()).isZero();
        assertThat(CanonicalJson.sha256(Files.readAllBytes(out)))
                .isEqualTo(v1.object(ArchivedDocument.ROLE_PDF).orElseThrow().sha256());
        assertThat(Pdfs.text(Files.readAllBytes(out))).doesNotContain("Исправление №");

        // documents lists both versions; the correction is in the register and in the access log.
        Cli.Result listed = cli.run("documents", "--school", "corr-ok", "--class", refused.classId(), "--json");
        assertThat(listed.out().lines().map(Snapshots.JSON::readTree).map(n -> n.get("version").asInt()))
                .containsExactly(1, 2);
        assertThat(jdbc.sql("SELECT reason || '|' || authorised_by || '|' || corrected_by || '|' || old_version"
                        + " || '|' || new_version FROM journal_correction WHERE school_id = 'corr-ok'")
                .query(String.class).single()).isEqualTo("служебная записка № 12 от 01.12.2026|Директор Тестова И. М."
                        + "|Заместитель Пробная А. А.|1|2");
        assertThat(cli.run("access-log", "--document", v2.id().toString(), "--json").out())
                .contains("\"action\":\"correct\"").contains("Заместитель Пробная А. А.");

        // The search finds the pupils in both versions.
        String pupil = jdbc.sql("SELECT full_name FROM pupil_occurrence WHERE document_id = ? ORDER BY pupil_id"
                + " LIMIT 1").param(v2.id()).query(String.class).single();
        Cli.Result found = cli.run("search", "--name", pupil, "--school", "corr-ok", "--class", refused.classId(),
                "--by", "Архивариус", "--json");
        assertThat(found.out().lines().map(Snapshots.JSON::readTree).map(n -> n.get("version").asInt()))
                .containsExactlyInAnyOrder(1, 2);

        // The new version is signed by `sign`, and `verify` covers both versions.
        Cli.Result signed = cli.run("sign", "--school", "corr-ok", "--class", refused.classId());
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(registry.get(v2.id()).object(ArchivedDocument.ROLE_SIGNED_PDF)).isPresent();
        assertThat(registry.get(v2.id()).object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow().key())
                .contains("/v2/");
        Path signedOut = tmp.resolve("v2-signed.pdf");
        Cli.Result signedRetrieved = cli.run("retrieve", "--document", v2.id().toString(), "--out",
                signedOut.toString(), "--purpose", "выдача подписанного", "--by", "Архивариус");
        assertThat(signedRetrieved.out()).contains("signed-pdf");
        assertThat(CanonicalJson.sha256(Files.readAllBytes(signedOut))).isEqualTo(registry.get(v2.id())
                .object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow().sha256());
        Cli.Result verified = cli.run("verify", "--school", "corr-ok", "--class", refused.classId());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();

        // Closing either export again changes nothing: each equals a frozen version, also when exported anew.
        Map<String, Long> before = counts();
        Cli.Result changedAgain = cli.run("close", refused.changed().toString());
        assertThat(changedAgain.exitCode()).as(changedAgain.out() + changedAgain.err()).isZero();
        assertThat(cli.run("close", refused.original().toString()).exitCode()).isZero();
        Path reExported = Snapshots.mutate(refused.changed(), tmp.resolve("corr-ok-later.json"),
                s -> s.put("exportedAt", "2024-12-30T18:00:00+03:00"));
        Cli.Result later = cli.run("close", reExported.toString());
        assertThat(later.exitCode()).as(later.out() + later.err()).isZero();
        assertThat(later.out()).contains("уже закрыт ранее");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aCorrectionWithoutReasonOrAuthoriserOrOfAClassNotRefusedIsRefusedAndWritesNothing() throws Exception {
        Refused refused = refusedReClose("corr-bad");
        Map<String, Long> before = counts();

        Cli.Result noReason = cli.run("correct", "--import", refused.importId(), "--class", refused.classId(),
                "--reason", "  ", "--authorised-by", "Директор", "--by", "Зам");
        Cli.Result noAuthoriser = cli.run("correct", "--import", refused.importId(), "--class", refused.classId(),
                "--reason", "ошибка учителя", "--by", "Зам");
        String otherClass = jdbc.sql("SELECT class_id FROM snapshot_import_class WHERE import_id = ?::uuid"
                        + " AND class_id <> ? LIMIT 1").params(refused.importId(), refused.classId())
                .query(String.class).single();
        Cli.Result notRefused = cli.run("correct", "--import", refused.importId(), "--class", otherClass,
                "--reason", "ошибка", "--authorised-by", "Директор");
        Cli.Result badImport = cli.run("correct", "--import", "42", "--class", refused.classId(), "--reason", "о",
                "--authorised-by", "Д");
        Cli.Result unknownImport = cli.run("correct", "--import", UUID.randomUUID().toString(), "--class",
                refused.classId(), "--reason", "о", "--authorised-by", "Д");

        assertThat(List.of(noReason, noAuthoriser, notRefused, badImport, unknownImport))
                .allSatisfy(r -> assertThat(r.exitCode()).isEqualTo(2));
        assertThat(noReason.err()).contains("--reason");
        assertThat(noAuthoriser.err()).contains("--authorised-by");
        assertThat(notRefused.err()).contains("--class").contains("исправлять нечего");
        assertThat(badImport.err()).contains("--import");
        assertThat(unknownImport.err()).contains("--import");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aSecondCorrectionOfTheSameChangeIsRefusedAndWritesNothing() throws Exception {
        Refused refused = refusedReClose("corr-twice");
        String[] args = {"correct", "--import", refused.importId(), "--class", refused.classId(), "--reason",
                "ошибка учителя", "--authorised-by", "Директор", "--by", "Зам"};
        assertThat(cli.run(args).exitCode()).isZero();
        Map<String, Long> before = counts();
        List<Path> files = storedFiles();

        Cli.Result again = cli.run(args);

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("уже внесено исправлением").contains("Ничего не записано");
        assertThat(counts()).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void aCorrectionThatFailsWhileStoringResumesOnTheNextRunWithNothingDuplicatedOrLost() throws Exception {
        Refused refused = refusedReClose("corr-restart");
        ArchivedDocument v1 = version("corr-restart", refused.classId(), 1);
        // A foreign file where version 2's PDF must go in site-b: the write-once store refuses it, the run fails.
        String key = ObjectKeys.classJournalPdf("corr-restart", v1.academicYear(), v1.periodId(), v1.classId(), 2);
        Path blocker = Path.of(locations.get("site-b").describe(key));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a journal");
        String[] args = {"correct", "--import", refused.importId(), "--class", refused.classId(), "--reason",
                "ошибка учителя", "--authorised-by", "Директор", "--by", "Зам"};

        Cli.Result failed = cli.run(args);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(registry.list(new DocumentQuery("corr-restart", null, null, refused.classId()))).hasSize(1);
        Files.delete(blocker);

        Cli.Result resumed = cli.run(args);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<ArchivedDocument> versions = registry.list(new DocumentQuery("corr-restart", null, null,
                refused.classId()));
        assertThat(versions).extracting(ArchivedDocument::version).containsExactly(1, 2);
        ArchivedDocument v2 = versions.get(1);
        assertThat(v2.objects()).hasSize(2).allSatisfy(o -> assertThat(o.replicas())
                .extracting(ArchivedDocument.Replica::location).containsExactlyInAnyOrder("site-a", "site-b"));
        byte[] a = Files.readAllBytes(Path.of(locations.get("site-a").describe(key)));
        byte[] b = Files.readAllBytes(Path.of(locations.get("site-b").describe(key)));
        assertThat(a).isEqualTo(b);
        assertThat(CanonicalJson.sha256(a)).isEqualTo(v2.object(ArchivedDocument.ROLE_PDF).orElseThrow().sha256());
        assertThat(jdbc.sql("SELECT count(*) FROM journal_correction WHERE school_id = 'corr-restart'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM frozen_journal WHERE school_id = 'corr-restart' AND class_id = ?")
                .param(refused.classId()).query(Long.class).single()).isEqualTo(2);
        assertThat(cli.run(args).exitCode()).isEqualTo(2);
    }

    private List<Path> storedFiles() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (var location : locations.all()) {
            Path root = Path.of(location.description());
            if (Files.exists(root)) {
                try (var walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }
}
