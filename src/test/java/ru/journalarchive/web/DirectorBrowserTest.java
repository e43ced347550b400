package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.disposition.ActStatus;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.retention.Hold;
import ru.journalarchive.retention.HoldRequest;
import ru.journalarchive.retention.HoldScope;
import ru.journalarchive.retention.Holds;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Browser;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * The director's pages in a real Chromium against the running application: the example school's archived journals
 * are signed through the page with live progress (a real signature in the registry and in every location), a
 * destruction act agreed by the expert commission is returned with a reason and the next one approved (rendered,
 * signed, its PDF downloaded equal to the registry's), a hold is placed and released with the errors named by field;
 * a director of another school sees none of it and gets 404, an archivist gets 403; every action is in the access log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
// Its own context: WebApiEndToEndTest's (the default one) already has an archivist.a.
@org.springframework.test.context.TestPropertySource(properties = "test.context=director-browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectorBrowserTest {

    static final String PASSWORD = "Direktor-2026!q";
    static final String SCHOOL_A = "sosh-7";
    static final String SCHOOL_B = "school-b";
    static final String OLD_YEAR = "2019/2020";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    DirectorSignature signature;
    @Autowired
    DestructionActs acts;
    @Autowired
    Holds holds;

    @TempDir
    static Path tmp;

    Browser browser;
    /** School A's journals of 2024/2025 (the example school), to sign through the page. */
    List<ArchivedDocument> exampleJournals;
    /** School A's journals of 2019/2020, whose terms have expired: the destruction act's records. */
    List<UUID> oldJournals;

    @BeforeAll
    void twoSchoolsAccountsAndBrowser() throws Exception {
        accounts.create("director.a", PASSWORD, Role.DIRECTOR, Set.of(SCHOOL_A));
        accounts.create("director.b", PASSWORD, Role.DIRECTOR, Set.of(SCHOOL_B));
        accounts.create("archivist.a", PASSWORD, Role.ARCHIVIST, Set.of(SCHOOL_A));
        Cli cli = new Cli(context);
        for (Path snapshot : List.of(Path.of("archive-format/examples/example-school.json"),
                Snapshots.generate(tmp, SCHOOL_A, 20, 71L, OLD_YEAR), Snapshots.generate(tmp, SCHOOL_B, 20, 72L))) {
            Cli.Result closed = cli.run("close", snapshot.toString());
            assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        }
        exampleJournals = registry.list(new DocumentQuery(SCHOOL_A, "2024/2025", null, null));
        oldJournals = registry.unsigned(new DocumentQuery(SCHOOL_A, OLD_YEAR, null, null));
        assertThat(exampleJournals).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(d -> assertThat(d.object(ArchivedDocument.ROLE_SIGNED_PDF)).isEmpty());
        assertThat(oldJournals).isNotEmpty();
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
    void theDirectorSignsTheSelectedJournalsAndWatchesTheProgressToTheEnd() throws Exception {
        loginAs("director.a");
        assertThat(browser.path()).isEqualTo("/director");
        int unsigned = exampleJournals.size() + oldJournals.size();
        assertThat(browser.text("#count-unsigned")).isEqualTo(String.valueOf(unsigned));
        assertThat(browser.text("#count-acts")).isEqualTo("0");
        browser.screenshot("director-home");

        clickAndWait("#card-unsigned a");
        assertThat(browser.path()).isEqualTo("/director/signing");
        assertRows("#unsigned", ids(exampleJournals, oldJournals));
        assertThat(browser.text("#unsigned thead")).contains("Школа").contains("Учебный год").contains("Период")
                .contains("Класс").contains("Вид документа").contains("Дата архивирования");
        assertThat(browser.text("#unsigned tbody")).contains("Классный журнал").contains("I четверть");

        // Nothing ticked: refused in Russian, nothing signed.
        clickAndWait("#sign-submit");
        assertThat(browser.text("#flash-error")).contains("Не выбран ни один документ");

        // Select all, then leave out the old journals (they go into a destruction act).
        browser.find("#select-all").click();
        for (UUID old : oldJournals) {
            browser.find("#unsigned tr[data-id='" + old + "'] input[name=document]").click();
        }
        clickAndWait("#sign-submit");
        browser.waitUntil(d -> !browser.all("#signed-section").isEmpty());
        assertThat(browser.text("#signing-count"))
                .isEqualTo("Подписано " + exampleJournals.size() + " из " + exampleJournals.size());
        assertThat(browser.text("#signing-state")).isEqualTo("Подписание завершено.");
        assertRows("#unsigned", oldJournals);
        assertRows("#signed", ids(exampleJournals, List.of()));
        assertThat(browser.all("#signed .badge.ok")).hasSize(exampleJournals.size());
        assertThat(browser.text("#signed")).contains("ДЕМО");
        browser.screenshot("director-signing");

        for (ArchivedDocument journal : exampleJournals) {
            ArchivedDocument document = registry.get(journal.id());
            assertThat(registry.signature(document.id())).hasValueSatisfying(s -> {
                assertThat(s.signerSubject()).contains("ДЕМО");
                assertThat(s.tsa()).isNotBlank();
            });
            ArchivedDocument.ArchivedObject signed = document.object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow();
            assertThat(signed.replicas()).extracting(ArchivedDocument.Replica::location)
                    .containsExactlyInAnyOrder("site-a", "site-b");
            for (String site : List.of("site-a", "site-b")) {
                byte[] pdf = Files.readAllBytes(Path.of(locations.get(site).describe(signed.key())));
                assertThat(signature.readValid(pdf)).as(site).isPresent();
            }
            assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'director.a' AND action = 'action'"
                    + " AND document_id = ? AND detail LIKE 'sign:%'", journal.id())).isOne();
        }
        assertThat(registry.unsigned(new DocumentQuery(SCHOOL_A, OLD_YEAR, null, null)))
                .containsExactlyElementsOf(oldJournals);
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'director.a' AND action = 'action'"
                + " AND detail = 'POST /director/signing'")).isEqualTo(2);

        browser.go("/director/signing/progress");
        assertThat(browser.pageText()).contains("\"signed\":" + exampleJournals.size())
                .contains("\"finished\":true");
        browser.go("/director");
        assertThat(browser.text("#count-unsigned")).isEqualTo(String.valueOf(oldJournals.size()));
    }

    @Test
    @Order(2)
    void anAgreedActIsReturnedWithAReasonAndTheNextOneApproved() throws Exception {
        DestructionAct first = agreedAct();
        loginAs("director.a").go("/director/acts");
        assertRows("#acts-awaiting", first.id());
        clickAndWait("#acts-awaiting a");
        assertThat(browser.text("#act-title")).isEqualTo("Акт № " + first.number());
        assertThat(browser.text("#act-status")).isEqualTo(ActStatus.AGREED.russian());
        assertThat(browser.text("#act-records")).contains(OLD_YEAR).contains("Классный журнал");
        assertThat(browser.all("#act-records tbody tr")).hasSize(first.documentIds().size());
        assertThat(browser.text("#act-total")).startsWith("Итого " + first.fileTotal());
        assertThat(browser.text("#no-blockers")).startsWith("Препятствий нет");

        // «Отклонить» without a reason: refused naming the field; then with one, the act is returned (cancelled).
        submitConfirmed("#return-submit");
        assertThat(browser.text("#reason-error")).startsWith("Поле «Причина возврата» не заполнено");
        assertThat(acts.find(first.id().toString()).status()).isEqualTo(ActStatus.AGREED);
        browser.find("#reason").sendKeys("В акт не включена опись за 2019/2020");
        submitConfirmed("#return-submit");
        assertThat(browser.text("#notice")).isEqualTo("Акт № " + first.number() + " отклонён и возвращён с указанной причиной.");
        assertThat(browser.text("#act-cancelled")).contains("director.a").contains("В акт не включена опись");
        assertThat(acts.find(first.id().toString()).status()).isEqualTo(ActStatus.CANCELLED);
        assertThat(acts.cancellation(first.id())).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("В акт не включена опись за 2019/2020"));

        DestructionAct second = agreedAct();
        browser.go("/director/acts");
        assertRows("#acts-awaiting", second.id());
        assertRows("#acts-others", first.id());
        browser.screenshot("director-acts");
        browser.go("/director/acts/" + second.id());
        submitConfirmed("#approve-submit");
        assertThat(browser.text("#approver-error")).contains("«Фамилия и инициалы утверждающего»");
        assertThat(acts.find(second.id().toString()).status()).isEqualTo(ActStatus.AGREED);
        browser.find("#approver").sendKeys("Петрова И. М.");
        submitConfirmed("#approve-submit");
        assertThat(browser.text("#notice")).isEqualTo("Акт № " + second.number() + " утверждён, оформлен в PDF/A и подписан.");
        assertThat(browser.text("#act-status")).isEqualTo(ActStatus.APPROVED.russian());
        DestructionAct approved = acts.find(second.id().toString());
        assertThat(approved.status()).isEqualTo(ActStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("Петрова И. М.");
        assertThat(registry.signature(approved.documentId())).isPresent();
        assertThat(browser.text("#act-approved")).startsWith("Петрова И. М.");
        browser.screenshot("director-act");
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'director.a' AND action = 'action'"
                + " AND detail = ?", "POST /director/acts/" + second.id() + "/approve")).isEqualTo(2);

        // The act's PDF as the browser downloads it is the signed rendition in the registry.
        String sha256 = fetchSha256(browser.find("#act-pdf").getAttribute("href"));
        ArchivedDocument actDocument = registry.get(approved.documentId());
        assertThat(sha256).isEqualTo(actDocument.object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow().sha256());
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'director.a' AND action = 'retrieve'"
                + " AND document_id = ?", approved.documentId())).isOne();
    }

    @Test
    @Order(3)
    void aHoldIsPlacedAndReleasedWithErrorsNamedByField() {
        loginAs("director.a").go("/director/holds");
        assertThat(browser.text("#holds-none")).isEqualTo("Действующих запретов нет.");
        new org.openqa.selenium.support.ui.Select(browser.find("#scope")).selectByValue("class");
        browser.find("#year").sendKeys("2024-2025");
        browser.find("#classId").sendKeys("5a");
        clickAndWait("#place-submit");
        assertThat(browser.text("#year-error")).startsWith("Поле «Учебный год» заполнено неверно");
        assertThat(browser.text("#reason-error")).startsWith("Поле «Основание» не заполнено");
        assertThat(holds.list(SCHOOL_A, true)).isEmpty();

        browser.find("#year").clear();
        browser.find("#year").sendKeys("2024/2025");
        browser.find("#reason").sendKeys("Проверка Рособрнадзора");
        clickAndWait("#place-submit");
        assertThat(browser.text("#notice")).isEqualTo("Запрет установлен; документов под запретом: 1.");
        List<Hold> placed = holds.list(SCHOOL_A, false);
        assertThat(placed).singleElement().satisfies(h -> {
            assertThat(h.scope()).isEqualTo("class");
            assertThat(h.classId()).isEqualTo("5a");
            assertThat(h.placedBy()).isEqualTo("director.a");
        });
        Hold hold = placed.get(0);
        ArchivedDocument fifthA = exampleJournals.stream().filter(d -> d.classId().equals("5a")).findFirst()
                .orElseThrow();
        assertThat(holds.isHeld(fifthA.id())).isTrue();
        assertThat(browser.text("#holds tr[data-id='" + hold.id() + "']")).contains("Класс за учебный год")
                .contains("класс 5a, 2024/2025 уч. год").contains("Проверка Рособрнадзора");
        browser.screenshot("director-holds");

        String row = "#holds tr[data-id='" + hold.id() + "'] ";
        submitConfirmed(row + "button");
        assertThat(browser.text(row + ".release-error")).startsWith("Поле «Основание снятия» не заполнено");
        assertThat(holds.find(hold.id()).orElseThrow().active()).isTrue();
        browser.find(row + "input[name=reason]").sendKeys("Проверка завершена");
        submitConfirmed(row + "button");
        assertThat(browser.text("#notice")).isEqualTo("Запрет «Проверка Рособрнадзора» снят.");
        assertThat(browser.text("#holds-none")).isEqualTo("Действующих запретов нет.");
        Hold released = holds.find(hold.id()).orElseThrow();
        assertThat(released.active()).isFalse();
        assertThat(released.releaseReason()).isEqualTo("Проверка завершена");
        assertThat(released.releasedBy()).isEqualTo("director.a");
        assertThat(holds.isHeld(fifthA.id())).isFalse();
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'director.a' AND action = 'action'"
                + " AND detail = ?", "POST /director/holds/" + hold.id() + "/release")).isEqualTo(2);
    }

    @Test
    @Order(4)
    void aDirectorOfAnotherSchoolSeesNoneOfItAndGets404() {
        Hold holdOfA = holds.place(new HoldRequest(HoldScope.ACADEMIC_YEAR, SCHOOL_A, "2024/2025", null, null,
                "Судебный спор", "director.a")).hold();
        DestructionAct actOfA = acts.list(SCHOOL_A).stream().filter(a -> a.status() == ActStatus.APPROVED)
                .findFirst().orElseThrow();
        List<UUID> ofB = registry.unsigned(new DocumentQuery(SCHOOL_B, null, null, null));
        assertThat(ofB).isNotEmpty();

        loginAs("director.b");
        assertThat(browser.text("#count-unsigned")).isEqualTo(String.valueOf(ofB.size()));
        assertThat(browser.text("#count-acts")).isEqualTo("0");
        assertThat(browser.text("#count-holds")).isEqualTo("0");
        browser.go("/director/signing");
        assertRows("#unsigned", ofB);
        assertThat(browser.pageText()).doesNotContain(SCHOOL_A);
        // Signing school A's document by a forged request: 404, nothing signed.
        assertThat(post("/director/signing", "document=" + oldJournals.get(0))).isEqualTo(404);
        assertThat(registry.signature(oldJournals.get(0))).isEmpty();
        assertThat(post("/director/holds/" + holdOfA.id() + "/release", "reason=x")).isEqualTo(404);
        assertThat(holds.find(holdOfA.id()).orElseThrow().active()).isTrue();
        assertThat(post("/director/acts/" + actOfA.id() + "/return", "reason=x")).isEqualTo(404);

        browser.go("/director/acts");
        assertThat(browser.pageText()).doesNotContain(actOfA.number() + "").doesNotContain(SCHOOL_A);
        browser.go("/director/holds");
        assertThat(browser.pageText()).doesNotContain("Судебный спор");
        for (String path : List.of("/director/acts/" + actOfA.id(), "/director/acts/" + actOfA.id() + "/pdf")) {
            browser.go(path);
            assertThat(browser.all("#error-status")).as(path + ": " + browser.pageText()).hasSize(1);
            assertThat(browser.text("#error-status")).as(path).isEqualTo("404");
        }
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'director.b' AND document_id IS NOT NULL"))
                .isZero();
    }

    @Test
    @Order(5)
    void anArchivistCannotOpenTheDirectorsPagesNorSign() {
        loginAs("archivist.a");
        for (String path : List.of("/director", "/director/signing", "/director/acts", "/director/holds")) {
            browser.go(path);
            assertThat(browser.text("#error-text")).as(path).startsWith("Доступ запрещён");
        }
        browser.go("/archivist");
        assertThat(post("/director/signing", "document=" + oldJournals.get(0))).isEqualTo(403);
        assertThat(registry.signature(oldJournals.get(0))).isEmpty();
        assertThat(count("SELECT count(*) FROM access_log WHERE actor = 'archivist.a' AND action = 'denied'"
                + " AND detail LIKE '% /director%'")).isGreaterThanOrEqualTo(5);
    }

    /** A destruction act of school A for this year over the 2019/2020 journals, agreed by the expert commission. */
    private DestructionAct agreedAct() {
        LocalDate today = LocalDate.now();
        DestructionAct draft = acts.draft(SCHOOL_A, today.getYear(), today, "Делопроизводитель Смирнова", null);
        assertThat(draft.documentIds()).containsExactlyInAnyOrderElementsOf(oldJournals);
        return acts.agree(draft.id().toString(), "3", today, "Председатель ЭК Иванова");
    }

    /**
     * Logs in and waits for the role's start page to have loaded (the login's redirects must be over before the next
     * navigation, or they race with it).
     */
    private Browser loginAs(String login) {
        browser.login(login, PASSWORD);
        String home = login.startsWith("director") ? "/director" : "/archivist";
        browser.waitUntil(d -> browser.path().equals(home) && !browser.all("footer.foot").isEmpty());
        return browser;
    }

    /** Clicks a link or a submit button and waits for the next page to have loaded. */
    private void clickAndWait(String css) {
        WebElement element = browser.find(css);
        element.click();
        browser.waitUntil(ExpectedConditions.stalenessOf(element)::apply);
        browser.waitUntil(d -> !browser.all("footer.foot").isEmpty());
    }

    /** Clicks a submit button whose form asks for confirmation, accepts it, and waits for the next page. */
    private void submitConfirmed(String css) {
        WebElement button = browser.find(css);
        button.click();
        browser.waitUntil(ExpectedConditions.alertIsPresent()::apply).accept();
        browser.waitUntil(ExpectedConditions.stalenessOf(button)::apply);
        browser.waitUntil(d -> !browser.all("footer.foot").isEmpty());
    }

    /** A POST from the page's session with its CSRF token (as a forged or scripted request would be): the status. */
    private long post(String path, String body) {
        // Waits for the page to have its forms (it may still be loading after the previous step).
        String token = browser.waitUntil(d -> (String) ((JavascriptExecutor) d).executeScript(
                "var i = document.querySelector('input[name=_csrf]'); return i ? i.value : null;"));
        assertThat(token).as("a form with a CSRF token on " + browser.path()).isNotNull();
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', redirect: 'manual', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: arguments[1] + '&_csrf=' + encodeURIComponent(arguments[2])})
                  .then(function (r) { done(r.status); }, function (e) { done(-1); });""", path, body, token);
        return ((Number) status).longValue();
    }

    /** The SHA-256 of what the browser downloads from a link, computed in the browser. */
    private String fetchSha256(String url) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(function (r) { if (r.headers.get('Content-Type') !== 'application/pdf') { throw r.status; }
                                       return r.arrayBuffer(); })
                  .then(function (b) { return crypto.subtle.digest('SHA-256', b); })
                  .then(function (h) { done(Array.from(new Uint8Array(h)).map(function (x) {
                      return x.toString(16).padStart(2, '0'); }).join('')); },
                        function (e) { done('failed: ' + e); });""", url);
    }

    /** Waits until the table shows exactly these rows (in any order), for up to a minute. */
    private void assertRows(String table, List<UUID> expected) {
        try {
            browser.waitUntil(d -> Set.copyOf(rowIds(table)).equals(Set.copyOf(expected))
                    && rowIds(table).size() == expected.size());
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(rowIds(table)).as(browser.path() + "\n" + browser.pageText())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private void assertRows(String table, UUID expected) {
        assertRows(table, List.of(expected));
    }

    private List<UUID> rowIds(String table) {
        return browser.all(table + " tbody tr").stream().map(r -> r.getAttribute("data-id")).map(UUID::fromString)
                .toList();
    }

    private static List<UUID> ids(List<ArchivedDocument> documents, List<UUID> more) {
        List<UUID> all = new java.util.ArrayList<>(documents.stream().map(ArchivedDocument::id).toList());
        all.addAll(more);
        return all;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
