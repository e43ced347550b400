package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.papercopies.PaperStep;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.rendering.PrintPacketRenderer;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;

/**
 * Paper copies end to end through the real CLI: the print packet of the closed example school from the archive's
 * verified copy, a copy walked through every step, every step out of order refused with nothing written, destruction
 * only under an executed act, and the deadline report at its boundaries.
 */
@SpringBootTest
@ActiveProfiles("test")
// A context (database and locations) of its own: it leaves a document with no intact copy, which must not reach tests that audit or export everything
@TestPropertySource(properties = "test.context=paper-copies")
class PaperCopiesEndToEndTest {

    private static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    JournalFreezer freezer;
    @Autowired
    PaperCopies copies;
    @Autowired
    StorageLocations locations;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void thePrintPacketOfAnArchivedExampleJournalIsPdfAAndNamesTheTeachersOfTheFrozenJournal() throws Exception {
        ArchivedDocument document = exampleJournal("5a");
        Path out = tmp.resolve("5a.pdf");

        Cli.Result result = cli.run("packet", "print", "--document", document.id().toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        byte[] pdf = Files.readAllBytes(out);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        var frozen = freezer.get(document.frozenJournalId()).orElseThrow();
        assertThat(pdf).as("the packet of the frozen journal, deterministically")
                .isEqualTo(PrintPacketRenderer.withDefaults().render(frozen.journal(), frozen.canonicalJson(),
                        frozen.frozenAt()).pdf());
        String text = Pdfs.text(pdf);
        String classTeacher = shortName(frozen.journal().teacherName(frozen.journal().schoolClass().classTeacher()));
        assertThat(text).contains("Достоверность бумажной копии подтверждаю. Классный руководитель ____________ / "
                + classTeacher).contains("М.П.").contains("Пронумеровано, прошнуровано и скреплено печатью "
                + (document.pageCount() + 1));
        for (PrintPacketRenderer.SubjectSigner signer : PrintPacketRenderer.subjectSigners(frozen.journal())) {
            assertThat(text).contains("Учитель: ____________ / " + shortName(signer.teacherName()) + " / дата");
        }
        assertThat(result.out()).contains("paper print --document " + document.id() + " --sheets "
                + (document.pageCount() + 1));
    }

    @Test
    void thePacketIsReadFromAnIntactReplicaAndRefusedWhenNoReplicaIsIntact() throws Exception {
        ArchivedDocument document = exampleJournal("9b");
        ArchivedDocument.ArchivedObject json = document.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow();
        Path first = Path.of(locations.get("site-a").describe(json.key()));
        Path second = Path.of(locations.get("site-b").describe(json.key()));
        byte[] original = Files.readAllBytes(first);
        try {
            damage(first);
            Cli.Result fromSecond = cli.run("packet", "print", "--document", document.id().toString(), "--out",
                    tmp.resolve("9b.pdf").toString());
            assertThat(fromSecond.exitCode()).as(fromSecond.err()).isZero();
            assertThat(PdfA.failuresOf3b(Files.readAllBytes(tmp.resolve("9b.pdf")))).isEmpty();

            damage(second);
            Cli.Result none = cli.run("packet", "print", "--document", document.id().toString(), "--out",
                    tmp.resolve("none.pdf").toString());
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.err()).contains("Нет ни одной целой копии файла " + json.key());
            assertThat(tmp.resolve("none.pdf")).doesNotExist();
        } finally {
            restore(first, original);
            restore(second, original);
        }
    }

    @Test
    void aWholePeriodOfTheExampleSchoolIsWrittenAsOnePacketPerClass() throws Exception {
        exampleJournal("5a");
        Path dir = tmp.resolve("packets");

        Cli.Result result = cli.run("packet", "print", "--school", "sosh-7", "--period", "Q2", "--out", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> pdfs = files.sorted().toList();
            assertThat(pdfs).hasSize(registry.list(new DocumentQuery("sosh-7", null, "Q2", null)).size());
            for (Path pdf : pdfs) {
                assertThat(PdfA.failuresOf3b(Files.readAllBytes(pdf))).as(pdf.toString()).isEmpty();
            }
        }
    }

