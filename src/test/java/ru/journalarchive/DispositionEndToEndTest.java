package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.disposition.ActStatus;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.Disposition;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;

/**
 * Destruction by an approved act, end to end through the CLI, on a day in 2031 when the example school's 2024/2025
 * journals (eligible from 2031-01-01) may go: the 2030/2031 boundary, a held document kept out, the workflow refused
 * out of order, the act's PDF/A and signature, and an execution that fails halfway, is run again, and leaves no file of
 * the act anywhere, a certificate per object × location, tombstones, and everything else intact.
 */
@SpringBootTest
@ActiveProfiles("test")
class DispositionEndToEndTest {

    /** The archive's clock on 1 February 2031. */
    @TestConfiguration
    static class In2031 {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2031-02-01T09:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DestructionActs acts;
    @Autowired
    Disposition disposition;
    @Autowired
    Tombstones tombstones;
    @Autowired
    DirectorSignature signature;

    Cli cli;

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void anApprovedActDestroysEveryCopyOfItsDocumentsAndNothingElseEvenWhenRunTwice() throws Exception {
        Path example = Path.of("archive-format/examples/example-school.json");
        assertThat(cli.run("close", example.toString()).exitCode()).isZero();
        List<ArchivedDocument> closed = registry.list(new DocumentQuery("sosh-7", null, null, null));
        assertThat(closed).hasSizeGreaterThan(2);
        ArchivedDocument held = closed.get(0);
        jdbc.sql("""
                INSERT INTO retention_hold (id, scope, school_id, document_id, reason, placed_by, placed_at)
                VALUES (?, 'document', 'sosh-7', ?, 'Запрос прокуратуры', 'Архивист', ?)""")
                .params(UUID.randomUUID(), held.id(), Timestamp.from(Instant.parse("2031-01-20T10:00:00Z"))).update();

        // The boundary: eligible from 1 January 2031, so an act of 2030 has nothing of 2024/2025.
        Cli.Result of2030 = cli.run("act", "draft", "--school", "sosh-7", "--year", "2030", "--date", "2030-12-31",
                "--by", "Делопроизводитель");
        assertThat(of2030.exitCode()).isEqualTo(2);
        assertThat(of2030.err()).contains("Нет документов");
        assertThat(cli.run("act", "draft", "--school", "sosh-7", "--year", "2031", "--date", "31.01.2031",
                "--by", "Д").err()).contains("--date");

        Cli.Result drafted = cli.run("act", "draft", "--school", "sosh-7", "--year", "2031", "--date", "2031-01-15",
                "--by", "Делопроизводитель Смирнова");
        assertThat(drafted.exitCode()).as(drafted.err()).isZero();
        DestructionAct act = acts.find("1/2031");
        assertThat(act.documentIds()).hasSize(closed.size() - 1).doesNotContain(held.id());
        assertThat(act.rows()).hasSize(1);
        assertThat(act.rows().get(0).retention()).startsWith("5 лет, ст.");

        // Out of order: executing a draft or an agreed act, approving a draft.
        assertThat(cli.run("act", "execute", "--act", "1/2031", "--by", "Д").exitCode()).isEqualTo(2);
        Cli.Result approveDraft = cli.run("act", "approve", "--act", "1/2031", "--by", "Петрова И. М.");
        assertThat(approveDraft.exitCode()).isEqualTo(2);
        assertThat(approveDraft.err()).contains("проект").contains("согласование ЭК");
        assertThat(cli.run("act", "agree", "--act", "1/2031", "--protocol", "3", "--protocol-date", "2031-01-20",
                "--by", "Председатель ЭК").exitCode()).isZero();
        assertThat(cli.run("act", "execute", "--act", "1/2031", "--by", "Д").exitCode()).isEqualTo(2);
        assertThat(cli.run("act", "show", "--act", "9/2031").exitCode()).isEqualTo(2);

        Cli.Result approved = cli.run("act", "approve", "--act", "1/2031", "--by", "Петрова И. М.");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        act = acts.find("1/2031");
        assertThat(act.status()).isEqualTo(ActStatus.APPROVED);
        ArchivedDocument actDocument = registry.get(act.documentId());
        byte[] pdf = Files.readAllBytes(Path.of(locations.get("site-a").describe(
                actDocument.object(ArchivedDocument.ROLE_PDF).orElseThrow().key())));
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        String text = Pdfs.text(pdf);
        assertThat(text).contains("УТВЕРЖДАЮ").contains("АКТ № 1/2031 от 15.01.2031")
                .contains("о выделении к уничтожению документов, не подлежащих хранению")
                .contains("Заголовок дела").contains("Итого " + act.fileTotal() + " "
                        + ru.journalarchive.text.RussianPlural.choose(act.fileTotal(), "дело", "дела", "дел")
                        + " за 2024–2025 годы")
                .contains("СОГЛАСОВАНО").contains("Протокол ЭК от 20.01.2031 № 3").contains("Петрова И. М.")
                .contains("«Средняя");
        byte[] signed = Files.readAllBytes(Path.of(locations.get("site-b").describe(
                actDocument.object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow().key())));
        assertThat(signature.readValid(signed)).isPresent();
        assertThat(PdfA.failuresOf3b(signed)).isEmpty();

        // Halfway: one document's PDF in site-b cannot be deleted (a directory sits at its key).
        ArchivedDocument victim = registry.get(act.documentIds().get(act.documentIds().size() / 2));
        Path victimFile = Path.of(locations.get("site-b").describe(
                victim.object(ArchivedDocument.ROLE_PDF).orElseThrow().key()));
        Files.delete(victimFile);
        Files.createDirectories(victimFile.resolve("blocker"));
        Cli.Result failed = cli.run("act", "execute", "--act", "1/2031", "--by", "Делопроизводитель Смирнова");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(tombstones.of(victim.id())).isEmpty();
        assertEveryFileOf(held, true);
        assertEveryFileOf(actDocument, true);

        Files.delete(victimFile.resolve("blocker"));
        Files.delete(victimFile);
        Cli.Result resumed = cli.run("act", "execute", "--act", "1/2031", "--by", "Делопроизводитель Смирнова");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();

        act = acts.find("1/2031");
        assertThat(act.status()).isEqualTo(ActStatus.EXECUTED);
        assertThat(disposition.leftovers(act.id())).isEmpty();
        int objects = 0;
        for (UUID id : act.documentIds()) {
            ArchivedDocument destroyed = registry.get(id);
            assertEveryFileOf(destroyed, false);
            assertThat(tombstones.of(id)).hasValueSatisfying(t -> assertThat(t.actNumber()).isEqualTo("1/2031"));
            objects += destroyed.objects().size();
        }
        var certificate = disposition.certificate(act.id());
        assertThat(certificate).hasSize(objects * 2)
                .allSatisfy(e -> assertThat(e.sha256()).hasSize(64))
                .extracting(e -> e.objectId() + "@" + e.location()).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM replica p JOIN archived_object o ON o.id = p.object_id"
                + " JOIN destruction_act_document d ON d.document_id = o.document_id").query(Long.class).single())
                .isZero();
        Cli.Result printed = cli.run("act", "certificate", "--act", "1/2031");
        assertThat(printed.out()).contains(certificate.get(0).sha256()).contains("site-a").contains("site-b");

