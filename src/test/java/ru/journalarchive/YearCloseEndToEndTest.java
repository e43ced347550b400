package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.PupilExtract;
import ru.journalarchive.freezing.SummaryStatement;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.storage.ObjectKeys;
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
 * The year close end to end, through the real CLI: a generated school's year closed period by period, the summary
 * statements built from the frozen journals, stored in both locations, signed; pupil extracts issued and checked.
 */
@SpringBootTest
@ActiveProfiles("test")
class YearCloseEndToEndTest {

    /** 72 pupils: grade 1 (no marks), a 5th, a graduating 9th (exams) and a graduating 11th grade (half-years). */
    static final List<ClassSpec> SCHOOL = List.of(new ClassSpec("1А", 1, 8, 0), new ClassSpec("5А", 5, 24, 0),
            new ClassSpec("9А", 9, 22, 0), new ClassSpec("11А", 11, 18, 0));
    static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DirectorSignature signature;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    /** The four snapshots of a generated year, Q1 to Q4. */
    private Map<String, Path> year(String schoolId) throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String quarter : QUARTERS) {
            Path file = tmp.resolve(schoolId + "-" + quarter + ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                SyntheticSchoolGenerator.writeYear(new SyntheticSchoolGenerator.Options(72, 2025L, schoolId,
                        "2024/2025", quarter), SCHOOL, false, out);
            }
            files.put(quarter, file);
        }
        return files;
    }

    private void closeFirstThree(Map<String, Path> year) {
        for (String quarter : List.of("Q1", "Q2", "Q3")) {
            Cli.Result closed = cli.run("close", year.get(quarter).toString());
            assertThat(closed.exitCode()).as(quarter + closed.err()).isZero();
            assertThat(closed.out()).doesNotContain("Закрытие учебного года");
        }
    }

    /**
     * What the generator wrote: class → "student|subject|period" → value, each period's marks from the snapshot that
     * closed that period, the year, exam and final marks from the year-end snapshot.
     */
    private static Map<String, Map<String, String>> sourceMarks(Map<String, Path> year) throws Exception {
        Map<String, Map<String, String>> marks = new HashMap<>();
        for (String quarter : QUARTERS) {
            JsonNode snapshot = Snapshots.JSON.readTree(year.get(quarter).toFile());
            for (JsonNode c : snapshot.get("classes")) {
                String period = c.at("/period/id").asString();
                for (JsonNode f : c.get("finalMarks")) {
                    String kind = f.get("period").asString();
                    if (kind.equals(period) || (quarter.equals("Q4") && List.of("Y", "E", "F").contains(kind))) {
                        marks.computeIfAbsent(c.get("id").asString(), k -> new HashMap<>()).put(
                                f.get("student").asString() + "|" + f.get("subject").asString() + "|" + kind,
                                f.get("value").asString());
                    }
                }
            }
        }
        return marks;
    }

    private List<ArchivedDocument> statements(String schoolId) {
        return registry.list(new DocumentQuery(schoolId, "2024/2025", "Y", null)).stream()
                .filter(d -> d.documentType().equals("summary-statement")).toList();
    }

    private byte[] identicalReplicas(ArchivedDocument document, String role) {
        return Replicas.identical(locations, document, role);
    }

    private static Map<String, String> marksOf(SummaryStatement statement) {
        return statement.marks().stream().collect(Collectors.toMap(
                m -> m.student() + "|" + m.subject() + "|" + m.period(), SummaryStatement.Mark::value));
    }

    /** The mark-like words of a pupil's rows in the PDF text, over all its sheets, in order. */
    private static List<String> printedMarks(String text, SummaryStatement.Pupil pupil) {
        List<String> values = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int at = line.indexOf(pupil.fullName());
            if (at < 0) {
                continue;
            }
            for (String word : line.substring(at + pupil.fullName().length()).trim().split("\\s+")) {
                if (word.matches("[1-5]|зч|нз|н/а|осв")) {
                    values.add(word);
                }
            }
        }
        return values;
    }

    private static List<String> expectedPrinted(SummaryStatement statement, SummaryStatement.Pupil pupil) {
        List<String> values = new ArrayList<>();
        for (var subject : statement.subjects()) {
            for (String kind : statement.kinds()) {
                String value = statement.mark(pupil.id(), subject.id(), kind);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    @Test
    void aFullYearClosedPeriodByPeriodGivesSummaryStatementsHoldingExactlyTheSourceMarks() throws Exception {
        Map<String, Path> year = year("year-close");
        closeFirstThree(year);
        Cli.Result last = cli.run("close", year.get("Q4").toString());

        assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
        assertThat(last.out()).contains("Закрытие учебного года 2024/2025").contains("5А: сводная ведомость")
                .contains("1А: отметок нет");
        Map<String, Map<String, String>> source = sourceMarks(year);
        List<ArchivedDocument> documents = statements("year-close");
        assertThat(documents).extracting(ArchivedDocument::classId).containsExactlyInAnyOrder("5a", "9a", "11a");
        for (ArchivedDocument document : documents) {
            assertThat(document.retention().recordClass()).isEqualTo("summary-statement");
            assertThat(document.retention().termYears()).isEqualTo(25);
            assertThat(document.retention().eligibleForDestructionFrom()).isEqualTo("2051-01-01");
            byte[] pdf = identicalReplicas(document, ArchivedDocument.ROLE_PDF);
            byte[] json = identicalReplicas(document, ArchivedDocument.ROLE_SOURCE_JSON);
            assertThat(PdfA.failuresOf3b(pdf)).as(document.className()).isEmpty();
            assertThat(Pdfs.embeddedFiles(pdf)).singleElement().isEqualTo(json);

            SummaryStatement statement = SummaryStatements.read(json);
            assertThat(marksOf(statement)).as(document.className()).isEqualTo(source.get(document.classId()));
            assertThat(marksOf(statement).keySet().stream().map(k -> k.substring(k.lastIndexOf('|') + 1)).distinct())
                    .contains("Y").containsAll(document.classId().equals("5a") ? List.of() : List.of("E", "F"));
            String text = Pdfs.text(pdf);
            assertThat(text).contains("СВОДНАЯ ВЕДОМОСТЬ ИТОГОВЫХ ОТМЕТОК").contains(document.className() + " класс");
            for (SummaryStatement.Pupil pupil : statement.students()) {
                assertThat(printedMarks(text, pupil)).as(pupil.id()).isEqualTo(expectedPrinted(statement, pupil));
            }
        }
        assertThat(statements("year-close").stream().flatMap(d -> {
            SummaryStatement s = SummaryStatements.read(read(d));
            return s.students().stream();
        }).filter(p -> p.joinedDuringYear() || p.leftDuringYear())).isNotEmpty();

        // The director signs the statements like any archived document: x.pdf → x.signed.pdf beside it.
        Cli.Result signed = cli.run("sign", "--school", "year-close", "--period", "Y");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        for (ArchivedDocument document : statements("year-close")) {
            ArchivedDocument.ArchivedObject rendition = document.object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow();
            assertThat(rendition.key()).endsWith("/summary-statement/v1/summary-statement.signed.pdf");
            assertThat(signature.verify(identicalReplicas(document, ArchivedDocument.ROLE_SIGNED_PDF)).valid()).isTrue();
        }
        assertThat(cli.run("verify", "--school", "year-close").exitCode()).isZero();

        // An extract of a graduating pupil lists exactly their final marks, nobody else's.
        ArchivedDocument ninth = documents.stream().filter(d -> d.classId().equals("9a")).findFirst().orElseThrow();
        SummaryStatement statement = SummaryStatements.read(read(ninth));
        SummaryStatement.Pupil pupil = statement.students().stream().filter(p -> !p.leftDuringYear()).findFirst()
                .orElseThrow();
        Path out = tmp.resolve("extract.pdf");
        Cli.Result extract = cli.run("extract", "--pupil", pupil.id(), "--school", "year-close", "--purpose", "для представления в колледж",
                "--requester", "Вымышленная Мария Ивановна, мать", "--out", out.toString());

        assertThat(extract.exitCode()).as(extract.err()).isZero();
        byte[] pdf = Files.readAllBytes(out);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        assertThat(signature.verify(pdf).valid()).as(signature.verify(pdf).problems().toString()).isTrue();
        PupilExtract data = Snapshots.JSON.readValue(Pdfs.embeddedFiles(pdf).get(0), PupilExtract.class);
        assertThat(data.student().id()).isEqualTo(pupil.id());
        // The extract is in the access log (why, for whom); the statements were indexed for the search as archived.
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE action = 'extract' AND purpose = ? AND requester = ?"
                        + " AND detail LIKE ?")
                .params("для представления в колледж", "Вымышленная Мария Ивановна, мать", "% pupil=" + pupil.id() + " %")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(cli.run("search", "--name", pupil.fullName(), "--school", "year-close", "--type", "summary-statement",
                "--by", "Архивариус").out()).contains(pupil.fullName()).contains("summary-statement");
        assertThat(cli.run("search", "reindex").out()).contains("документов 0");
        Map<String, String> listed = new HashMap<>();
        data.years().forEach(y -> y.subjects().forEach(s -> s.marks().forEach((kind, value) ->
                listed.put(pupil.id() + "|" + s.subjectId() + "|" + kind, value))));
        Map<String, String> own = marksOf(statement).entrySet().stream()
                .filter(e -> e.getKey().startsWith(pupil.id() + "|"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(listed).isEqualTo(own);
        String text = Pdfs.text(pdf);
        assertThat(text).contains(pupil.fullName()).contains("для представления в колледж")
                .contains("ВЫПИСКА ИТОГОВЫХ ОТМЕТОК");
        statement.students().stream().filter(p -> !p.id().equals(pupil.id()))
                .forEach(other -> assertThat(text).doesNotContain(other.fullName()));
        assertThat(jdbc.sql("SELECT sha256 FROM pupil_extract WHERE student_id = ?").param(pupil.id())
                .query(String.class).single()).isEqualTo(CanonicalJson.sha256(pdf));
        assertThat(cli.run("verify-signature", out.toString()).exitCode()).isZero();
    }

    private byte[] read(ArchivedDocument document) {
        try {
            return identicalReplicas(document, ArchivedDocument.ROLE_SOURCE_JSON);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangedFirstQuarterMarkInTheYearEndSnapshotIsReportedAndTheStatementKeepsTheFrozenValue() throws Exception {
        Map<String, Path> year = year("year-change");
        closeFirstThree(year);
        String[] changed = new String[4];
        Path q4 = Snapshots.mutate(year.get("Q4"), tmp.resolve("year-change-Q4-changed.json"), s -> {
            ObjectNode fifth = Snapshots.classOfGrade(s, 5);
            for (JsonNode f : fifth.get("finalMarks")) {
                String value = f.get("value").asString();
                if (f.get("period").asString().equals("Q1") && value.matches("[2-4]")) {
                    changed[0] = f.get("student").asString();
                    changed[1] = f.get("subject").asString();
                    changed[2] = value;
                    changed[3] = String.valueOf(Integer.parseInt(value) + 1);
                    ((ObjectNode) f).put("value", changed[3]).put("enteredAt", "2025-05-20T18:00:00+03:00");
                    return;
                }
            }
        });
        Cli.Result closed = cli.run("close", q4.toString());

        assertThat(closed.exitCode()).as(closed.out() + closed.err()).isEqualTo(3);
        assertThat(closed.err()).contains("Изменения итоговых отметок прошлых периодов задним числом")
                .contains("Класс 5А, период Q1: расхождений — 1")
                .contains("предмет " + changed[1] + ", период Q1, ученик " + changed[0])
                .contains("было «" + changed[2] + "», стало «" + changed[3] + "»")
                .contains("2025-05-20T18:00:00+03:00");
        ArchivedDocument fifth = statements("year-change").stream().filter(d -> d.classId().equals("5a"))
                .findFirst().orElseThrow();
        SummaryStatement statement = SummaryStatements.read(read(fifth));
        assertThat(statement.mark(changed[0], changed[1], "Q1")).isEqualTo(changed[2]);
        assertThat(jdbc.sql("SELECT count(*) FROM year_end_change WHERE school_id = 'year-change'")
                .query(Long.class).single()).isEqualTo(1L);

        // Asking again reports the same change once, and changes nothing.
        Map<String, Long> before = registry.counts();
        Cli.Result again = cli.run("year-close", "--school", "year-change", "--year", "2024/2025");
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(registry.counts()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM year_end_change WHERE school_id = 'year-change'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anAuthorisedCorrectionOfAFirstQuarterJournalRebuildsTheStatementAsItsNextVersionAndExtractsUseIt()
            throws Exception {
        Map<String, Path> year = year("year-corrected");
        closeFirstThree(year);
        assertThat(cli.run("close", year.get("Q4").toString()).exitCode()).isZero();
        ArchivedDocument first = statements("year-corrected").stream().filter(d -> d.classId().equals("5a"))
                .findFirst().orElseThrow();
        // The school finds an error in a Q1 final mark and exports the corrected first quarter again.
        String[] changed = new String[4];
        Path q1 = Snapshots.mutate(year.get("Q1"), tmp.resolve("year-corrected-Q1-fixed.json"), s -> {
            ObjectNode fifth = Snapshots.classOfGrade(s, 5);
            for (JsonNode f : fifth.get("finalMarks")) {
                String value = f.get("value").asString();
                if (f.get("period").asString().equals("Q1") && value.matches("[2-4]")) {
                    changed[0] = f.get("student").asString();
                    changed[1] = f.get("subject").asString();
                    changed[2] = value;
                    changed[3] = String.valueOf(Integer.parseInt(value) + 1);
                    ((ObjectNode) f).put("value", changed[3]).put("enteredAt", "2025-06-02T10:00:00+03:00");
                    return;
                }
            }
        });
        assertThat(cli.run("close", q1.toString()).exitCode()).as("the re-close is refused").isEqualTo(3);
        String importId = jdbc.sql("""
                SELECT r.import_id FROM retroactive_change r JOIN snapshot_import i ON i.id = r.import_id
                WHERE i.school_id = 'year-corrected' ORDER BY r.detected_at DESC LIMIT 1""")
                .query(String.class).single();

        Cli.Result corrected = cli.run("correct", "--import", importId, "--class", "5a", "--reason",
                "Ошибка при выставлении отметки, служебная записка № 4", "--authorised-by", "Директор Вымышленная И. О.");

        assertThat(corrected.exitCode()).as(corrected.out() + corrected.err()).isZero();
        assertThat(corrected.out()).contains("Сводная ведомость итоговых отметок класса пересобрана");
        List<ArchivedDocument> fifths = statements("year-corrected").stream().filter(d -> d.classId().equals("5a"))
                .toList();
        assertThat(fifths).extracting(ArchivedDocument::version).containsExactlyInAnyOrder(1, 2);
        ArchivedDocument second = fifths.stream().filter(d -> d.version() == 2).findFirst().orElseThrow();
        SummaryStatement before = SummaryStatements.read(read(first));
        SummaryStatement after = SummaryStatements.read(read(second));
        assertThat(before.mark(changed[0], changed[1], "Q1")).as("version 1 stays as it was").isEqualTo(changed[2]);
        assertThat(after.mark(changed[0], changed[1], "Q1")).isEqualTo(changed[3]);
        assertThat(marksOf(after).entrySet().stream().filter(e -> !marksOf(before).get(e.getKey()).equals(e.getValue())))
                .as("only the corrected mark differs").hasSize(1);
        assertThat(after.corrections()).singleElement().satisfies(c -> {
            assertThat(c.period()).isEqualTo("Q1");
            assertThat(c.journalVersion()).isEqualTo(2);
            assertThat(c.reason()).contains("служебная записка № 4");
        });
        byte[] pdf = identicalReplicas(second, ArchivedDocument.ROLE_PDF);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        assertThat(Pdfs.text(pdf).replaceAll("\\s+", " ")).contains("Исправление № 1")
                .contains("служебная записка № 4").contains("Директор Вымышленная И. О.");
        // The other classes' statements are untouched; another year close builds nothing new.
        assertThat(statements("year-corrected")).hasSize(4);
        Map<String, Long> counts = registry.counts();
        assertThat(cli.run("year-close", "--school", "year-corrected", "--year", "2024/2025").exitCode()).isZero();
        assertThat(registry.counts()).isEqualTo(counts);

        // An extract is drawn from the corrected statement only.
        Path out = tmp.resolve("corrected-extract.pdf");
        assertThat(cli.run("extract", "--pupil", changed[0], "--school", "year-corrected", "--purpose", "по запросу",
                "--requester", "Вымышленный Пётр Ильич, отец", "--out", out.toString()).exitCode()).isZero();
        PupilExtract extract = Snapshots.JSON.readValue(Pdfs.embeddedFiles(Files.readAllBytes(out)).get(0),
                PupilExtract.class);
        assertThat(extract.years()).singleElement().satisfies(y -> {
            assertThat(y.statementSha256())
                    .isEqualTo(second.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow().sha256());
            assertThat(y.subjects()).filteredOn(m -> m.subjectId().equals(changed[1])).singleElement()
                    .satisfies(m -> assertThat(m.marks()).containsEntry("Q1", changed[3]));
        });
    }

    @Test
    void aClassFailingOnTheFirstRunIsArchivedOnRestartWithNothingDuplicated() throws Exception {
        Map<String, Path> year = year("year-restart");
        closeFirstThree(year);
        // Site-b already holds a foreign file where 9А's statement must go: that class fails, the others finish.
        String key = ObjectKeys.documentKey("year-restart", "2024/2025", "Y", "9a", "summary-statement", 1,
                "summary-statement.pdf");
        Path blocker = Path.of(locations.get("site-b").describe(key));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a summary statement");

        Cli.Result first = cli.run("close", year.get("Q4").toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(first.err()).contains("year-close");
        assertThat(statements("year-restart")).extracting(ArchivedDocument::classId)
                .containsExactlyInAnyOrder("5a", "11a");

        Files.delete(blocker);
        Cli.Result second = cli.run("year-close", "--school", "year-restart", "--year", "2024/2025");

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        List<ArchivedDocument> documents = statements("year-restart");
        assertThat(documents).extracting(ArchivedDocument::classId).containsExactlyInAnyOrder("5a", "9a", "11a");
        for (ArchivedDocument document : documents) {
            assertThat(PdfA.failuresOf3b(identicalReplicas(document, ArchivedDocument.ROLE_PDF))).isEmpty();
            identicalReplicas(document, ArchivedDocument.ROLE_SOURCE_JSON);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM summary_statement WHERE school_id = 'year-restart'")
                .query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM summary_statement_pupil p JOIN summary_statement s ON s.id = p.statement_id
                WHERE s.school_id = 'year-restart'""").query(Long.class).single())
                .isEqualTo(documents.stream().mapToLong(d -> SummaryStatements.read(read(d)).students().size()).sum());
    }

    @Test
    void badExtractInputIsRefusedWithExitTwoAndNothingWritten() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM pupil_extract").query(Long.class).single();
        Path out = tmp.resolve("nothing.pdf");

        Cli.Result unknown = cli.run("extract", "--pupil", "st-999999", "--purpose", "справка", "--requester",
                "Вымышленный Иван", "--out", out.toString());
        Cli.Result emptyPurpose = cli.run("extract", "--pupil", "st-000001", "--purpose", "  ", "--requester",
                "Вымышленный Иван", "--out", out.toString());
        Cli.Result badId = cli.run("extract", "--pupil", "st 1/..", "--purpose", "справка", "--requester",
                "Вымышленный Иван", "--out", out.toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("st-999999").contains("нет сводных ведомостей");
        assertThat(emptyPurpose.exitCode()).isEqualTo(2);
        assertThat(emptyPurpose.err()).contains("--purpose");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.err()).contains("--pupil");
        assertThat(out).doesNotExist();
        assertThat(jdbc.sql("SELECT count(*) FROM pupil_extract").query(Long.class).single()).isEqualTo(before);
        assertThat(cli.run("year-close", "--school", "x", "--year", "2024/2026").exitCode()).isEqualTo(2);
    }
}
