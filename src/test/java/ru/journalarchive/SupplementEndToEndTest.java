package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Replicas;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.ClassSpec;
import ru.journalarchive.text.RussianPlural;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Supplements after the close, end to end through the real CLI: a year closed with a Q4/H2 snapshot that lacks the
 * exam (E) and final (F) marks of the graduating 9th and 11th grades; the June snapshot that only adds them is
 * accepted as a supplement — the period journals' next versions list the added marks, the summary statements' next
 * versions hold them, the previous versions stay, extracts come from the new version — while a snapshot that adds
 * them and changes one existing mark is refused as a retroactive change with nothing archived.
 */
@SpringBootTest
@ActiveProfiles("test")
class SupplementEndToEndTest {

    static final List<ClassSpec> SCHOOL = List.of(new ClassSpec("5А", 5, 20, 0), new ClassSpec("9А", 9, 16, 0),
            new ClassSpec("11А", 11, 14, 0));
    static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");
    static final String SCHOOL_ID = "supplement";
    static final String RESTART_ID = "supplement-restart";
    /** A June entry moment in UTC: the supplement sheet shows it in school time, 20.06.2025 11:30. */
    static final String JUNE_UTC = "2025-06-20T08:30:00Z";

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
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
    void examAndFinalMarksArrivingAfterTheCloseAreASupplementAndAChangedMarkWithThemIsStillRefused()
            throws Exception {
        Map<String, Path> year = year(SCHOOL_ID);
        // The Q4/H2 close of 24 May: the exams are still ahead, no E or F marks yet.
        Path june = year.get("Q4");
        closeTheYearWithoutExams(year, tmp.resolve("may.json"));
        Map<String, ArchivedDocument> firstStatements = statements(SCHOOL_ID).stream()
                .collect(Collectors.toMap(ArchivedDocument::classId, d -> d));
        assertThat(firstStatements.keySet()).containsExactlyInAnyOrder("5a", "9a", "11a");
        firstStatements.values().forEach(d -> assertThat(kinds(SummaryStatements.read(read(d))))
                .doesNotContain("E", "F"));

        // The June export carries the exam and final marks; one 9th-grade exam mark was entered at 08:30 UTC.
        String[] timed = new String[3];
        Path supplement = Snapshots.mutate(june, tmp.resolve("june.json"), s -> {
            for (JsonNode f : Snapshots.classOfGrade(s, 9).get("finalMarks")) {
                if (f.get("period").asString().equals("E")) {
                    ((ObjectNode) f).put("enteredAt", JUNE_UTC);
                    timed[0] = f.get("student").asString();
                    timed[1] = f.get("subject").asString();
                    timed[2] = f.get("enteredBy").asString();
                    return;
                }
            }
        });
        Map<String, Map<String, String>> added = addedMarks(supplement);
        assertThat(added.keySet()).containsExactlyInAnyOrder("9a", "11a");

        // The same June marks together with one changed Q4 (H2) mark in each graduating class: a retroactive change,
        // refused for both, nothing archived.
        Path changed = Snapshots.mutate(supplement, tmp.resolve("june-changed.json"), s -> {
            for (int grade : List.of(9, 11)) {
                ObjectNode c = Snapshots.classOfGrade(s, grade);
                for (JsonNode f : c.get("finalMarks")) {
                    String value = f.get("value").asString();
                    if (f.get("period").asString().equals(c.at("/period/id").asString()) && value.matches("[2-4]")) {
                        ((ObjectNode) f).put("value", String.valueOf(Integer.parseInt(value) + 1));
                        break;
                    }
                }
            }
        });
        Map<String, Long> before = registry.counts();
        Cli.Result refused = cli.run("close", changed.toString());
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(3);
        assertThat(refused.out()).contains("9А — ОТКЛОНЁН: изменения задним числом")
                .contains("11А — ОТКЛОНЁН: изменения задним числом").doesNotContain("дополнение —");
        assertThat(registry.counts()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM journal_supplement WHERE school_id = ?")).isZero();
        assertThat(count("SELECT count(*) FROM frozen_journal WHERE school_id = ? AND version > 1")).isZero();

        // Only added E and F marks: accepted as a supplement of 9А and 11А; 5А has nothing new.
        Cli.Result accepted = cli.run("close", supplement.toString());
        assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
        int ninth = added.get("9a").size();
        int eleventh = added.get("11a").size();
        assertThat(accepted.out())
                .contains("9А, 4 четверть: принято дополнение — " + ninth + " " + marks(ninth) + " (экзамен, итоговая)")
                .contains("11А, 2 полугодие: принято дополнение — " + eleventh + " " + marks(eleventh)
                        + " (экзамен, итоговая)")
                .contains("5А — уже закрыт ранее, без изменений");
        assertThat(jdbc.sql("""
                SELECT c.class_id || ':' || c.close_status FROM snapshot_import_class c
                JOIN snapshot_import i ON i.id = c.import_id WHERE i.sha256 = ? ORDER BY c.class_id""")
                .param(CanonicalJson.sha256(Files.readAllBytes(supplement))).query(String.class).list())
                .containsExactly("11a:SUPPLEMENTED", "5a:ALREADY_CLOSED", "9a:SUPPLEMENTED");
        assertThat(count("""
                SELECT count(*) FROM journal_supplement_mark m JOIN journal_supplement s ON s.id = m.supplement_id
                WHERE s.school_id = ?""")).isEqualTo(ninth + eleventh);

        // The period journals: version 1 kept, version 2 lists the added marks, names and school time.
        for (String classId : List.of("9a", "11a")) {
            List<ArchivedDocument> journals = registry.list(DocumentQuery.all()).stream()
                    .filter(d -> d.documentType().equals("class-journal") && d.schoolId().equals(SCHOOL_ID)
                            && d.classId().equals(classId) && List.of("Q4", "H2").contains(d.periodId()))
                    .toList();
            assertThat(journals).extracting(ArchivedDocument::version).containsExactlyInAnyOrder(1, 2);
            byte[] v1 = identicalReplicas(journals.stream().filter(d -> d.version() == 1).findFirst().orElseThrow(),
                    ArchivedDocument.ROLE_PDF);
            byte[] v2 = identicalReplicas(journals.stream().filter(d -> d.version() == 2).findFirst().orElseThrow(),
                    ArchivedDocument.ROLE_PDF);
            assertThat(PdfA.failuresOf3b(v2)).as(classId).isEmpty();
            assertThat(Pdfs.text(v1)).doesNotContain("Дополнение №");
            String text = Pdfs.text(v2).replaceAll("\\s+", " ");
            assertThat(text).contains("Дополнение № 1: итоговые отметки, выставленные после закрытия периода")
                    .contains("Настоящая версия 2 дополняет версию 1 этого журнала")
                    .contains("экзамен").contains("итоговая");
            JsonNode journalJson = Snapshots.JSON.readTree(Pdfs.embeddedFiles(v2).get(0));
            for (String key : added.get(classId).keySet()) {
                String[] parts = key.split("\\|");
                String pupil = name(journalJson.at("/class/students"), parts[0], "fullName");
                String subject = name(journalJson.get("subjects"), parts[1], "name");
                String kind = parts[2].equals("E") ? "экзамен" : "итоговая";
                assertThat(text).as(key).contains(pupil + " — " + subject + " — " + kind + ": "
                        + added.get(classId).get(key) + " — ");
            }
            if (classId.equals("9a")) {
                String pupil = name(journalJson.at("/class/students"), timed[0], "fullName");
                String subject = name(journalJson.get("subjects"), timed[1], "name");
                String teacher = name(journalJson.get("teachers"), timed[2], "fullName");
                assertThat(text).contains(pupil + " — " + subject + " — экзамен: ")
                        .contains(teacher + ", 20.06.2025 11:30");
            }
        }

        // The summary statements: 9А and 11А have a second version holding the exam and final marks; the first stays.
        List<ArchivedDocument> after = statements(SCHOOL_ID);
        assertThat(after).extracting(d -> d.classId() + ":v" + d.version())
                .containsExactlyInAnyOrder("5a:v1", "9a:v1", "9a:v2", "11a:v1", "11a:v2");
        for (String classId : List.of("9a", "11a")) {
            ArchivedDocument second = after.stream().filter(d -> d.classId().equals(classId) && d.version() == 2)
                    .findFirst().orElseThrow();
            SummaryStatement v1 = SummaryStatements.read(read(firstStatements.get(classId)));
            SummaryStatement v2 = SummaryStatements.read(read(second));
            assertThat(PdfA.failuresOf3b(identicalReplicas(second, ArchivedDocument.ROLE_PDF))).isEmpty();
            Map<String, String> expected = new HashMap<>(marksOf(v1));
            expected.putAll(added.get(classId));
            assertThat(marksOf(v2)).as(classId).isEqualTo(expected);
            assertThat(marksOf(SummaryStatements.read(read(firstStatements.get(classId))))).isEqualTo(marksOf(v1))
                    .doesNotContainKeys(added.get(classId).keySet().toArray(String[]::new));
        }

        // Closed again: nothing new.
        Map<String, Long> counts = registry.counts();
        Cli.Result again = cli.run("close", supplement.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(registry.counts()).isEqualTo(counts);
        assertThat(count("SELECT count(*) FROM journal_supplement WHERE school_id = ?")).isEqualTo(2);
        // Exported again an hour later with the same content: a new import, every class already closed.
        Path reexported = Snapshots.mutate(supplement, tmp.resolve("june-again.json"), s -> s.put("exportedAt",
                s.get("exportedAt").asString().replaceFirst("T09:", "T10:")));
        Cli.Result reclosed = cli.run("close", reexported.toString());
        assertThat(reclosed.exitCode()).as(reclosed.out() + reclosed.err()).isZero();
        assertThat(reclosed.out()).contains("9А — уже закрыт ранее, без изменений")
                .contains("11А — уже закрыт ранее, без изменений").doesNotContain("принято дополнение");
        assertThat(registry.counts()).isEqualTo(counts);
        assertThat(count("SELECT count(*) FROM journal_supplement WHERE school_id = ?")).isEqualTo(2);

        // An extract of a graduate is drawn from the statement's new version and lists the exam mark.
        ArchivedDocument ninthV2 = after.stream().filter(d -> d.classId().equals("9a") && d.version() == 2)
                .findFirst().orElseThrow();
        Path out = tmp.resolve("extract.pdf");
        Cli.Result extract = cli.run("extract", "--pupil", timed[0], "--school", SCHOOL_ID, "--purpose",
                "для поступления", "--requester", "Вымышленная Анна Петровна, мать", "--out", out.toString());
        assertThat(extract.exitCode()).as(extract.out() + extract.err()).isZero();
        PupilExtract data = Snapshots.JSON.readValue(Pdfs.embeddedFiles(Files.readAllBytes(out)).get(0),
                PupilExtract.class);
        assertThat(data.years()).singleElement().satisfies(y -> {
            assertThat(y.statementSha256())
                    .isEqualTo(ninthV2.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow().sha256());
            assertThat(y.subjects()).filteredOn(m -> m.subjectId().equals(timed[1])).singleElement()
                    .satisfies(m -> assertThat(m.marks()).containsEntry("E", added.get("9a")
                            .get(timed[0] + "|" + timed[1] + "|E")));
        });
    }

    @Test
    void aSupplementInterruptedAfterItsVersionWasFrozenResumesWithoutASecondVersion() throws Exception {
        Map<String, Path> year = year(RESTART_ID);
        closeTheYearWithoutExams(year, tmp.resolve("restart-may.json"));
        // Site-b already holds a foreign file where 9А's supplemented journal must go: that class fails.
        String key = ObjectKeys.classJournalPdf(RESTART_ID, "2024/2025", "Q4", "9a", 2);
        Path blocker = Path.of(locations.get("site-b").describe(key));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a class journal");

        Cli.Result first = cli.run("close", year.get("Q4").toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(versions(RESTART_ID, "9a", "Q4")).as("version 2 was frozen before the store failed").isEqualTo(2);

        Files.delete(blocker);
        Cli.Result second = cli.run("close", year.get("Q4").toString());

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("9А, 4 четверть: принято дополнение — ");
        assertThat(versions(RESTART_ID, "9a", "Q4")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT class_id FROM journal_supplement WHERE school_id = ? ORDER BY class_id")
                .param(RESTART_ID).query(String.class).list()).containsExactly("11a", "9a");
        ArchivedDocument journal = registry.find("class-journal", RESTART_ID, "2024/2025", "9a", "Q4", 2)
                .orElseThrow();
        byte[] pdf = identicalReplicas(journal, ArchivedDocument.ROLE_PDF);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        assertThat(Pdfs.text(pdf)).contains("Дополнение № 1");
        assertThat(statements(RESTART_ID)).extracting(d -> d.classId() + ":v" + d.version())
                .containsExactlyInAnyOrder("5a:v1", "9a:v1", "9a:v2", "11a:v1", "11a:v2");
    }

    private long versions(String schoolId, String classId, String periodId) {
        return jdbc.sql("SELECT count(*) FROM frozen_journal WHERE school_id = ? AND class_id = ? AND period_id = ?")
                .params(schoolId, classId, periodId).query(Long.class).single();
    }

    /** Closes Q1–Q3 and then the Q4/H2 snapshot without its E and F marks (written to {@code may}). */
    private void closeTheYearWithoutExams(Map<String, Path> year, Path may) throws Exception {
        for (String quarter : List.of("Q1", "Q2", "Q3")) {
            Cli.Result closed = cli.run("close", year.get(quarter).toString());
            assertThat(closed.exitCode()).as(quarter + closed.out() + closed.err()).isZero();
        }
        Snapshots.mutate(year.get("Q4"), may, s -> s.get("classes").forEach(c ->
                removeFinalMarks((ArrayNode) c.get("finalMarks"), List.of("E", "F"))));
        Cli.Result closedInMay = cli.run("close", may.toString());
        assertThat(closedInMay.exitCode()).as(closedInMay.out() + closedInMay.err()).isZero();
    }

    /** The four snapshots of a generated year, Q1 to Q4 (11А: H1 with Q2, H2 with Q4). */
    private Map<String, Path> year(String schoolId) throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String quarter : QUARTERS) {
            Path file = tmp.resolve(schoolId + "-" + quarter + ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                SyntheticSchoolGenerator.writeYear(new SyntheticSchoolGenerator.Options(50, 2026L, schoolId,

                        "2024/2025", quarter), SCHOOL, false, out);
            }
            files.put(quarter, file);
        }
        return files;
    }

    private static void removeFinalMarks(ArrayNode finalMarks, List<String> kinds) {
        for (int i = finalMarks.size() - 1; i >= 0; i--) {
            if (kinds.contains(finalMarks.get(i).get("period").asString())) {
                finalMarks.remove(i);
            }
        }
    }

    /** The E and F marks of a snapshot: class → "student|subject|kind" → value. */
    private static Map<String, Map<String, String>> addedMarks(Path snapshot) throws Exception {
        Map<String, Map<String, String>> marks = new HashMap<>();
        for (JsonNode c : Snapshots.JSON.readTree(snapshot.toFile()).get("classes")) {
            for (JsonNode f : c.get("finalMarks")) {
                String kind = f.get("period").asString();
                if (kind.equals("E") || kind.equals("F")) {
                    marks.computeIfAbsent(c.get("id").asString(), k -> new HashMap<>()).put(f.get("student").asString()
                            + "|" + f.get("subject").asString() + "|" + kind, f.get("value").asString());
                }
            }
        }
        return marks;
    }

    private static String marks(int n) {
        return RussianPlural.choose(n, "итоговая отметка", "итоговые отметки", "итоговых отметок");
    }

    private static String name(JsonNode items, String id, String field) {
        for (JsonNode item : items) {
            if (item.get("id").asString().equals(id)) {
                return item.get(field).asString();
            }
        }
        throw new AssertionError("no " + id);
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(SCHOOL_ID).query(Long.class).single();
    }

    private List<ArchivedDocument> statements(String schoolId) {
        return registry.list(new DocumentQuery(schoolId, "2024/2025", "Y", null)).stream()
                .filter(d -> d.documentType().equals("summary-statement")).toList();
    }

    private static List<String> kinds(SummaryStatement statement) {
        return statement.marks().stream().map(SummaryStatement.Mark::period).distinct().toList();
    }

    private static Map<String, String> marksOf(SummaryStatement statement) {
        return statement.marks().stream().collect(Collectors.toMap(
                m -> m.student() + "|" + m.subject() + "|" + m.period(), SummaryStatement.Mark::value));
    }

    private byte[] read(ArchivedDocument document) {
        try {
            return identicalReplicas(document, ArchivedDocument.ROLE_SOURCE_JSON);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] identicalReplicas(ArchivedDocument document, String role) {
        return Replicas.identical(locations, document, role);
    }
}
