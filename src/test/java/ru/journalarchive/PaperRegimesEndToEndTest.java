package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
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
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.regulations.Regulations;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Replicas;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.ClassSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paper routine per the school's regulation profile, end to end through the real CLI: one generated school bound
 * to each seed profile — the five-day close with its day-2 backups, none (no paper, «электронный оригинал»), the yearly
 * regime with summary statements as paper copies and their own packet, on demand, and a college's per-period routine
 * with custody by the group's class teacher and transfer to the archive at graduation.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = {"test.context=paper-regimes",
        "archive.regulations.schools.reg-none=seed-001-electronic-only",
        "archive.regulations.schools.reg-none-year=seed-001-electronic-only",
        "archive.regulations.schools.reg-yearly=seed-002-yearly",
        "archive.regulations.schools.reg-college=seed-003-college",
        "archive.regulations.schools.reg-grad=seed-003-college",
        "archive.regulations.schools.reg-demand=seed-004-on-demand"})
class PaperRegimesEndToEndTest {

    private static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

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
    @Autowired
    Regulations regulations;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void fiveDayListsTheProfilesStepsNeverGradeOneAndTheDayTwoBackupsDoneAfterExportAndHandOver() throws Exception {
        List<ArchivedDocument> journals = close("reg-five", 31L);
        ArchivedDocument grade1 = journals.stream().filter(d -> grade(d) == 1).findFirst().orElseThrow();
        ArchivedDocument grade5 = journals.stream().filter(d -> grade(d) >= 2).findFirst().orElseThrow();
        LocalDate end = periodEnd(grade5);
        String day3 = end.plusDays(3).toString();

        Cli.Result late = cli.run("paper", "deadlines", "--school", "reg-five", "--period", "Q1", "--today", day3);
        assertThat(late.exitCode()).as(late.out() + late.err()).isEqualTo(1);
        assertThat(late.out()).contains("Положение школы: Пятидневное оформление")
                .contains(grade5.className() + " класс")
                .doesNotContain(grade1.className() + " класс")
                .contains("день 2 (" + ddMmYyyy(end.plusDays(2))
                        + "): резервная копия на оптическом диске записана — ПРОСРОЧЕНО")
                .contains("жёсткий диск передан директору — ПРОСРОЧЕНО")
                .contains("backup export --school reg-five --year 2024/2025 --period Q1 --type optical");
        long gradedJournals = journals.stream().filter(d -> grade(d) >= 2).count();
        assertThat(late.out()).as("one overdue print per journal of grades 2–11, and the four backup lines")
                .contains("ПРОСРОЧЕНО шагов: " + (gradedJournals + 4) + ".");

        ok("backup", "export", "--school", "reg-five", "--year", "2024/2025", "--period", "Q1", "--type", "optical",
                "--medium", "REG-OPT-1", "--to", tmp.resolve("optical").toString(), "--written-by", "Лаборант Ершов");
        ok("backup", "export", "--school", "reg-five", "--year", "2024/2025", "--period", "Q1", "--type", "hdd",
                "--medium", "REG-HDD-1", "--to", tmp.resolve("hdd").toString(), "--written-by", "Лаборант Ершов");
        Cli.Result written = cli.run("paper", "deadlines", "--school", "reg-five", "--period", "Q1", "--today", day3);
        assertThat(written.out()).contains("резервная копия на оптическом диске записана — выполнено: Лаборант Ершов")
                .contains("(носитель REG-OPT-1)").contains("оптический диск передан директору — ПРОСРОЧЕНО");

        ok("backup", "hand-over", "--medium", "REG-OPT-1");
        ok("backup", "hand-over", "--medium", "REG-HDD-1");
        Cli.Result handed = cli.run("paper", "deadlines", "--school", "reg-five", "--period", "Q1", "--today", day3);
        assertThat(handed.out()).contains("оптический диск передан директору — выполнено")
                .contains("жёсткий диск передан директору — выполнено").contains("(носитель REG-HDD-1)")
                .contains("ПРОСРОЧЕНО шагов: " + gradedJournals + ".");
    }