    @Test
    void aCopyWalkedThroughEveryStepInOrderSucceedsAndShowsItsWholeHistory() throws Exception {
        ArchivedDocument document = close("paper-walk", 31L).get(0);

        String copy = printed(document, "Заместитель Орлова");
        PaperCopy printed = copies.get(copies.resolve(copy));
        assertThat(printed.signers()).isNotEmpty();
        assertThat(printed.sheets()).isEqualTo(document.pageCount() + 1);
        for (PaperCopy.Signer signer : printed.signers()) {
            ok("paper", "sign-subject", "--copy", copy, "--subject", signer.subjectId(), "--teacher",
                    signer.teacherId());
        }
        ok("paper", "certify", "--copy", copy);
        ok("paper", "accept", "--copy", copy, "--by", "Заместитель Орлова");
        ok("paper", "director-sign", "--copy", copy);
        ok("paper", "bind", "--copy", copy);
        ok("paper", "place", "--copy", copy, "--room", "Архив, каб. 14", "--cabinet", "3", "--shelf", "2",
                "--box", "12", "--index", "02-07");
        ok("paper", "transfer", "--copy", copy, "--by", "Архивариус Смирнова");
        tombstone(document.id(), "7/2031");
        Cli.Result destroyed = ok("paper", "destroy", "--copy", copy, "--by", "Комиссия");
        assertThat(destroyed.out()).contains("уничтожена");

        PaperCopy done = copies.get(copies.resolve(copy));
        assertThat(done.state()).isEqualTo(PaperStep.DESTROYED);
        assertThat(done.events()).extracting(PaperCopy.Event::step).containsSubsequence(PaperStep.values());
        assertThat(done.events()).hasSize(PaperStep.values().length - 1 + printed.signers().size());
        assertThat(done.event(PaperStep.DESTROYED).orElseThrow().actNumber()).isEqualTo("7/2031");
        assertThat(done.event(PaperStep.BOUND_NUMBERED).orElseThrow().sheets()).isEqualTo(printed.sheets());
        assertThat(done.event(PaperStep.CLASS_TEACHER_CERTIFIED).orElseThrow().performedBy())
                .isEqualTo(printed.classTeacher());

        Cli.Result show = ok("paper", "show", "--copy", copy);
        assertThat(show.out()).contains("распечатана: Заместитель Орлова", "заверена классным руководителем: "
                        + printed.classTeacher(), "подписана директором и скреплена печатью",
                "помещение Архив, каб. 14, шкаф 3, полка 2, короб 12, индекс дела 02-07", "передана в архив: Архивариус Смирнова",
                "акт об уничтожении № 7/2031");
        for (PaperCopy.Signer signer : printed.signers()) {
            assertThat(show.out()).contains("подписано: " + signer.subjectName() + " — " + signer.teacherName());
        }
        Cli.Result again = cli.run("paper", "bind", "--copy", copy);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("уже уничтожена");
    }

