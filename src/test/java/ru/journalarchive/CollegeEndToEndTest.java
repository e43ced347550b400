package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.SummaryStatement;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Replicas;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.ClassSpec;
import tools.jackson.databind.JsonNode;

/**
 * A college (seed 003) end to end through the real CLI: a generated college's snapshot is accepted, its course-1 group
 * closes with its marks, and the journal, print packet, summary statement and pupil extract say «группа», «курс»,
 * «семестр» and «классный руководитель группы»; every PDF stays PDF/A.
 */
@SpringBootTest(properties = {"archive.regulations.schools.college-e2e=seed-003-college",
        "archive.regulations.schools.college-noyear=seed-003-college",
        "archive.regulations.schools.college-year=seed-003-college"})
@ActiveProfiles("test")
class CollegeEndToEndTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    private byte[] object(ArchivedDocument document, String role) {
        return Replicas.first(locations, document, role);
    }

    @Test
    void aGeneratedCollegeClosesItsFirstSemesterAndTheFirstCourseGroupKeepsItsMarks() throws Exception {
        Path snapshot = tmp.resolve("college-H1.json");
        Cli.Result generated = cli.run("generate", "--kind", "college", "--period", "H1", "--pupils", "40",
                "--seed", "3", "--school", "college-e2e", "--out", snapshot.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        JsonNode source = Snapshots.JSON.readTree(snapshot.toFile());
        assertThat(source.at("/school/kind").asString()).isEqualTo("college");
        JsonNode firstCourse = null;
        for (JsonNode c : source.get("classes")) {
            assertThat(c.get("lastCourse").asInt()).isEqualTo(4);
            assertThat(c.at("/period/id").asString()).isEqualTo("H1");
            if (c.get("grade").asInt() == 1) {
                firstCourse = c;
            }
        }
        assertThat(firstCourse).isNotNull();
        assertThat(firstCourse.get("marks").size()).isPositive();
        assertThat(firstCourse.get("finalMarks").size()).isPositive();

        Cli.Result closed = cli.run("close", snapshot.toString());

        assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("college-e2e", "2024/2025", "H1", null));
        assertThat(documents).extracting(ArchivedDocument::className)
                .containsExactlyInAnyOrder("ТМ-11", "ТМ-21", "ТМ-31", "ТМ-41");
        ArchivedDocument course1 = documents.stream().filter(d -> d.className().equals("ТМ-11")).findFirst()
                .orElseThrow();
        byte[] pdf = object(course1, ArchivedDocument.ROLE_PDF);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        ClassJournal frozen = CanonicalJson.read(Pdfs.embeddedFiles(pdf).get(0));
        assertThat(frozen.school().isCollege()).isTrue();
        assertThat(frozen.schoolClass().lastCourse()).isEqualTo(4);
        assertThat(frozen.schoolClass().marks()).hasSize(firstCourse.get("marks").size());
        assertThat(frozen.schoolClass().finalMarks()).hasSize(firstCourse.get("finalMarks").size());
        String text = Pdfs.text(pdf);
        assertThat(text).contains("ЖУРНАЛ УЧЕБНЫХ ЗАНЯТИЙ").contains("Группа ТМ-11, 1 курс").contains("1 семестр")
                .contains("Классный руководитель группы: ").contains("Итоговые отметки за 1 семестр")
                .contains("отметки и посещаемость").contains("группа ТМ-11, 1 курс")
                .doesNotContain("КЛАССНЫЙ ЖУРНАЛ").doesNotContain("ТМ-11 класс");
        // The final marks sheet prints every pupil's semester marks: a pupil's row holds their marks in order.
        JsonNode pupil = firstCourse.get("students").get(0);
        long marksOfPupil = 0;
        for (JsonNode f : firstCourse.get("finalMarks")) {
            if (f.get("student").asString().equals(pupil.get("id").asString())) {
                marksOfPupil++;
            }
        }
        assertThat(marksOfPupil).isPositive();

        Path packet = tmp.resolve("packet.pdf");
        Cli.Result printed = cli.run("packet", "print", "--document", course1.id().toString(), "--out",
                packet.toString());
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        byte[] packetPdf = Files.readAllBytes(packet);
        assertThat(PdfA.failuresOf3b(packetPdf)).isEmpty();
        assertThat(Pdfs.text(packetPdf)).contains("Достоверность бумажной копии подтверждаю. Классный руководитель группы")
                .contains("Преподаватель: ____________ /")
                .contains("Бумажная копия электронного журнала учебных занятий: группа ТМ-11, 1 курс, 1 семестр");
    }

    @Test
    void aCollegeYearClosesWithStatementsAndExtractsThatSayGroupCourseAndSemester() throws Exception {
        List<ClassSpec> groups = List.of(new ClassSpec("ТМ-11", 1, 8, 4), new ClassSpec("ТМ-41", 4, 8, 4));
        Path[] files = new Path[2];
        String[] semesters = {"H1", "H2"};
        for (int s = 0; s < 2; s++) {
            files[s] = tmp.resolve("college-year-" + semesters[s] + ".json");
            try (OutputStream out = Files.newOutputStream(files[s])) {
                SyntheticSchoolGenerator.writeYear(SyntheticSchoolGenerator.Options.college(16, 2025L, "college-year",
                        "2024/2025", semesters[s]), groups, false, out);
            }
        }
        assertThat(cli.run("close", files[0].toString()).exitCode()).isZero();

        Cli.Result last = cli.run("close", files[1].toString());

        assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
        assertThat(last.out()).contains("Закрытие учебного года 2024/2025").contains("ТМ-11: сводная ведомость");
        List<ArchivedDocument> statements = registry.list(new DocumentQuery("college-year", "2024/2025", "Y", null))
                .stream().filter(d -> d.documentType().equals("summary-statement")).toList();
        assertThat(statements).extracting(ArchivedDocument::className).containsExactlyInAnyOrder("ТМ-11", "ТМ-41");
        ArchivedDocument course1 = statements.stream().filter(d -> d.className().equals("ТМ-11")).findFirst()
                .orElseThrow();
        byte[] pdf = object(course1, ArchivedDocument.ROLE_PDF);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        SummaryStatement statement = SummaryStatements.read(object(course1, ArchivedDocument.ROLE_SOURCE_JSON));
        assertThat(statement.school().isCollege()).isTrue();
        assertThat(statement.kinds()).containsExactly("H1", "H2", "Y");
        assertThat(statement.marks()).isNotEmpty();
        String text = Pdfs.text(pdf);
        assertThat(text).contains("Группа ТМ-11 · 1 курс · 2024/2025 учебный год · классный руководитель группы")
                .contains("1 сем.").contains("2 сем.").contains("1–2 сем. — отметки за семестры")
                .contains("группа ТМ-11, 1 курс").doesNotContain("ТМ-11 класс").doesNotContain("полугод");

        SummaryStatement.Pupil pupil = statement.students().stream().filter(p -> !p.leftDuringYear()).findFirst()
                .orElseThrow();
        Path out = tmp.resolve("extract.pdf");
        Cli.Result extract = cli.run("extract", "--pupil", pupil.id(), "--school", "college-year", "--purpose",
                "для представления по месту требования", "--requester", "Вымышленный Пётр Ильич", "--out",
                out.toString());
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        byte[] extractPdf = Files.readAllBytes(out);
        assertThat(PdfA.failuresOf3b(extractPdf)).isEmpty();
        assertThat(Pdfs.text(extractPdf)).contains("2024/2025 учебный год, группа ТМ-11, 1 курс").contains("1 сем.")
                .doesNotContain("ТМ-11 класс");
    }

    @Test
    void aCourseOneGroupWithoutItsYearMarksGetsNoSummaryStatement() throws Exception {
        List<ClassSpec> groups = List.of(new ClassSpec("ТМ-11", 1, 6, 3));
        Path[] files = new Path[2];
        String[] semesters = {"H1", "H2"};
        for (int s = 0; s < 2; s++) {
            files[s] = tmp.resolve("college-noyear-" + semesters[s] + ".json");
            try (OutputStream out = Files.newOutputStream(files[s])) {
                SyntheticSchoolGenerator.writeYear(SyntheticSchoolGenerator.Options.college(6, 2031L,
                        "college-noyear", "2024/2025", semesters[s]), groups, false, out);
            }
        }
        Path withoutYear = Snapshots.mutate(files[1], tmp.resolve("college-noyear-H2-without-Y.json"), tree -> {
            var finals = (tools.jackson.databind.node.ArrayNode) tree.path("classes").get(0).path("finalMarks");
            for (int i = finals.size() - 1; i >= 0; i--) {
                if (finals.get(i).path("period").asString().equals("Y")) {
                    finals.remove(i);
                }
            }
        });
        assertThat(cli.run("close", files[0].toString()).exitCode()).isZero();

        Cli.Result last = cli.run("close", withoutYear.toString());

        assertThat(last.exitCode()).as(last.out() + last.err()).isEqualTo(4);
        assertThat(registry.list(new DocumentQuery("college-noyear", "2024/2025", "Y", null))).as(
                "a course-1 group keeps marks: no statement without its year marks").isEmpty();
    }

    @Test
    void generateRefusesAnUnknownKindAndAPeriodThatIsNotTheKindsNamingTheOptionAndWritesNothing() {
        Path out = tmp.resolve("never.json");

        Cli.Result kind = cli.run("generate", "--kind", "university", "--out", out.toString());
        Cli.Result quarter = cli.run("generate", "--kind", "college", "--period", "Q2", "--out", out.toString());
        Cli.Result semester = cli.run("generate", "--period", "H1", "--out", out.toString());

        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("Вид организации (--kind) «university» не поддерживается");
        assertThat(quarter.exitCode()).isEqualTo(2);
        assertThat(quarter.err()).contains("Период (--period) «Q2» не подходит колледжу");
        assertThat(semester.exitCode()).isEqualTo(2);
        assertThat(semester.err()).contains("Период (--period) «H1» не подходит школе");
        assertThat(out).doesNotExist();
    }
}