    @Test
    void noneKeepsNoPaperRefusesPrintingAndItsDocumentsSayElectronicOriginal() throws Exception {
        List<ArchivedDocument> journals = close("reg-none", 32L);
        ArchivedDocument journal = journals.stream().filter(d -> grade(d) >= 2).findFirst().orElseThrow();

        for (String[] args : List.of(new String[] {"--period", "Q1", "--today", "2026-01-01"},
                new String[] {"--year-end", "--today", "2026-01-01"})) {
            Cli.Result deadlines = cli.run(concat(new String[] {"paper", "deadlines", "--school", "reg-none"}, args));
            assertThat(deadlines.exitCode()).as(deadlines.out() + deadlines.err()).isZero();
            assertThat(deadlines.out()).contains("Бумажные копии не ведутся: подлинник — подписанный электронный документ")
                    .doesNotContain("ПРОСРОЧЕНО").doesNotContain("распечатана");
        }

        Cli.Result print = cli.run("paper", "print", "--document", journal.id().toString(), "--by", "Орлова");
        assertThat(print.exitCode()).isEqualTo(2);
        assertThat(print.err()).contains("Бумажные копии не ведутся: подлинник — подписанный электронный документ")
                .contains("Положение об электронном журнале/дневнике (ГИС ЭО РТ)");
        assertThat(jdbc.sql("SELECT count(*) FROM paper_copy WHERE document_id = ?").param(journal.id())
                .query(Long.class).single()).isZero();

        byte[] pdf = stored(journal, ArchivedDocument.ROLE_PDF);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        assertThat(Pdfs.text(pdf).replaceAll("\\s+", " ")).contains("Электронный оригинал. Бумажная копия не ведётся (");
    }

    @Test
    void underNoneTheSummaryStatementSaysElectronicOriginalAndStaysPdfA() throws Exception {
        closeYear("reg-none-year", List.of(new ClassSpec("5А", 5, 6, 0)), 2028L);
        ArchivedDocument statement = registry.list(new DocumentQuery("reg-none-year", "2024/2025", "Y", null))
                .stream().filter(d -> d.documentType().equals("summary-statement")).findFirst().orElseThrow();
        byte[] pdf = stored(statement, ArchivedDocument.ROLE_PDF);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        assertThat(Pdfs.text(pdf).replaceAll("\\s+", " "))
                .contains("Электронный оригинал. Бумажная копия не ведётся (Положение об электронном журнале");
        Cli.Result print = cli.run("paper", "print", "--document", statement.id().toString(), "--by", "Орлова");
        assertThat(print.exitCode()).isEqualTo(2);
        assertThat(print.err()).contains("Бумажные копии не ведутся");
    }

    @Test
    void onDemandHasNoDeadlinesAndPrintsAPacketOnRequest() throws Exception {
        List<ArchivedDocument> journals = close("reg-demand", 33L);
        ArchivedDocument journal = journals.stream().filter(d -> grade(d) >= 2).findFirst().orElseThrow();

        for (String[] args : List.of(new String[] {"--period", "Q1", "--today", "2026-01-01"},
                new String[] {"--year-end", "--today", "2026-01-01"})) {
            Cli.Result deadlines = cli.run(concat(new String[] {"paper", "deadlines", "--school", "reg-demand"}, args));
            assertThat(deadlines.exitCode()).as(deadlines.out() + deadlines.err()).isZero();
            assertThat(deadlines.out()).contains("Печать по требованию — сроков нет").doesNotContain("ПРОСРОЧЕНО");
        }
        Path out = tmp.resolve("demand.pdf");
        ok("packet", "print", "--document", journal.id().toString(), "--out", out.toString());
        assertThat(PdfA.failuresOf3b(Files.readAllBytes(out))).isEmpty();
        ok("paper", "print", "--document", journal.id().toString(), "--by", "Заместитель Орлова");
        assertThat(Pdfs.text(stored(journal, ArchivedDocument.ROLE_PDF))).doesNotContain("Электронный оригинал");
    }