    @Test
    void everyStepOutOfOrderIsRefusedNamingWhatIsMissingAndLeavesNothingWritten() throws Exception {
        ArchivedDocument document = close("paper-order", 32L).get(0);
        String copy = printed(document, "Заместитель Орлова");
        PaperCopy fresh = copies.get(copies.resolve(copy));
        PaperCopy.Signer first = fresh.signers().get(0);

        for (String step : List.of("certify", "accept", "director-sign", "bind", "transfer", "destroy")) {
            refused("не подписали учителя-предметники", "paper", step, "--copy", copy);
        }
        refused("не подписали учителя-предметники", "paper", "place", "--copy", copy, "--room", "1", "--cabinet",
                "1", "--shelf", "1", "--box", "1", "--index", "02-07");
        refused("нет в журнале", "paper", "sign-subject", "--copy", copy, "--subject", "astronomy");
        assertThat(unchanged(fresh)).isTrue();

        for (PaperCopy.Signer signer : fresh.signers()) {
            ok("paper", "sign-subject", "--copy", copy, "--subject", signer.subjectId(), "--teacher",
                    signer.teacherId());
        }
        PaperCopy signed = copies.get(copies.resolve(copy));
        refused("уже отмечен", "paper", "sign-subject", "--copy", copy, "--subject", first.subjectId(), "--teacher",
                first.teacherId());
        refused("сначала нужен шаг «заверена классным руководителем»", "paper", "accept", "--copy", copy);
        refused("сначала нужен шаг «заверена классным руководителем»", "paper", "bind", "--copy", copy);
        assertThat(unchanged(signed)).isTrue();

        ok("paper", "certify", "--copy", copy);
        ok("paper", "accept", "--copy", copy);
        PaperCopy accepted = copies.get(copies.resolve(copy));
        refused("уже отмечен", "paper", "certify", "--copy", copy);
        refused("уже отмечен", "paper", "accept", "--copy", copy);
        refused("сначала нужен шаг «подписана директором и скреплена печатью»", "paper", "place", "--copy", copy,
                "--room", "1", "--cabinet", "1", "--shelf", "1", "--box", "1", "--index", "02-07");
        assertThat(unchanged(accepted)).isTrue();

        ok("paper", "director-sign", "--copy", copy);
        ok("paper", "bind", "--copy", copy, "--sheets", "30");
        PaperCopy bound = copies.get(copies.resolve(copy));
        refused("Не указано место хранения: --shelf, --index", "paper", "place", "--copy", copy, "--room", "14",
                "--cabinet", "3", "--box", "12");
        refused("сначала нужен шаг «размещена на хранение»", "paper", "transfer", "--copy", copy);
        assertThat(unchanged(bound)).isTrue();

        ok("paper", "place", "--copy", copy, "--room", "14", "--cabinet", "3", "--shelf", "2", "--box", "12",
                "--index", "02-07");
        ok("paper", "transfer", "--copy", copy);
        PaperCopy transferred = copies.get(copies.resolve(copy));
        refused("не уничтожен по исполненному акту", "paper", "destroy", "--copy", copy);
        assertThat(unchanged(transferred)).isTrue();

        tombstone(document.id(), "3/2031");
        ok("paper", "destroy", "--copy", copy);
        assertThat(copies.get(copies.resolve(copy)).state()).isEqualTo(PaperStep.DESTROYED);
    }

    @Test
    void theRegistryTablesRefuseRewritingHistory() throws Exception {
        ArchivedDocument document = close("paper-triggers", 33L).get(0);
        UUID copy = copies.resolve(printed(document, "Заместитель Орлова"));

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM paper_copy_event WHERE copy_id = ?").param(copy).update())
                .hasMessageContaining("write-once");
        assertThatThrownBy(() -> jdbc.sql("UPDATE paper_copy SET state = 'printed' WHERE id = ?").param(copy)
                .update()).hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM paper_copy WHERE id = ?").param(copy).update())
                .hasMessageContaining("only moves forward");
    }

