package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Replicas;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The completeness gate through the real CLI (issue 12): a class whose period had not ended by the export, or whose
 * pupils lack final marks, is refused with exit 4 and nothing archived for it while the others close; the deputy's
 * override with a reason closes it and says so on the title page; the year close refuses a class without year marks;
 * no statement, extract or print packet is ever made without marks.
 */
@SpringBootTest
@ActiveProfiles("test")
class CompletenessGateEndToEndTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

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
    void aSnapshotExportedBeforeTheHalfYearEndedIsRefusedForThatClassAndTheOthersClose() throws Exception {
        // The case: exported on 24.03.2025 (after Q3) carrying 11А's «2 полугодие» without final marks.
        ObjectNode early = tree(year("gate-early", "Q3"));
        ObjectNode eleventh = classNamed(tree(year("gate-early", "Q4")), "11А").deepCopy();
        ArrayNode finals = (ArrayNode) eleventh.get("finalMarks");
        for (int i = finals.size() - 1; i >= 0; i--) {
            if (!finals.get(i).get("period").asString().equals("H1")) {
                finals.remove(i);
            }
        }
        ((ArrayNode) early.get("classes")).add(eleventh);
        early.put("exportedAt", "2025-03-24T09:00:00+03:00");
        Path file = write(early, "gate-early.json");
        LocalDate end = LocalDate.parse(eleventh.at("/period/end").asString());

        Cli.Result result = cli.run("close", file.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(4);
        assertThat(result.err()).contains("11А, 2 полугодие: не закрыт: период не завершён (окончание "
                + DAY.format(end) + ", выгрузка 24.03.2025)");
        assertThat(result.err().lines().filter(l -> l.startsWith("    "))).as("no pupil list for a period not ended")
                .isEmpty();
        assertThat(result.out()).doesNotContain("Закрытие учебного года");
        String classId = eleventh.get("id").asString();
        assertThat(documents("gate-early", null)).extracting(ArchivedDocument::className)
                .containsExactlyInAnyOrder("1А", "5А", "9А");
        assertNothingArchived("gate-early", classId, "H2");
        assertThat(count("SELECT count(*) FROM summary_statement WHERE school_id = 'gate-early'")).isZero();
    }

    @Test
    void onePupilWithoutOneFinalMarkIsNamedAndOnlyAnOverrideWithAReasonClosesTheClass() throws Exception {
        ObjectNode q1 = tree(year("gate-mark", "Q1"));
        ObjectNode fifth = classNamed(q1, "5А");
        JsonNode dropped = ((ArrayNode) fifth.get("finalMarks")).remove(0);
        String pupil = nameOf(fifth.get("students"), dropped.get("student").asString(), "fullName");
        String subject = nameOf(q1.get("subjects"), dropped.get("subject").asString(), "name");
        Path file = write(q1, "gate-mark.json");

        Cli.Result refused = cli.run("close", file.toString());

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(4);
        assertThat(refused.err()).contains("5А, 1 четверть: не закрыт — нет итоговых отметок:\n    " + pupil + " — "
                + subject + "\n");
        assertThat(refused.err().lines().filter(l -> l.contains(" — ") && l.startsWith("    "))).hasSize(1);
        assertThat(documents("gate-mark", "Q1")).extracting(ArchivedDocument::className)
                .containsExactlyInAnyOrder("1А", "9А");
        assertNothingArchived("gate-mark", "5a", "Q1");

        // An override needs a reason and a name, and only for a class refused as incomplete: nothing written else.
        Cli.Result noReason = cli.run("close", file.toString(), "--override-incomplete", "5а", "--by", "Орлова О. О.");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason").contains("причина обязательна");
        Cli.Result longReason = cli.run("close", file.toString(), "--override-incomplete", "5а", "--reason",
                "причина ".repeat(70), "--by", "Орлова О. О.");
        assertThat(longReason.exitCode()).isEqualTo(2);
        assertThat(longReason.err()).contains("--reason").contains("не более 500 символов");
        Cli.Result closedClass = cli.run("close", file.toString(), "--override-incomplete", "9а", "--reason", "x",
                "--by", "Орлова О. О.");
        assertThat(closedClass.exitCode()).isEqualTo(2);
        assertThat(closedClass.err()).contains("--override-incomplete").contains("класс 9А не был отклонён");
        assertThat(count("SELECT count(*) FROM close_override o JOIN snapshot_import i ON i.id = o.import_id"
                + " WHERE i.school_id = 'gate-mark'")).isZero();

        String reason = "Обучающийся болел, аттестация по предмету перенесена на сентябрь";
        Cli.Result overridden = cli.run("close", file.toString(), "--override-incomplete", "5а", "--reason", reason,
                "--by", "Орлова Ольга Олеговна");

        assertThat(overridden.exitCode()).as(overridden.out() + overridden.err()).isZero();
        assertThat(overridden.out()).contains("Решение записано: класс 5А");
        Map<String, Object> row = jdbc.sql("SELECT o.* FROM close_override o JOIN snapshot_import i"
                + " ON i.id = o.import_id WHERE i.school_id = 'gate-mark'").query().singleRow();
        assertThat(row).containsEntry("class_id", "5a").containsEntry("reason", reason)
                .containsEntry("overridden_by", "Орлова Ольга Олеговна")
                .containsEntry("refused_status", "REFUSED_MISSING_FINAL_MARKS");
        assertThat((String) row.get("missing_json")).contains(pupil).contains(subject);
        ArchivedDocument journal = documents("gate-mark", "Q1").stream()
                .filter(d -> d.className().equals("5А")).findFirst().orElseThrow();
        byte[] pdf = read(journal.object(ArchivedDocument.ROLE_PDF).orElseThrow());
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        String text = Pdfs.text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Закрыт без полных итоговых отметок (не у всех обучающихся выставлены итоговые "
                + "отметки) по решению: Орлова Ольга Олеговна")
                .contains("причина: " + reason);
        // The paper copy says so too: it never looks more complete than the archived journal.
        Path packet = tmp.resolve("5a-packet.pdf");
        Cli.Result printed = cli.run("packet", "print", "--document", journal.id().toString(), "--out",
                packet.toString());
        assertThat(printed.exitCode()).as(printed.out() + printed.err()).isZero();
        assertThat(Pdfs.text(java.nio.file.Files.readAllBytes(packet)).replaceAll("\\s+", " "))
                .contains("Закрыт без полных итоговых отметок").contains("причина: " + reason);

        // The override is used once: the next run has nothing left to do.
        Cli.Result again = cli.run("close", file.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(documents("gate-mark", "Q1")).hasSize(3);
    }

    @Test
    void theYearCloseRefusesAClassWithoutYearMarksAndNoExtractIsIssuedWithoutMarks() throws Exception {
        for (String quarter : List.of("Q1", "Q2", "Q3")) {
            Cli.Result closed = cli.run("close", year("gate-year", quarter).toString());
            assertThat(closed.exitCode()).as(quarter + closed.out() + closed.err()).isZero();
        }
        ObjectNode q4 = tree(year("gate-year", "Q4"));
        ObjectNode fifth = classNamed(q4, "5А");
        ArrayNode finals = (ArrayNode) fifth.get("finalMarks");
        JsonNode yearMark = null;
        for (int i = 0; i < finals.size() && yearMark == null; i++) {
            if (finals.get(i).get("period").asString().equals("Y")) {
                yearMark = finals.remove(i);
            }
        }
        String pupil = nameOf(fifth.get("students"), yearMark.get("student").asString(), "fullName");
        String subject = nameOf(q4.get("subjects"), yearMark.get("subject").asString(), "name");
        // A pupil who came and left within the 4th quarter: listed in 9А's statement, without a single mark.
        ObjectNode ninth = classNamed(q4, "9А");
        LocalDate start = LocalDate.parse(ninth.at("/period/start").asString());
        ObjectNode guest = ((ArrayNode) ninth.get("students")).addObject();
        guest.put("id", "gate-guest-1");
        guest.put("fullName", "Гостева Галина Геннадьевна");
        guest.put("enrolled", start.plusDays(7).toString());
        guest.put("left", start.plusDays(14).toString());
        Path file = write(q4, "gate-year-q4.json");

        Cli.Result last = cli.run("close", file.toString());

        assertThat(last.exitCode()).as(last.out() + last.err()).isEqualTo(4);
        assertThat(last.out()).contains("5А: не закрыт — нет годовых отметок, ведомость не формируется:")
                .contains("      " + pupil + " — " + subject);
        assertThat(documents("gate-year", "Y")).extracting(ArchivedDocument::className)
                .containsExactlyInAnyOrder("9А", "11А");
        assertThat(count("SELECT count(*) FROM summary_statement WHERE school_id = 'gate-year' AND class_id = '5a'"))
                .isZero();
        Cli.Result yearClose = cli.run("year-close", "--school", "gate-year", "--year", "2024/2025");
        assertThat(yearClose.exitCode()).as(yearClose.out() + yearClose.err()).isEqualTo(4);
        assertThat(yearClose.out()).contains("      " + pupil + " — " + subject);

        long extracts = count("SELECT count(*) FROM pupil_extract");
        Cli.Result extract = cli.run("extract", "--pupil", "gate-guest-1", "--school", "gate-year", "--purpose",
                "по запросу", "--requester", "Гостева Г. Г.", "--out", tmp.resolve("guest.pdf").toString());
        assertThat(extract.exitCode()).as(extract.out() + extract.err()).isEqualTo(2);
        assertThat(extract.err()).contains("Гостева Галина Геннадьевна").contains("нет ни одной итоговой отметки");
        assertThat(count("SELECT count(*) FROM pupil_extract")).isEqualTo(extracts);
        assertThat(tmp.resolve("guest.pdf")).doesNotExist();
    }

    @Test
    void aClassClosedWithoutAnyMarksGetsNeitherAStatementNorAPrintPacket() throws Exception {
        ObjectNode q4 = tree(year("gate-empty", "Q4"));
        ArrayNode classes = (ArrayNode) q4.get("classes");
        for (int i = classes.size() - 1; i >= 0; i--) {
            if (!classes.get(i).get("name").asString().equals("11А")) {
                classes.remove(i);
            }
        }
        ((ArrayNode) classes.get(0).get("finalMarks")).removeAll();
        Path file = write(q4, "gate-empty.json");
        assertThat(cli.run("close", file.toString()).exitCode()).isEqualTo(4);

        Cli.Result overridden = cli.run("close", file.toString(), "--override-incomplete", "11А", "--reason",
                "Проверка: отметки будут внесены исправлением", "--by", "Орлова Ольга Олеговна");

        assertThat(overridden.exitCode()).as(overridden.out() + overridden.err()).isEqualTo(4);
        assertThat(overridden.out()).contains("11А: не закрыт — в ведомости не было бы ни одной отметки");
        assertThat(documents("gate-empty", "Y")).isEmpty();
        assertThat(count("SELECT count(*) FROM summary_statement WHERE school_id = 'gate-empty'")).isZero();
        ArchivedDocument journal = documents("gate-empty", "H2").get(0);
        Cli.Result packet = cli.run("packet", "print", "--document", journal.id().toString(), "--out",
                tmp.resolve("packet.pdf").toString());
        assertThat(packet.exitCode()).as(packet.out() + packet.err()).isEqualTo(2);
        assertThat(packet.err()).contains("нет итоговых отметок");
        assertThat(tmp.resolve("packet.pdf")).doesNotExist();
    }

    /** One snapshot of a generated year (1А, 5А, 9А, 11А), after the given quarter. */
    private Path year(String schoolId, String quarter) throws Exception {
        Path file = tmp.resolve(schoolId + "-" + quarter + ".json");
        if (!Files.exists(file)) {
            try (OutputStream out = Files.newOutputStream(file)) {
                SyntheticSchoolGenerator.writeYear(new SyntheticSchoolGenerator.Options(72, 2025L, schoolId,
                        "2024/2025", quarter), YearCloseEndToEndTest.SCHOOL, false, out);
            }
        }
        return file;
    }

    private static ObjectNode tree(Path file) {
        return (ObjectNode) Snapshots.JSON.readTree(file.toFile());
    }

    private Path write(ObjectNode tree, String name) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, Snapshots.JSON.writeValueAsBytes(tree));
        return file;
    }

    private static ObjectNode classNamed(ObjectNode snapshot, String name) {
        for (JsonNode c : snapshot.get("classes")) {
            if (c.get("name").asString().equals(name)) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no class " + name);
    }

    private static String nameOf(JsonNode list, String id, String field) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id)) {
                return n.get(field).asString();
            }
        }
        throw new AssertionError("no " + id);
    }

    private List<ArchivedDocument> documents(String schoolId, String period) {
        return registry.list(new DocumentQuery(schoolId, "2024/2025", period, null));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** No document, no frozen journal and no object in any location for the class's period. */
    private void assertNothingArchived(String schoolId, String classId, String period) {
        assertThat(registry.list(new DocumentQuery(schoolId, "2024/2025", period, classId))).isEmpty();
        assertThat(count("SELECT count(*) FROM frozen_journal WHERE school_id = '" + schoolId + "' AND class_id = '"
                + classId + "'")).isZero();
        for (StorageLocation location : locations.all()) {
            assertThat(location.verify(ObjectKeys.classJournalPdf(schoolId, "2024-2025", period, classId, 1)))
                    .isEmpty();
            assertThat(location.verify(ObjectKeys.classJournalJson(schoolId, "2024-2025", period, classId, 1)))
                    .isEmpty();
        }
    }

    private byte[] read(ArchivedDocument.ArchivedObject object) {
        return Replicas.first(locations, object);
    }
}