        // Everything outside the act is untouched and still verifies; the audit and replication are clean.
        assertEveryFileOf(held, true);
        assertEveryFileOf(actDocument, true);
        Cli.Result verify = cli.run("verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        Cli.Result audit = cli.run("audit", "--full");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(cli.run("replicate").exitCode()).isZero();
        assertEveryFileOf(victim, false);
        assertThat(cli.run("act", "execute", "--act", "1/2031", "--by", "Д").exitCode()).isZero();

        // Destroyed means gone from the database too: frozen content, imported journals and search index emptied.
        for (UUID id : act.documentIds()) {
            assertThat(jdbc.sql("SELECT length(f.canonical_json) FROM frozen_journal f JOIN archived_document d"
                    + " ON d.frozen_journal_id = f.id WHERE d.id = ?").param(id).query(Integer.class).single())
                    .as("frozen content of %s", id).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM pupil_occurrence WHERE document_id = ?").param(id)
                    .query(Long.class).single()).isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM frozen_journal f JOIN archived_document d ON d.frozen_journal_id = f.id"
                + " WHERE d.id = ? AND length(f.canonical_json) > 0").param(held.id()).query(Long.class).single())
                .as("the held class keeps its content").isOne();

        // The journal system sends the destroyed period again: nothing of it comes back, and nothing of it is kept.
        Path again = Snapshots.mutate(Path.of("archive-format/examples/example-school.json"), tmp.resolve("re-exported.json"),
                tree -> tree.put("exportedAt", "2031-02-01T09:00:00+03:00"));
        Cli.Result reclosed = cli.run("close", again.toString());
        assertThat(reclosed.exitCode()).as(reclosed.out() + reclosed.err()).isZero();
        assertThat(reclosed.out()).contains("уничтожен по акту").contains("Не приняты повторно");
        for (UUID id : act.documentIds()) {
            assertEveryFileOf(registry.get(id), false);
            assertThat(tombstones.isRetired(id)).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM replica p JOIN archived_object o ON o.id = p.object_id"
                + " JOIN destruction_act_document d ON d.document_id = o.document_id").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM snapshot_import_class c JOIN snapshot_import i ON i.id = c.import_id
                WHERE i.exported_at LIKE '2031-02-01%' AND c.close_status = 'REFUSED_DESTROYED'
                  AND length(c.journal_json) = 0""").query(Long.class).single())
                .isEqualTo(act.documentIds().size());
        Cli.Result search = cli.run("search", "--school", "sosh-7", "--type", "class-journal", "--by", "Архивист");
        assertThat(search.out()).doesNotContain(act.documentIds().get(0).toString());
        Path out = tmp.resolve("destroyed.pdf");
        Cli.Result retrieved = cli.run("retrieve", "--document", act.documentIds().get(0).toString(), "--out",
                out.toString(), "--purpose", "проверка", "--by", "Архивист");
        assertThat(retrieved.exitCode()).isEqualTo(2);
        assertThat(retrieved.err()).contains("уничтожен по акту о выделении к уничтожению № 1/2031");
        assertThat(out).doesNotExist();
    }

    private void assertEveryFileOf(ArchivedDocument document, boolean present) {
        for (ArchivedDocument.ArchivedObject object : document.objects()) {
            for (String site : List.of("site-a", "site-b")) {
                assertThat(Files.exists(Path.of(locations.get(site).describe(object.key()))))
                        .as(object.key() + " in " + site).isEqualTo(present);
            }
        }
    }
}