    @Test
    void copiesOfADestroyedDocumentNotYetDestroyedAreListedForTheArchivistAndNoNewCopyIsPrinted() throws Exception {
        List<ArchivedDocument> documents = close("paper-pending", 60, 34L);
        ArchivedDocument document = documents.get(0);
        String copy = printed(document, "Заместитель Орлова");
        printed(documents.get(1), "Заместитель Орлова");
        tombstone(document.id(), "5/2031");

        Cli.Result pending = ok("paper", "list", "--school", "paper-pending", "--pending-destruction");

        assertThat(pending.out()).contains("(" + copy.substring(0, 8) + ")").contains("подлежит физическому уничтожению")
                .contains("Копий, подлежащих физическому уничтожению: 1");
        Cli.Result again = cli.run("paper", "print", "--document", document.id().toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("уничтожен по акту № 5/2031");
        Cli.Result packet = cli.run("packet", "print", "--document", document.id().toString(), "--out",
                tmp.resolve("x.pdf").toString());
        assertThat(packet.exitCode()).isEqualTo(2);
    }

    @Test
    void theDeadlineReportMarksAStepOverdueOnlyFromTheDayAfterItsDueDay() throws Exception {
        close("paper-due", 60, 35L);
        // The generated school closes Q1 for grades 1–9 and H1 for 10–11: the report is of one period.
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("paper-due", null, "Q1", null));
        ArchivedDocument document = documents.get(0);
        LocalDate end = freezer.get(document.frozenJournalId()).orElseThrow().journal().schoolClass().period().end();
        String day2 = end.plusDays(2).toString();

        Cli.Result onDueDay = cli.run("paper", "deadlines", "--school", "paper-due", "--period", "Q1", "--today", day2);
        assertThat(onDueDay.exitCode()).as(onDueDay.out() + onDueDay.err()).isZero();
        assertThat(onDueDay.out()).doesNotContain("ПРОСРОЧЕНО").contains("день 2 (" + ddMmYyyy(end.plusDays(2))
                + "): распечатана — ещё не выполнено");

        Cli.Result dayAfter = cli.run("paper", "deadlines", "--school", "paper-due", "--period", "Q1", "--today",
                end.plusDays(3).toString());
        assertThat(dayAfter.exitCode()).as(dayAfter.out() + dayAfter.err()).isEqualTo(1);
        assertThat(dayAfter.out()).contains("день 2 (" + ddMmYyyy(end.plusDays(2)) + "): распечатана — ПРОСРОЧЕНО")
                .contains("ПРОСРОЧЕНО шагов: " + documents.size())
                .doesNotContain("день 3 (" + ddMmYyyy(end.plusDays(3)) + "): подписана учителями-предметниками — ПРОСРОЧЕНО");

        // Printed on its due day for every class, signed a day late for the first: the report says who and when.
        for (ArchivedDocument d : documents) {
            ok("paper", "print", "--document", d.id().toString(), "--by", "Заместитель Орлова", "--at", day2);
        }
        UUID copy = copies.ofDocument(document.id()).get(0).id();
        for (PaperCopy.Signer signer : copies.get(copy).signers()) {
            ok("paper", "sign-subject", "--copy", copy.toString(), "--subject", signer.subjectId(), "--teacher",
                    signer.teacherId(), "--at", end.plusDays(4).toString());
        }
        Cli.Result onDay4 = cli.run("paper", "deadlines", "--school", "paper-due", "--period", "Q1", "--today",
                end.plusDays(4).toString());
        assertThat(onDay4.exitCode()).as(onDay4.out()).isZero();
        assertThat(onDay4.out()).contains("распечатана — выполнено: Заместитель Орлова, " + ddMmYyyy(end.plusDays(2)))
                .contains("подписана учителями-предметниками — выполнено с опозданием")
                .contains("заверена классным руководителем — ещё не выполнено");
        Cli.Result onDay5 = cli.run("paper", "deadlines", "--school", "paper-due", "--period", "Q1", "--today",
                end.plusDays(5).toString());
        assertThat(onDay5.exitCode()).isEqualTo(1);
        assertThat(onDay5.out()).contains("заверена классным руководителем — ПРОСРОЧЕНО")
                .contains("подписана директором и скреплена печатью — ещё не выполнено");

        Cli.Result june30 = cli.run("paper", "deadlines", "--school", "paper-due", "--year-end", "--today",
                "2025-06-30");
        assertThat(june30.exitCode()).as(june30.out()).isZero();
        assertThat(june30.out()).contains("до 30.06.2025: прошита и пронумерована — ещё не выполнено");
        Cli.Result july1 = cli.run("paper", "deadlines", "--school", "paper-due", "--year-end", "--today",
                "2025-07-01");
        assertThat(july1.exitCode()).isEqualTo(1);
        assertThat(july1.out()).contains("до 30.06.2025: прошита и пронумерована — ПРОСРОЧЕНО")
                .contains("до 30.06.2025: распечатана — выполнено: Заместитель Орлова");
    }

