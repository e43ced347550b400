package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Browser;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Pdfs;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The archivist's main flow in a real Chromium against the running application, with two schools archived through
 * the real CLI (school A: a generated year closed quarter by quarter, so it has summary statements; school B: the
 * example snapshot): search a pupil, open the document (replicas with their fixity, the retention date), download the
 * verified copy (its SHA-256 is the registry's), produce the pupil's extract, register a paper copy; school B stays
 * invisible, the director's section is refused, and every search, retrieval and extract is in the access log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a context of its own (the marker property): it closes the example school, which other API tests upload
        properties = {"spring.main.web-application-type=servlet", "archive.test.context=archivist-browser",
                // school A prints once a year (seed 002): its journals and summary statements by 30 June
                "archive.regulations.schools.school-a=seed-002-yearly"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivistBrowserTest {

    static final String PASSWORD = "Arhiv-Zapros-2026!";
    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");
    static final List<SyntheticSchoolGenerator.ClassSpec> SCHOOL_A =
            List.of(new SyntheticSchoolGenerator.ClassSpec("5А", 5, 10, 3));

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path tmp;

    Browser browser;
    String pupilId;
    String pupilName;
    String schoolBPupil;

    @BeforeAll
    void twoArchivedSchoolsAnArchivistAndABrowser() throws Exception {
        Cli cli = new Cli(context);
        for (String quarter : List.of("Q1", "Q2", "Q3", "Q4")) {
            Path file = tmp.resolve("school-a-" + quarter + ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                SyntheticSchoolGenerator.writeYear(new SyntheticSchoolGenerator.Options(10, 7L, "school-a",
                        "2024/2025", quarter), SCHOOL_A, false, out);
            }
            Cli.Result closed = cli.run("close", file.toString());
            assertThat(closed.exitCode()).as(quarter + closed.out() + closed.err()).isZero();
            if (quarter.equals("Q4")) {
                JsonNode pupil = Snapshots.JSON.readTree(file.toFile()).get("classes").get(0).get("students").get(0);
                pupilId = pupil.get("id").asString();
                pupilName = pupil.get("fullName").asString();
            }
        }
        // An old year of school A (2019/2020: its journals may be destroyed from 1 January 2026) for an act.
        Cli.Result old = cli.run("close", Snapshots.generate(tmp, "school-a", 10, 7L, "2019/2020").toString());
        assertThat(old.exitCode()).as(old.out() + old.err()).isZero();
        Cli.Result example = cli.run("close", EXAMPLE.toString());
        assertThat(example.exitCode()).as(example.out() + example.err()).isZero();
        schoolBPupil = Snapshots.JSON.readTree(EXAMPLE.toFile()).get("classes").get(1).get("students").get(0)
                .get("fullName").asString();
        Cli.Result audit = cli.run("audit", "--full");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        accounts.create("archivist.a", PASSWORD, Role.ARCHIVIST, Set.of("school-a"));
        browser = Browser.open(port);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    }

    @BeforeEach
    void signedIn() {
        browser.reset().login("archivist.a", PASSWORD);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theArchivistFindsAPupilOpensTheDocumentAndTakesAVerifiedCopy() throws Exception {
        assertThat(browser.path()).isEqualTo("/archivist");
        String surname = pupilName.split(" ")[0];
        browser.find("#name").sendKeys(surname.toLowerCase().replace('ё', 'е'));
        browser.find("#purpose").sendKeys("запрос бывшего ученика");
        browser.find("#requester").sendKeys("Вымышленный заявитель");
        browser.find("#search-submit").click();
        browser.waitUntil(d -> !browser.all("#search-count").isEmpty());
        assertThat(browser.all("#results tr.hit")).isNotEmpty();
        assertThat(browser.text("#results")).contains(pupilName).contains("school-a").contains("2024/2025")
                .contains("классный журнал").contains("сводная ведомость итоговых отметок").doesNotContain("sosh-7");
        browser.screenshot("archivist-search");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.a' AND action = 'search'"
                        + " AND query_text LIKE ? AND purpose = 'запрос бывшего ученика'")
                .param("%name=" + surname.toLowerCase().replace('ё', 'е') + "%").query(Integer.class).single())
                .isEqualTo(1);

        // The class journal of the first quarter.
        ArchivedDocument journal = registry.list(new DocumentQuery("school-a", "2024/2025", "Q1", null)).stream()
                .filter(d -> d.documentType().equals("class-journal")).findFirst().orElseThrow();
        browser.go("/archivist/documents/" + journal.id());
        assertThat(browser.text("#doc-id")).isEqualTo(journal.id().toString());
        int replicas = journal.objects().stream().mapToInt(o -> o.replicas().size()).sum();
        assertThat(browser.all("#replicas tr.replica")).hasSize(replicas);
        assertThat(browser.all("#replicas tr.replica .location")).extracting(e -> e.getText())
                .contains("site-a", "site-b");
        browser.all("#replicas tr.replica .result").forEach(r -> assertThat(r.getText()).isEqualTo("цела"));
        browser.all("#replicas tr.replica .verified").forEach(r -> assertThat(r.getText()).matches(
                "\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d"));
        assertThat(browser.text("#retention-date")).isEqualTo(journal.retention().eligibleForDestructionFrom()
                .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))).isEqualTo("01.01.2031");
        assertThat(browser.text("#retention-term")).isEqualTo("5 лет");
        browser.screenshot("archivist-document");

        // «Скачать заверенную копию» without a purpose: refused in Russian, nothing handed out.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('copy-purpose').removeAttribute('required')");
        browser.find("#copy-submit").click();
        String refused = browser.waitUntil(d -> browser.all("#copy-error").isEmpty() ? null
                : browser.text("#copy-error"));
        assertThat(refused).isEqualTo("Укажите цель выдачи.");

        browser.find("#copy-purpose").sendKeys("справка для заявителя");
        Browser.Download download = browser.submitForDownload("#copy-form");
        assertThat(download.status()).isEqualTo(200L);
        assertThat(download.contentType()).startsWith("application/pdf");
        byte[] pdf = download.bytes();
        String registered = registry.get(journal.id()).object(ArchivedDocument.ROLE_PDF).orElseThrow().sha256();
        assertThat(CanonicalJson.sha256(pdf)).isEqualTo(registered);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.a' AND action = 'retrieve'"
                + " AND document_id = ? AND purpose = 'справка для заявителя'").param(journal.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.a' AND action = 'open'"
                + " AND document_id = ?").param(journal.id()).query(Integer.class).single()).isPositive();
    }

    @Test
    void aPupilsExtractIsAPdfWithTheirNameAndFinalMarksAndIsLogged() throws Exception {
        browser.go("/archivist/extracts?pupil=" + pupilId + "&school=school-a");
        assertThat(browser.find("#pupil").getDomProperty("value")).isEqualTo(pupilId);
        // Without purpose and requester: each field named, in Russian, nothing issued.
        browser.find("#extract-submit").click();
        browser.waitUntil(d -> !browser.all("#error-purpose").isEmpty());
        assertThat(browser.text("#error-purpose")).isEqualTo("Укажите цель выписки.");
        assertThat(browser.text("#error-requester")).isEqualTo("Укажите заявителя.");
        assertThat(jdbc.sql("SELECT count(*) FROM pupil_extract").query(Integer.class).single()).isZero();
        browser.find("#purpose").sendKeys("для представления в колледж");
        browser.find("#requester").sendKeys("Вымышленная Мария Ивановна, мать");
        browser.screenshot("archivist-extract");

        Browser.Download download = browser.submitForDownload("#extract-form");
        assertThat(download.status()).isEqualTo(200L);
        byte[] pdf = download.bytes();
        String text = Pdfs.text(pdf);
        assertThat(text).contains("ВЫПИСКА ИТОГОВЫХ ОТМЕТОК").contains(pupilName).contains("для представления в колледж");
        assertThat(jdbc.sql("SELECT sha256 FROM pupil_extract WHERE student_id = ?").param(pupilId)
                .query(String.class).single()).isEqualTo(CanonicalJson.sha256(pdf));
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.a' AND action = 'extract'"
                        + " AND requester = 'Вымышленная Мария Ивановна, мать' AND detail LIKE ?")
                .param("% pupil=" + pupilId + " %").query(Integer.class).single()).isEqualTo(1);

        // An unknown pupil is named on its field.
        browser.go("/archivist/extracts");
        browser.find("#pupil").sendKeys("st-999999");
        browser.find("#purpose").sendKeys("справка");
        browser.find("#requester").sendKeys("заявитель");
        browser.find("#extract-submit").click();
        browser.waitUntil(d -> !browser.all("#error-pupil").isEmpty());
        assertThat(browser.text("#error-pupil")).contains("st-999999").contains("нет сводных ведомостей");
    }

    @Test
    void theYearEndTableFollowsTheSchoolsRegimeAndListsTheSummaryStatement() {
        browser.go("/archivist/paper");
        browser.waitUntil(d -> !browser.all("#paper-form").isEmpty());
        String deadlines = browser.all("table.deadlines").stream().map(org.openqa.selenium.WebElement::getText)
                .reduce("", String::concat);
        assertThat(deadlines).as(browser.pageText()).contains("5А, сводная ведомость итоговых отметок, Y")
                .contains("5А, классный журнал, Q4").contains("30.06.2025").contains("прошита")
                .doesNotContain("подписана учителями-предметниками");
        assertThat(browser.all("#document option")).as("a statement can be registered as a paper copy")
                .anySatisfy(o -> assertThat(o.getText()).contains("school-a, 5А, 2024/2025, Y"));
    }

    @Test
    void aPaperCopyIsRegisteredAndListedInTheRegistry() {
        browser.go("/archivist/paper");
        ArchivedDocument journal = registry.list(new DocumentQuery("school-a", "2024/2025", "Q2", null)).stream()
                .filter(d -> d.documentType().equals("class-journal")).findFirst().orElseThrow();
        new Select(browser.find("#document")).selectByValue(journal.id().toString());
        browser.find("#sheets").sendKeys("много");
        browser.find("#paper-submit").click();
        browser.waitUntil(d -> !browser.all("#error-sheets").isEmpty());
        assertThat(browser.text("#error-sheets")).contains("Неверное число листов «много»");
        assertThat(jdbc.sql("SELECT count(*) FROM paper_copy").query(Integer.class).single()).isZero();

        browser.find("#sheets").clear();
        browser.find("#sheets").sendKeys("14");
        browser.find("#note").sendKeys("распечатано для подшивки");
        browser.find("#paper-submit").click();
        browser.waitUntil(d -> browser.path().matches("/archivist/paper/[0-9a-f-]{36}"));
        assertThat(browser.text("#notice")).isEqualTo("Копия № 1 зарегистрирована.");
        assertThat(browser.text("#copy-state")).isEqualTo("распечатана");
        assertThat(browser.text("#copy-events")).contains("archivist.a").contains("распечатано для подшивки");

        browser.go("/archivist/paper");
        browser.waitUntil(d -> !browser.all("#paper-form").isEmpty());
        assertThat(browser.all("#paper-copies tr.paper-copy")).as(browser.pageText()).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("school-a").contains("Q2").contains("14")
                        .contains("распечатана"));
        browser.screenshot("archivist-paper");
        assertThat(jdbc.sql("SELECT count(*) FROM paper_copy WHERE document_id = ? AND sheets = 14")
                .param(journal.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theArchivistDraftsADestructionActFromTheRecordsWhoseTermExpired() {
        browser.go("/archivist/acts");
        assertThat(browser.text("#acts-none")).isEqualTo("Актов нет.");
        browser.find("#act-year").clear();
        browser.find("#act-year").sendKeys("2026");
        browser.find("#act-submit").click();
        browser.waitUntil(d -> !browser.all("#notice").isEmpty());
        int expired = registry.list(new DocumentQuery("school-a", "2019/2020", null, null)).size();
        assertThat(browser.text("#notice")).isEqualTo("Проект акта № 1/2026 подготовлен, дел: " + expired + ".");
        assertThat(browser.all("#acts tr.act")).singleElement().satisfies(row -> assertThat(row.getText())
                .contains("1/2026").contains("school-a").contains("проект").contains("после утверждения"));

        // The same year again: every expired file is already in the open act, so nothing is drafted.
        browser.find("#act-year").clear();
        browser.find("#act-year").sendKeys("2026");
        browser.find("#act-submit").click();
        browser.waitUntil(d -> !browser.all("#act-error").isEmpty());
        assertThat(browser.text("#act-error")).startsWith("Нет документов, срок хранения которых истёк к 01.01.2026");
        assertThat(jdbc.sql("SELECT count(*) FROM destruction_act WHERE school_id = 'school-a'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void schoolBIsInvisibleAndTheDirectorsSectionIsRefused() {
        browser.find("#name").sendKeys(schoolBPupil);
        browser.find("#search-submit").click();
        browser.waitUntil(d -> !browser.all("#search-count").isEmpty());
        assertThat(browser.text("#search-count")).isEqualTo("Ничего не найдено.");
        // Asking for school B by name in the address finds nothing either.
        browser.go("/archivist?school=sosh-7&name=" + schoolBPupil.split(" ")[0]);
        assertThat(browser.text("#search-count")).isEqualTo("Ничего не найдено.");

        ArchivedDocument theirs = registry.list(new DocumentQuery("sosh-7", null, null, null)).get(0);
        for (String path : List.of("/archivist/documents/" + theirs.id(), "/archivist/documents/" + UUID.randomUUID(),
                "/archivist/documents/not-an-id")) {
            browser.go(path);
            assertThat(browser.text("#error-status")).as(path).isEqualTo("404");
        }
        assertThat(browser.pageText()).doesNotContain(theirs.id().toString()).doesNotContain("sosh-7");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.a' AND action = 'open'"
                + " AND document_id = ?").param(theirs.id()).query(Integer.class).single()).isZero();

        browser.go("/director");
        assertThat(browser.text("#error-text")).startsWith("Доступ запрещён");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.a' AND action = 'denied'"
                + " AND detail = 'GET /director'").query(Integer.class).single()).isPositive();
    }

}
