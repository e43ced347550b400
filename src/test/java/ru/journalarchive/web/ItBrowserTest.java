package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.backup.BackupMedia;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.PeriodCloseLauncher;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.retention.RetentionPolicies;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Browser;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * The IT administrator's pages in a real Chromium against the running application, with the example school closed
 * through the real services: a replica damaged on disk is found by the fixity audit started from the page (with its
 * progress), listed with its location, and turns the location's card bad; the charts count what the registry and the
 * audit log hold; the job executions and their steps are listed and a failed close is restarted from the page; the
 * backup media and their use are shown; another school's IT administrator sees none of the school's documents; a
 * deputy is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
// A context of its own: it damages copies on disk, which no other test's audit may meet.
@TestPropertySource(properties = "test.context=it-browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ItBrowserTest {

    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");
    static final String PASSWORD = "Seti-Server-2026!";
    static final String FAILING_SCHOOL = "it-fail";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SnapshotIntake intake;
    @Autowired
    PeriodCloseLauncher closes;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    BackupMedia media;
    @Autowired
    RetentionPolicies policies;

    @TempDir
    static Path tmp;

    Browser browser;
    long failedExecution;
    UUID failingImport;
    Path blocker;

    @BeforeAll
    void archiveTheExampleSchoolAFailedCloseAndABackupMedium() throws IOException {
        accounts.create("it.admin", PASSWORD, Role.IT_ADMIN, Set.of("sosh-7", FAILING_SCHOOL));
        accounts.create("it.other", PASSWORD, Role.IT_ADMIN, Set.of("school-b"));
        accounts.create("deputy.it", PASSWORD, Role.DEPUTY, Set.of("sosh-7"));

        UUID example = intake.importFile(EXAMPLE).snapshot().id();
        JobRun closed = closes.close(example);
        assertThat(closed.completed()).as(closed.failures().toString()).isTrue();

        Cli.Result export = new Cli(context).run("backup", "export", "--to", tmp.resolve("bag").toString(),
                "--medium", "USB-IT-1", "--type", "usb", "--school", "sosh-7", "--kept-at", "Сейф, каб. 12");
        assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
        media.issue("USB-IT-1", "Завхоз Петрова", "проверка восстановления", "it.admin");

        // A foreign file where one class's PDF must go in site-b: the write-once store refuses it and the close fails.
        Path snapshot = Snapshots.generate(tmp, FAILING_SCHOOL, 30, 21L);
        failingImport = intake.importFile(snapshot).snapshot().id();
        var victim = jdbc.sql("SELECT c.class_id, c.period_id, i.academic_year FROM snapshot_import_class c "
                        + "JOIN snapshot_import i ON i.id = c.import_id WHERE i.id = ? ORDER BY c.class_id LIMIT 1")
                .param(failingImport).query().singleRow();
        String key = ObjectKeys.classJournalPdf(FAILING_SCHOOL, (String) victim.get("academic_year"),
                (String) victim.get("period_id"), (String) victim.get("class_id"), 1);
        blocker = Path.of(locations.get("site-b").describe(key));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a journal");
        JobRun failed = closes.close(failingImport);
        assertThat(failed.status()).isEqualTo("FAILED");
        failedExecution = failed.executionId();

        browser = Browser.open(port);
    }

    @BeforeEach
    void signedOut() {
        browser.reset();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void aDamagedReplicaIsFoundByTheAuditStartedFromThePageAndTurnsItsLocationBad() throws IOException {
        ArchivedDocument document = registry.list(new DocumentQuery("sosh-7", null, null, null)).get(0);
        ArchivedDocument.ArchivedObject pdf = document.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        // Damaged in both locations: nothing healthy to repair it from, so the damage stays.
        Path inA = Path.of(locations.get("site-a").describe(pdf.key()));
        byte[] bytes = Files.readAllBytes(inA);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(inA, bytes);
        Files.delete(Path.of(locations.get("site-b").describe(pdf.key())));

        browser.login("it.admin", PASSWORD);
        assertThat(browser.path()).isEqualTo("/it");
        assertThat(card("site-a").getAttribute("data-health")).isEqualTo("ok");
        assertThat(card("site-a").findElement(By.cssSelector(".objects")).getText())
                .isEqualTo(String.valueOf(replicas("site-a")));

        browser.go("/it/audit");
        assertThat(browser.text("#no-failures")).isEqualTo("Повреждений не найдено.");
        WebElement start = browser.find("#audit-start");
        start.click();
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(start)::apply);
        // The page after the POST says the audit started — unless the audit already ended and it.js reloaded it.
        String notice = browser.waitUntil(d -> {
            try {
                List<WebElement> shown = d.findElements(By.id("notice"));
                return !shown.isEmpty() ? shown.get(0).getText()
                        : d.findElements(By.id("audit-last")).isEmpty() ? null : "finished";
            } catch (org.openqa.selenium.StaleElementReferenceException reloading) {
                return null;
            }
        });
        assertThat(notice).isIn("Проверка целостности запущена.", "finished");
        browser.screenshot("it-audit-progress");
        // it.js polls the progress and reloads the page when the audit has finished.
        browser.waitUntil(d -> !d.findElements(By.id("audit-last")).isEmpty());
        assertThat(browser.text("#audit-last")).contains("COMPLETED", "повреждений 2", "не восстановлено 2");

        List<WebElement> rows = browser.all("#audit-failures tbody tr");
        assertThat(rows).extracting(r -> r.getAttribute("data-location") + " " + r.getAttribute("data-type"))
                .contains("site-a fixity-failure", "site-b fixity-failure", "site-a repair-failure");
        WebElement inSiteA = rows.stream().filter(r -> "site-a".equals(r.getAttribute("data-location"))
                && "fixity-failure".equals(r.getAttribute("data-type"))).findFirst().orElseThrow();
        assertThat(inSiteA.getText()).contains("ПОВРЕЖДЕНИЕ", "sosh-7", document.className(), pdf.key(),
                "expected sha256 " + pdf.sha256());
        assertThat(browser.all("#audit-runs tbody tr")).hasSize(1);
        browser.screenshot("it-audit");

        browser.go("/it");
        assertThat(card("site-a").getAttribute("data-health")).isEqualTo("bad");
        assertThat(card("site-a").findElement(By.cssSelector("h2 .badge")).getText()).isEqualTo("неисправно");
        assertThat(card("site-a").findElement(By.cssSelector(".unresolved")).getText()).isEqualTo("1");
        assertThat(card("site-b").getAttribute("data-health")).isEqualTo("bad");
        browser.screenshot("it-storage");

        assertThat(logged("it.admin", "action", "POST /it/audit/start")).isEqualTo(1);
        assertThat(logged("it.admin", "view", "GET /it/audit")).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void theChartsCountTheAuditedReplicasPerDayAndTheDocumentsEligiblePerYear() {
        browser.login("it.admin", PASSWORD).go("/it/charts");
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM"));
        assertThat(bar("#chart-health", "site-a: повреждено", today)).isEqualTo(1);
        assertThat(bar("#chart-health", "site-a: цело", today)).isEqualTo(replicas("site-a") - 1);
        assertThat(bar("#chart-health", "site-b: повреждено", today)).isEqualTo(1);
        assertThat(browser.find("#chart-health rect.bar title").getAttribute("textContent")).contains(today);

        Map<String, Long> expected = java.util.stream.Stream.of("sosh-7", FAILING_SCHOOL)
                .flatMap(s -> registry.list(new DocumentQuery(s, null, null, null)).stream())
                .filter(d -> d.retention().eligibleForDestructionFrom() != null)
                .collect(Collectors.groupingBy(d -> d.retention().eligibleForDestructionFrom().getYear() + " "
                        + policies.get(d.retention().recordClass()).title(), Collectors.counting()));
        Map<String, Long> drawn = browser.all("#chart-retention rect.bar").stream()
                .filter(b -> !"0".equals(b.getAttribute("data-value")))
                .collect(Collectors.toMap(b -> b.getAttribute("data-category") + " " + b.getAttribute("data-series"),
                        b -> Long.parseLong(b.getAttribute("data-value"))));
        assertThat(drawn).isNotEmpty().isEqualTo(expected);
        browser.screenshot("it-charts");
    }

    @Test
    @Order(3)
    void theJobExecutionsAndTheirStepsAreListedAndAFailedCloseIsRestartedFromThePage() throws IOException {
        browser.login("it.admin", PASSWORD);
        List<WebElement> rows = shown("/it/jobs", "#job-executions tbody tr");
        assertThat(rows).as(browser.path() + "\n" + browser.pageText()).extracting(r -> r.getAttribute("data-job"))
                .contains("periodCloseJob", "fixityAuditJob");
        WebElement failedRow = rows.stream().filter(r -> r.getAttribute("data-id").equals(failedExecution + ""))
                .findFirst().orElseThrow();
        assertThat(failedRow.getAttribute("data-status")).isEqualTo("FAILED");
        assertThat(failedRow.getText()).contains("periodCloseJob", "importId=" + failingImport);
        browser.screenshot("it-jobs");

        long completedClose = jdbc.sql("SELECT min(e.job_execution_id) FROM batch_job_execution e JOIN "
                + "batch_job_instance i ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'periodCloseJob' "
                + "AND e.status = 'COMPLETED'").query(Long.class).single();
        browser.go("/it/jobs/" + completedClose);
        assertThat(browser.text("#job-name")).isEqualTo("periodCloseJob");
        assertThat(browser.text("#job-status")).isEqualTo("COMPLETED");
        assertThat(browser.all("#job-steps tbody tr")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("COMPLETED"));
        assertThat(browser.all("#job-restart")).isEmpty();
        browser.screenshot("it-job-steps");

        browser.go("/it/jobs/" + failedExecution);
        assertThat(browser.text("#job-status")).isEqualTo("FAILED");
        assertThat(browser.all("#job-steps tbody tr[data-status='FAILED']")).isNotEmpty();
        Files.delete(blocker);
        browser.find("#job-restart").click();
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(d -> !d.findElements(By.id("restart-done")).isEmpty());
        assertThat(browser.text("#restart-done")).contains("COMPLETED");
        assertThat(browser.all("#job-restart")).isEmpty();
        assertThat(browser.find("#superseded-link")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_import_class WHERE import_id = ? AND close_status NOT IN ('CLOSED', 'ALREADY_CLOSED')")
                .param(failingImport).query(Long.class).single()).isZero();
        assertThat(logged("it.admin", "action", "POST /it/jobs/" + failedExecution + "/restart")).isEqualTo(1);

        // The restart page's script may still be reloading it: go to the media page until it is the one shown.
        WebElement medium = shown("/it/media", "section.medium[data-medium='USB-IT-1']").get(0);
        assertThat(medium.findElement(By.cssSelector(".state")).getText()).isEqualTo("выдан: Завхоз Петрова");
        assertThat(medium.findElement(By.cssSelector(".kept")).getText()).isEqualTo("Сейф, каб. 12");
        assertThat(medium.findElement(By.cssSelector("table.uses")).getText())
                .contains("проверка восстановления", "it.admin", "не возвращён");
        browser.screenshot("it-media");
    }

    @Test
    @Order(4)
    void anotherSchoolsItAdministratorSeesNoneOfItsDocumentsAndADeputyIsRefused() {
        browser.login("it.other", PASSWORD).go("/it/audit");
        assertThat(browser.text("#no-failures")).isEqualTo("Повреждений не найдено.");
        assertThat(browser.pageText()).doesNotContain("sosh-7");
        browser.go("/it/charts");
        assertThat(browser.all("#chart-retention rect.bar")).isEmpty();

        browser.reset().login("deputy.it", PASSWORD).go("/it");
        assertThat(browser.text("#error-text")).startsWith("Доступ запрещён");
        browser.go("/it/jobs/" + failedExecution);
        assertThat(browser.text("#error-text")).startsWith("Доступ запрещён");
        assertThat(logged("deputy.it", "denied", "GET /it")).isEqualTo(1);
    }

    private WebElement card(String location) {
        return browser.find("section.location[data-location='" + location + "']");
    }

    private long bar(String chart, String series, String category) {
        return browser.all(chart + " rect.bar").stream()
                .filter(b -> series.equals(b.getAttribute("data-series"))
                        && category.equals(b.getAttribute("data-category")))
                .mapToLong(b -> Long.parseLong(b.getAttribute("data-value"))).findFirst().orElse(-1);
    }

    private long replicas(String location) {
        return jdbc.sql("SELECT count(*) FROM replica WHERE location = ?").param(location).query(Long.class).single();
    }

    private long logged(String actor, String action, String detail) {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE actor = ? AND action = ? AND detail = ?")
                .params(actor, action, detail).query(Long.class).single();
    }

    /**
     * Opens a page and waits for the elements, opening it again if another page is shown (a page's own script
     * reloading itself, or the redirect after login, can still be under way when the test moves on).
     */
    private List<WebElement> shown(String path, String css) {
        browser.go(path);
        return browser.waitUntil(d -> {
            if (!d.getCurrentUrl().endsWith(path)) {
                browser.go(path);
            }
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found;
        });
    }

}