    @Test
    void badInputIsRefusedWithExitCodeTwoAndARussianMessageNamingTheField() throws Exception {
        assertInput("--document", "paper", "print", "--document", "not-a-uuid");
        assertInput("--copy", "paper", "certify");
        assertInput("--copy", "paper", "certify", "--copy", "xyz");
        assertInput("--at", "paper", "certify", "--copy", "0123abcd", "--at", "вчера");
        assertInput("--at", "paper", "print", "--document", UUID.randomUUID().toString(), "--at", "2999-01-01");
        assertInput("--sheets", "paper", "print", "--document", UUID.randomUUID().toString(), "--sheets", "-3");
        assertInput("--period", "paper", "deadlines", "--school", "x", "--period", "Q9");
        assertInput("--today", "paper", "deadlines", "--school", "x", "--period", "Q1", "--today", "01.02.2025");
        assertInput("--year-end", "paper", "deadlines", "--school", "x");
        assertInput("--year", "paper", "list", "--year", "2024");
        assertInput("--state", "paper", "list", "--state", "lost");
        assertInput("--out", "packet", "print", "--document", UUID.randomUUID().toString());
        Cli.Result unknown = cli.run("paper", "print", "--document", UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("не найден в реестре");
        assertThat(jdbc.sql("SELECT count(*) FROM paper_copy").query(Long.class).single()).isNotNegative();
    }

    @Test
    void theHelpOfEveryPaperCommandIsInRussian() {
        Cli.Result paper = ok("paper", "--help");
        assertThat(paper.out()).contains("Реестр бумажных копий", "sign-subject", "Отметить, что учитель-предметник",
                "deadlines", "Сроки бумажных копий");
        assertThat(ok("paper", "place", "--help").out()).contains("Индекс дела по номенклатуре", "--copy",
                "Кто выполнил шаг");
        assertThat(ok("packet", "print", "--help").out()).contains("Сформировать PDF для печати", "--out");
    }

    private void assertInput(String field, String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(result.err()).as(String.join(" ", args)).contains(field);
        assertThat(result.err()).containsPattern("[А-Яа-я]");
    }

    private ArchivedDocument exampleJournal(String classId) {
        Cli.Result close = cli.run("close", EXAMPLE.toString());
        assertThat(close.exitCode()).as(close.err()).isZero();
        return registry.list(new DocumentQuery("sosh-7", null, "Q2", classId)).get(0);
    }

    private List<ArchivedDocument> close(String schoolId, long seed) throws Exception {
        return close(schoolId, 30, seed);
    }

    private List<ArchivedDocument> close(String schoolId, int pupils, long seed) throws Exception {
        Path snapshot = Snapshots.generate(tmp, schoolId, pupils, seed);
        Cli.Result result = cli.run("close", snapshot.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        // Grade-1 journals have sheets too; take the journals in registry order.
        return registry.list(new DocumentQuery(schoolId, null, null, null));
    }

    /** Prints a copy through the CLI and returns its id. */
    private String printed(ArchivedDocument document, String by) {
        Cli.Result result = ok("paper", "print", "--document", document.id().toString(), "--by", by);
        return copies.ofDocument(document.id()).stream().reduce((a, b) -> b).orElseThrow().id().toString();
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
        return result;
    }

    private void refused(String reason, String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(result.err()).as(String.join(" ", args)).contains(reason);
    }

    /** Whether a copy's state and history are exactly what they were. */
    private boolean unchanged(PaperCopy before) {
        PaperCopy now = copies.get(before.id());
        return now.state() == before.state() && now.events().equals(before.events());
    }

    private void tombstone(UUID documentId, String act) {
        jdbc.sql("""
                INSERT INTO document_tombstone (document_id, act_id, act_number, destroyed_at, destroyed_by)
                VALUES (?, ?, ?, ?, ?)""")
                .params(documentId, UUID.randomUUID(), act, Timestamp.from(Instant.now()), "Комиссия")
                .update();
    }

    private static void damage(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        file.toFile().setWritable(true);
        Files.write(file, bytes);
    }

    private static void restore(Path file, byte[] bytes) throws Exception {
        file.toFile().setWritable(true);
        Files.write(file, bytes);
    }

    private static String ddMmYyyy(LocalDate date) {
        return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static String shortName(String fullName) {
        String[] parts = fullName.trim().split("\\s+");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(' ').append(parts[i].charAt(0)).append('.');
        }
        return out.toString();
    }
}
