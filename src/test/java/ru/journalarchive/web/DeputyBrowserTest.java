package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Browser;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deputy head's period close in a real Chromium against the running application (embedded PostgreSQL, two
 * filesystem locations): a malformed snapshot shows every violation by place and stores nothing; empty, too large and
 * other schools' files are refused in Russian; the example school is uploaded, its close started and watched live to
 * the end; the reports list what the frozen journals really hold; the downloads are the archived PDF (SHA-256 of the
 * registry) and a print packet of the class; another school's deputy gets 404, the deputy 403 on the director's pages;
 * every step is in the access log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet", "spring.servlet.multipart.max-file-size=2MB",
        "spring.servlet.multipart.max-request-size=3MB"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeputyBrowserTest {

    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");
    static final String PASSWORD = "Zavuch-2026!uvr";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    static Path tmp;

    Browser browser;
    Path schoolB;
    UUID importOfSchoolB;
    UUID documentOfSchoolB;

    @BeforeAll
    void accountsAnotherSchoolAndBrowser() throws IOException {
        accounts.create("zavuch.sosh7", PASSWORD, Role.DEPUTY, Set.of("sosh-7"));
        accounts.create("zavuch.b", PASSWORD, Role.DEPUTY, Set.of("school-b"));
        schoolB = Snapshots.generate(tmp, "school-b", 25, 21L);
        Cli.Result closed = new Cli(context).run("close", schoolB.toString());
        assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        importOfSchoolB = jdbc.sql("SELECT id FROM snapshot_import WHERE school_id = 'school-b'")
                .query(UUID.class).single();
        documentOfSchoolB = jdbc.sql("SELECT id FROM archived_document WHERE school_id = 'school-b' LIMIT 1")
                .query(UUID.class).single();
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
    void theDeputyUploadsClosesAndReportsAPeriod() throws Exception {
        browser.login("zavuch.sosh7", PASSWORD);
        assertThat(browser.path()).isEqualTo("/deputy");
        assertThat(browser.text("h1")).isEqualTo("Закрытие периода");
        assertThat(browser.find("#imports-none").getText()).startsWith("Загрузок пока нет");

        // 1. A malformed snapshot: every violation listed by its JSON path, in Russian; nothing stored.
        Path malformed = Snapshots.mutate(EXAMPLE, tmp.resolve("malformed.json"), s -> {
            ObjectNode fifth = (ObjectNode) s.get("classes").get(1);
            ((ObjectNode) fifth.get("lessons").get(0)).put("date", "2025-13-45");
            ((ObjectNode) fifth.get("marks").get(0)).put("value", "9");
            ((ObjectNode) s.get("school")).remove("name");
        });
        Map<String, Long> before = rows();
        upload(malformed);
        browser.waitUntil(d -> !browser.all("#upload-errors").isEmpty());
        assertThat(browser.text("#upload-refused-text")).startsWith("Снимок «malformed.json» отклонён: ошибок — ")
                .contains("Ничего не сохранено");
        List<WebElement> errors = browser.all("#upload-errors tr.upload-error");
        assertThat(errors).hasSizeGreaterThanOrEqualTo(3);
        List<String> places = errors.stream().map(e -> e.findElement(org.openqa.selenium.By.cssSelector("td.field"))
                .getText()).toList();
        assertThat(places).allSatisfy(p -> assertThat(p).startsWith("$"));
        assertThat(places).anySatisfy(p -> assertThat(p).isEqualTo("$.classes[1].lessons[0].date"));
        assertThat(places).anySatisfy(p -> assertThat(p).isEqualTo("$.classes[1].marks[0].value"));
        assertThat(places).anySatisfy(p -> assertThat(p).startsWith("$.school"));
        assertThat(errors).allSatisfy(e -> assertThat(e.findElement(org.openqa.selenium.By.cssSelector("td.reason"))
                .getText()).containsPattern("[А-Яа-я]"));
        browser.screenshot("deputy-upload-errors");
        assertThat(rows()).isEqualTo(before);

        // 2. An empty file, a file over the cap, another school's snapshot: refused in Russian, nothing stored.
        upload(Files.write(tmp.resolve("empty.json"), new byte[0]));
        assertThat(browser.text("#upload-refused-text")).startsWith("Файл не выбран или пуст");
        byte[] big = new byte[2 * 1024 * 1024 + 300_000];
        java.util.Arrays.fill(big, (byte) ' ');
        upload(Files.write(tmp.resolve("big.json"), big));
        assertThat(browser.path()).isEqualTo("/deputy");
        assertThat(browser.text("#upload-refused-text")).startsWith("Файл больше допустимого размера 2 МБ")
                .contains("«Файл снимка»");
        upload(schoolB);
        assertThat(browser.text("#upload-refused-text"))
                .isEqualTo("Снимок относится к школе «school-b», которая вам не доступна (поле $.school.id). "
                        + "Ничего не сохранено.");
        assertThat(rows()).isEqualTo(before);

        // 3. The example school: accepted, its import's page; the close started and watched to the end live.
        upload(EXAMPLE.toAbsolutePath());
        browser.waitUntil(d -> browser.path().startsWith("/deputy/imports/"));
        UUID id = UUID.fromString(browser.path().substring("/deputy/imports/".length()));
        assertThat(browser.text("#upload-accepted")).startsWith("Снимок принят");
        assertThat(browser.all("tr.class-row")).extracting(r -> r.getAttribute("data-class"))
                .containsExactly("1a", "5a", "9b", "10a");
        assertThat(browser.all("tr.class-row td.status .badge")).allSatisfy(b -> assertThat(b.getText())
                .isEqualTo("ожидает закрытия"));
        assertThat(browser.text("#progress-summary")).isEqualTo("Закрытие не начато: классов — 4.");
        assertThat(browser.find("#reports-link").isDisplayed()).isFalse();

        browser.find("#close-button").click();
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(d -> !browser.all("#close-started").isEmpty());
        // Marked now: the page is not reloaded below, so what changes is changed by deputy.js from the JSON.
        ((JavascriptExecutor) browser.driver()).executeScript("window.deputyMarker = 'same page';");
        boolean sawRunning = browser.find("#close-progress").getAttribute("data-running").equals("true");
        browser.screenshot("deputy-progress");
        browser.waitUntil(d -> browser.text("#progress-summary").startsWith("Закрытие завершено"));
        assertThat(browser.text("#progress-summary")).isEqualTo("Закрытие завершено: готово 4 из 4.");
        assertThat(browser.find("#close-progress").getAttribute("value")).isEqualTo("4");
        assertThat(browser.all("tr.class-row td.status .badge")).allSatisfy(b -> assertThat(b.getText())
                .isEqualTo("закрыт"));
        assertThat(browser.all("tr.class-row td.document a")).hasSize(4);
        assertThat(browser.find("#reports-link").isDisplayed()).isTrue();
        if (sawRunning) {
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.deputyMarker;"))
                    .isEqualTo("same page");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_import_class WHERE import_id = ? AND close_status = "
                + "'CLOSED'").param(id).query(Long.class).single()).isEqualTo(4);

        // 4. The reports, from the frozen journals.
        browser.find("#reports-link").click();
        browser.waitUntil(d -> browser.path().endsWith("/reports"));
        assertThat(browser.text("#changes-none")).startsWith("Изменений задним числом нет");
        assertThat(browser.text("#control .hint")).contains("по регламенту школы «Пятидневное оформление");
        WebElement fifth = browser.find("#control .control-class[data-class='5a']");
        assertThat(fifth.getText()).contains("поздних отметок — 17, поздних итоговых — 0, мало отметок — 0, "
                + "нет итоговых — 0, уроков без темы — 0, без домашнего задания — 36");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('#control details').forEach(function (d) { d.open = true; });");
        WebElement firstGap = fifth.findElement(org.openqa.selenium.By.cssSelector(".no-homework li.lesson-gap"));
        assertThat(firstGap.getText()).startsWith("урок без домашнего задания — 05.11.2024, урок 1, "
                + "Физическая культура, учитель ");
        assertThat(fifth.findElement(org.openqa.selenium.By.cssSelector(".late-mark li.finding")).getText())
                .contains(" выставлена поздно — ").contains(", срок — до конца ").doesNotContain("st-");
        assertThat(browser.find("#control .control-class[data-class='1a']").getText()).contains("Замечаний нет");
        String checklist = browser.text("#checklist");
        assertThat(checklist).contains("2 четверть, 2024/2025 учебный год").contains("1 полугодие")
                .contains("Период окончен 27.12.2024; день 1 (проверка итоговых отметок) — 28.12.2024")
                .contains("День 2 (29.12.2024)").contains("распечатана").contains("ПРОСРОЧЕНО")
                .contains("ожидает подписи директора").contains("не зарегистрированы")
                // the day-2 backups of 000 §4.2, linked to backup export of the period
                .contains("резервная копия на оптическом диске записана").contains("жёсткий диск передан директору");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();", fifth);
        browser.screenshot("deputy-reports");

        // 5. The archived PDF is the registry's; the print packet is a PDF of the class.
        WebElement packetRow = browser.find("#packet-table tr.packet[data-class='5a']");
        UUID document = UUID.fromString(packetRow.getAttribute("data-document"));
        String promised = packetRow.findElement(org.openqa.selenium.By.cssSelector("code.sha256")).getText();
        HttpResponse<byte[]> pdf = download(packetRow.findElement(org.openqa.selenium.By.cssSelector("a.pdf"))
                .getAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(sha256(pdf.body())).isEqualTo(promised).isEqualTo(jdbc.sql(
                "SELECT sha256 FROM archived_object WHERE document_id = ? AND role = 'pdf'").param(document)
                .query(String.class).single());
        HttpResponse<byte[]> packet = download(packetRow.findElement(
                org.openqa.selenium.By.cssSelector("a.packet-link")).getAttribute("href"));
        assertThat(packet.statusCode()).isEqualTo(200);
        assertThat(packet.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .contains("packet_sosh-7_2024-2025_Q2_5a_v1.pdf"));
        assertThat(packet.headers().firstValue("X-Content-SHA256")).hasValue(sha256(packet.body()));
        try (PDDocument doc = Loader.loadPDF(packet.body())) {
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("КЛАССНЫЙ ЖУРНАЛ").contains("5А класс").contains("М.П.");
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
        }

        // 6. The start page lists the import, closed.
        browser.go("/deputy");
        assertThat(browser.all("#imports tr.import")).hasSize(1);
        assertThat(browser.text("#imports tr.import")).contains("2024/2025").contains("закрыто 4 из 4, отказано 0, "
                + "ожидает 0");
        browser.screenshot("deputy-home");

        // 7. Everything is in the access log.
        assertThat(log("view", "GET /deputy")).isPositive();
        assertThat(log("view", "GET /deputy/imports/" + id)).isPositive();
        assertThat(log("view", "GET /deputy/imports/" + id + "/reports")).isPositive();
        assertThat(log("action", "POST /deputy/upload")).isEqualTo(4); // the file over the cap never reaches a page
        assertThat(log("action", "POST /deputy/imports/" + id + "/close")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'zavuch.sosh7' AND action = 'upload' "
                + "AND detail = ?", "import " + id + " (web)")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'zavuch.sosh7' AND action = "
                + "'upload-rejected'", null)).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'zavuch.sosh7' AND action = 'retrieve' "
                + "AND document_id = ?").param(document).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDeputyOfAnotherSchoolGets404AndADeputyGets403OnTheDirectorsPages() {
        browser.login("zavuch.sosh7", PASSWORD);
        for (String path : List.of("/deputy/imports/" + importOfSchoolB, "/deputy/imports/" + importOfSchoolB
                + "/reports", "/deputy/imports/" + importOfSchoolB + "/progress", "/deputy/imports/not-an-id",
                "/deputy/documents/" + documentOfSchoolB + "/pdf",
                "/deputy/documents/" + documentOfSchoolB + "/packet.pdf")) {
            browser.go(path);
            assertThat(browser.text("#error-status")).as(path).isEqualTo("404");
            assertThat(browser.pageText()).as(path).doesNotContain("school-b");
        }
        browser.go("/deputy");
        assertThat(browser.all("#imports tr.import")).extracting(r -> r.getAttribute("data-import"))
                .doesNotContain(importOfSchoolB.toString());

        browser.go("/director");
        assertThat(browser.text("#error-status")).isEqualTo("403");
        assertThat(browser.text("#error-text")).startsWith("Доступ запрещён");
        assertThat(log("denied", "GET /director")).isEqualTo(1);

        // The deputy of school B sees its own import.
        browser.reset().login("zavuch.b", PASSWORD);
        browser.go("/deputy/imports/" + importOfSchoolB);
        assertThat(browser.all("tr.class-row")).isNotEmpty();
        assertThat(browser.all("tr.class-row td.status .badge")).allSatisfy(b -> assertThat(b.getText())
                .isEqualTo("закрыт"));
    }

    private void upload(Path file) {
        browser.go("/deputy");
        browser.find("#snapshot-file").sendKeys(file.toAbsolutePath().toString());
        browser.find("#upload-submit").click();
        browser.waitUntil(d -> browser.all("#upload-submit").isEmpty() || browser.find("#upload-submit").isEnabled());
    }

    private HttpResponse<byte[]> download(String url) throws Exception {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Map<String, Long> rows() {
        return Map.of("snapshot_import", table("snapshot_import"), "snapshot_import_class",
                table("snapshot_import_class"), "frozen_journal", table("frozen_journal"), "archived_document",
                table("archived_document"), "archived_object", table("archived_object"));
    }

    private long table(String name) {
        return jdbc.sql("SELECT count(*) FROM " + name).query(Long.class).single();
    }

    private long log(String action, String detail) {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'zavuch.sosh7' AND action = ? AND detail = ?")
                .params(action, detail).query(Long.class).single();
    }

    private long count(String sql, String param) {
        var statement = jdbc.sql(sql);
        return (param == null ? statement : statement.param(param)).query(Long.class).single();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