    @Test
    void yearlyListsJournalsAndSummaryStatementsDueOnThirtiethJuneAndAStatementIsAPaperCopyWithItsOwnPacket()
            throws Exception {
        closeYear("reg-yearly", List.of(new ClassSpec("1А", 1, 4, 0), new ClassSpec("5А", 5, 8, 0)), 2026L);
        ArchivedDocument statement = registry.list(new DocumentQuery("reg-yearly", "2024/2025", "Y", null)).stream()
                .filter(d -> d.documentType().equals("summary-statement") && d.className().equals("5А"))
                .findFirst().orElseThrow();

        Cli.Result q1 = cli.run("paper", "deadlines", "--school", "reg-yearly", "--period", "Q1", "--today",
                "2026-01-01");
        assertThat(q1.exitCode()).as(q1.out() + q1.err()).isZero();
        assertThat(q1.out()).contains("один раз в год").doesNotContain("ПРОСРОЧЕНО");

        Cli.Result july = cli.run("paper", "deadlines", "--school", "reg-yearly", "--year-end", "--today",
                "2025-07-01");
        assertThat(july.exitCode()).as(july.out() + july.err()).isEqualTo(1);
        assertThat(july.out()).contains("5А класс, 4 четверть, классный журнал:")
                .contains("5А класс, итоги года, сводная ведомость итоговых отметок:")
                .contains("до 30.06.2025: распечатана — ПРОСРОЧЕНО")
                .contains("до 30.06.2025: подписана директором и скреплена печатью — ПРОСРОЧЕНО")
                .contains("до 30.06.2025: прошита и пронумерована — ПРОСРОЧЕНО")
                .doesNotContain("1А класс").doesNotContain("подписана учителями-предметниками");

        Path packet = tmp.resolve("statement.pdf");
        ok("packet", "print", "--document", statement.id().toString(), "--out", packet.toString());
        byte[] pdf = Files.readAllBytes(packet);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        String text = Pdfs.text(pdf);
        assertThat(text).contains("СВОДНАЯ ВЕДОМОСТЬ ИТОГОВЫХ ОТМЕТОК").contains("М.П.")
                .contains("Лист заверения бумажной копии сводной ведомости")
                .contains("Пронумеровано, прошито и скреплено печатью " + (statement.pageCount() + 1))
                .contains("Достоверность бумажной копии подтверждаю. Классный руководитель");
        String pupil = Pdfs.text(stored(statement, ArchivedDocument.ROLE_PDF)).lines()
                .filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
        assertThat(text).as("the statement's own rows").contains(pupil);

        ok("paper", "print", "--document", statement.id().toString(), "--by", "Заместитель Орлова", "--at",
                "2025-06-20");
        UUID copy = copies.ofDocument(statement.id()).get(0).id();
        assertThat(copies.get(copy).signers()).as("a statement has no subject teachers' signatures").isEmpty();
        Cli.Result sign = cli.run("paper", "sign-subject", "--copy", copy.toString(), "--subject", "x");
        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.err()).contains("не предусмотрен");
        ok("paper", "director-sign", "--copy", copy.toString(), "--at", "2025-06-25");
        ok("paper", "bind", "--copy", copy.toString(), "--at", "2025-06-26");
        Cli.Result after = cli.run("paper", "deadlines", "--school", "reg-yearly", "--year-end", "--today",
                "2025-07-01");
        String statementPart = after.out().substring(after.out().indexOf("5А класс, итоги года, сводная ведомость"));
        assertThat(statementPart.lines().limit(4).toList()).as(after.out())
                .anyMatch(l -> l.contains("распечатана — выполнено: Заместитель Орлова, 20.06.2025"))
                .anyMatch(l -> l.contains("прошита и пронумерована — выполнено"));
    }

    @Test
    void aCollegesCopiesStayWithTheClassTeacherWithoutDeadlinesAndGoToTheArchiveOnlyAtGraduation() throws Exception {
        List<ArchivedDocument> journals = closeCollege("reg-college", 34L, List.of(new ClassSpec("ТМ-11", 1, 8, 4),
                new ClassSpec("ТМ-21", 2, 8, 4)), "H1");
        ArchivedDocument course1 = journals.stream().filter(d -> grade(d) == 1).findFirst().orElseThrow();

        Cli.Result deadlines = cli.run("paper", "deadlines", "--school", "reg-college", "--period", "H1", "--today",
                "2026-06-01");
        assertThat(deadlines.exitCode()).as(deadlines.out() + deadlines.err()).isZero();
        assertThat(deadlines.out()).contains("группа " + course1.className())
                .contains("по окончании периода, без срока: распечатана — ещё не выполнено")
                .doesNotContain("ПРОСРОЧЕНО").doesNotContain("передана в архив").doesNotContain("Резервные копии");

        Cli.Result year = cli.run("paper", "deadlines", "--school", "reg-college", "--year-end", "--today",
                "2026-06-01");
        assertThat(year.exitCode()).as(year.out() + year.err()).isZero();
        assertThat(year.out()).contains("без срока").contains("группа " + course1.className()).doesNotContain("ПРОСРОЧЕНО");

        ok("paper", "print", "--document", course1.id().toString(), "--by", "Куратор Лебедева");
        UUID copy = copies.ofDocument(course1.id()).get(0).id();
        ok("paper", "director-sign", "--copy", copy.toString());
        ok("paper", "bind", "--copy", copy.toString());
        Cli.Result list = ok("paper", "list", "--school", "reg-college");
        assertThat(list.out()).contains("хранится у классного руководителя группы " + course1.className());
        assertThat(ok("paper", "show", "--copy", copy.toString()).out())
                .contains("хранится у классного руководителя группы " + course1.className());
        Cli.Result early = cli.run("paper", "transfer", "--copy", copy.toString());
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("группа " + course1.className() + " ещё не выпущена");
        assertThat(copies.get(copy).state().code()).isEqualTo("bound-numbered");
        assertThat(ok("paper", "transfers", "--school", "reg-college").out())
                .contains("выпущенных групп с бумажными копиями нет");
        assertThat(ok("paper", "transfers", "--school", "reg-five-none").out()).contains("хранятся в реестре");
    }

    @Test
    void aGroupWhoseLastSemesterIsClosedIsListedForTransferAndTheTransferIsRecorded() throws Exception {
        List<ClassSpec> lastCourse = List.of(new ClassSpec("ТМ-41", 4, 6, 4));
        closeCollege("reg-grad", 2027L, lastCourse, "H1");
        // Before its last semester is closed the group has not graduated.
        assertThat(ok("paper", "transfers", "--school", "reg-grad").out())
                .contains("выпущенных групп с бумажными копиями нет");
        ArchivedDocument h2 = closeCollege("reg-grad", 2027L, lastCourse, "H2").stream()
                .filter(d -> d.documentType().equals("class-journal")).findFirst().orElseThrow();
        ok("paper", "print", "--document", h2.id().toString(), "--by", "Куратор Лебедева");
        UUID copy = copies.ofDocument(h2.id()).get(0).id();
        ok("paper", "director-sign", "--copy", copy.toString());
        ok("paper", "bind", "--copy", copy.toString());
        assertThat(ok("paper", "transfers", "--school", "reg-grad").out()).contains("группа выпущена")
                .contains("передать в архив").contains("paper transfer --copy " + copy.toString().substring(0, 8));
        ok("paper", "transfer", "--copy", copy.toString(), "--by", "Архивариус Петрова");
        assertThat(ok("paper", "list", "--school", "reg-grad").out()).contains("передана в архив");
        assertThat(ok("paper", "transfers", "--school", "reg-grad").out()).contains("ещё не передано в архив: 0");
    }

    /** Closes one semester of a generated college (its groups' last course is 4); the journals of that semester. */
    private List<ArchivedDocument> closeCollege(String schoolId, long seed, List<ClassSpec> groups, String semester)
            throws Exception {
        Path file = tmp.resolve(schoolId + "-" + semester + ".json");
        int pupils = groups.stream().mapToInt(ClassSpec::pupils).sum();
        try (OutputStream out = Files.newOutputStream(file)) {
            SyntheticSchoolGenerator.writeYear(SyntheticSchoolGenerator.Options.college(pupils, seed, schoolId,
                    "2024/2025", semester), groups, false, out);
        }
        Cli.Result result = cli.run("close", file.toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<ArchivedDocument> journals = registry.list(new DocumentQuery(schoolId, "2024/2025", semester, null))
                .stream().filter(d -> d.documentType().equals("class-journal")).toList();
        // Every group of the college closes its semester, course 1 included (it keeps marks).
        assertThat(journals).extracting(ArchivedDocument::className)
                .containsExactlyInAnyOrderElementsOf(groups.stream().map(ClassSpec::name).toList());
        return journals;
    }

    private List<ArchivedDocument> close(String schoolId, long seed) throws Exception {
        Path snapshot = Snapshots.generate(tmp, schoolId, 75, seed); // grades 1, 6 and 11
        Cli.Result result = cli.run("close", forProfile(schoolId, snapshot).toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        // The right periods are closed: the quarter in grades 1–9, the half-year in 10–11, as the profile says.
        List<ArchivedDocument> closed = registry.list(new DocumentQuery(schoolId, null, null, null));
        assertThat(closed).isNotEmpty().allSatisfy(d -> assertThat(d.periodId()).as(d.className())
                .isEqualTo(regulations.forSchool(schoolId).periodSystemOf(grade(d)).orElseThrow()
                        .periodIds().get(0)));
        assertThat(closed).anyMatch(d -> grade(d) >= 10);
        return registry.list(new DocumentQuery(schoolId, null, "Q1", null));
    }

    /** Closes a generated year of a school quarter by quarter; the year close follows Q4. */
    private void closeYear(String schoolId, List<ClassSpec> school, long seed) throws Exception {
        int pupils = school.stream().mapToInt(ClassSpec::pupils).sum();
        for (String quarter : List.of("Q1", "Q2", "Q3", "Q4")) {
            Path file = tmp.resolve(schoolId + "-" + quarter + ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                SyntheticSchoolGenerator.writeYear(new SyntheticSchoolGenerator.Options(pupils, seed, schoolId,
                        "2024/2025", quarter), school, false, out);
            }
            Cli.Result closed = cli.run("close", forProfile(schoolId, file).toString());
            assertThat(closed.exitCode()).as(quarter + closed.out() + closed.err()).isZero();
        }
    }

    /**
     * The generated snapshot as the school's journal system would send it: a school on the five-point scale only
     * (seed 001 §5.7) has no «зч»/«н/а» — the generator's pass marks become «5», its special values are dropped.
     */
    private Path forProfile(String schoolId, Path snapshot) throws Exception {
        if (!schoolId.startsWith("reg-none")) {
            return snapshot;
        }
        return Snapshots.mutate(snapshot, tmp.resolve(schoolId + "-five-point-" + snapshot.getFileName()), tree -> {
            ((ObjectNode) tree.path("gradingScale")).putArray("special");
            for (JsonNode c : tree.path("classes")) {
                for (JsonNode f : c.path("finalMarks")) {
                    if (!f.path("value").asString().matches("[1-5]")) {
                        ((ObjectNode) f).put("value", "5");
                    }
                }
                for (JsonNode m : c.path("marks")) {
                    if (!m.path("value").asString().matches("[1-5]")) {
                        ((ObjectNode) m).put("value", "5");
                    }
                }
            }
        });
    }

    private int grade(ArchivedDocument document) {
        return freezer.get(document.frozenJournalId()).orElseThrow().journal().schoolClass().grade();
    }

    private LocalDate periodEnd(ArchivedDocument document) {
        return freezer.get(document.frozenJournalId()).orElseThrow().journal().schoolClass().period().end();
    }

    private byte[] stored(ArchivedDocument document, String role) {
        return Replicas.first(locations, document, role);
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
        return result;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String ddMmYyyy(LocalDate day) {
        return DD_MM_YYYY.format(day);
    }
}
