package ru.journalarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.security.Role;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.support.Browser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web interface's «done means» (issue 7), as a new user does it after the README's first command ({@code serve --demo}, whose
 * set-up this runs): in a real Chromium, the demo deputy uploads the generated snapshot the demo offers and watches its
 * close finish, the demo director signs the new journals, the demo archivist finds a pupil and downloads a verified copy
 * (its SHA-256 is the registry's), and the demo IT administrator sees every storage location healthy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestPropertySource(properties = "test.context=walkthrough")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewUserWalkthroughBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoData demo;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void deputyUploadsAndClosesDirectorSignsArchivistRetrievesItSeesStorage() throws Exception {
        DemoData.Demo set = demo.setUp();
        Map<Role, String> passwords = new java.util.EnumMap<>(Role.class);
        set.users().forEach(u -> passwords.put(u.role(), u.password()));
        String school = set.schoolId();
        int signedBefore = registry.list(new DocumentQuery(school, null, null, null)).size();
        assertThat(registry.unsigned(new DocumentQuery(school, null, null, null))).isEmpty();
        browser = Browser.open(port);

        // The deputy uploads the generated third-quarter snapshot and watches the close to its end.
        browser.login("demo-deputy", passwords.get(Role.DEPUTY));
        browser.find("#snapshot-file").sendKeys(set.toUpload().toAbsolutePath().toString());
        browser.find("#upload-submit").click();
        browser.waitUntil(d -> browser.path().startsWith("/deputy/imports/") && !browser.all("#close-button").isEmpty());
        browser.find("#close-button").click();
        browser.waitUntil(ExpectedConditions.alertIsPresent()::apply).accept(); // «Закрыть период …?»
        browser.waitUntil(d -> browser.text("#progress-summary").startsWith("Закрытие завершено"));
        int classes = browser.all("tr.class-row").size();
        assertThat(classes).isPositive();
        assertThat(browser.all("tr.class-row td.status .badge")).allSatisfy(b -> assertThat(b.getText())
                .isEqualTo("закрыт"));
        browser.screenshot("walkthrough-deputy-closed");
        // Every journal this close archived awaits the director (the demo's own were signed at the start).
        List<UUID> unsigned = registry.unsigned(new DocumentQuery(school, null, null, null));
        assertThat(unsigned).isNotEmpty();
        assertThat(registry.list(new DocumentQuery(school, null, null, null))).hasSize(signedBefore + unsigned.size());
        browser.logout();

        // The director signs every new journal.
        browser.login("demo-director", passwords.get(Role.DIRECTOR)).go("/director/signing");
        browser.waitUntil(d -> !browser.all("#select-all").isEmpty());
        browser.find("#select-all").click();
        WebElement sign = browser.find("#sign-submit");
        sign.click();
        browser.waitUntil(ExpectedConditions.stalenessOf(sign)::apply);
        browser.waitUntil(d -> !browser.all("#signed-section").isEmpty());
        assertThat(registry.unsigned(new DocumentQuery(school, null, null, null))).isEmpty();
        for (UUID id : unsigned) {
            assertThat(registry.signature(id)).isPresent();
        }
        browser.screenshot("walkthrough-director-signed");
        browser.logout();

        // The archivist finds a pupil of the example school and takes a verified copy of the journal.
        JsonNode example = JsonMapper.builder().build().readTree(Files.readString(
                Path.of("archive-format/examples/example-school.json")));
        String pupil = example.path("classes").get(0).path("students").get(0).path("fullName").asString();
        browser.login("demo-archivist", passwords.get(Role.ARCHIVIST));
        browser.find("#name").sendKeys(pupil.split(" ")[0]);
        browser.find("#purpose").sendKeys("запрос бывшего ученика");
        browser.find("#search-submit").click();
        browser.waitUntil(d -> !browser.all("#search-count").isEmpty());
        assertThat(browser.text("#results")).contains(pupil);
        WebElement open = browser.find("#results tr.hit a.open");
        open.click();
        browser.waitUntil(d -> !browser.all("#doc-id").isEmpty());
        UUID documentId = UUID.fromString(browser.text("#doc-id"));
        browser.find("#copy-purpose").sendKeys("справка для заявителя");
        Browser.Download download = browser.submitForDownload("#copy-form");
        assertThat(download.status()).isEqualTo(200);
        byte[] copy = download.bytes();
        ArchivedDocument document = registry.get(documentId);
        String expected = document.object(ArchivedDocument.ROLE_SIGNED_PDF)
                .or(() -> document.object(ArchivedDocument.ROLE_PDF)).orElseThrow().sha256();
        assertThat(CanonicalJson.sha256(copy)).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'demo-archivist' AND action = 'retrieve' "
                + "AND document_id = ?").param(documentId).query(Integer.class).single()).isEqualTo(1);
        browser.logout();

        // IT sees the storage report: both locations reachable and healthy.
        browser.login("demo-it", passwords.get(Role.IT_ADMIN));
        assertThat(browser.all("section.card.location")).hasSize(2)
                .allSatisfy(card -> assertThat(card.getAttribute("data-health")).isEqualTo("ok"));
        browser.screenshot("walkthrough-it-storage");
        assertThat(registry.list(new DocumentQuery(school, null, null, null)).size()).isGreaterThan(signedBefore);
    }

}
