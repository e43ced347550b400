package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Browser;

/**
 * Logging in to the web interface in a real Chromium against the running application: the login page is in Russian,
 * a wrong password is refused and logged, each role lands in its own section and cannot open another role's,
 * logging out ends the session, and the security headers and cookie flags are those of a school's personal data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBrowserTest {

    static final String PASSWORD = "Uchitel-2026!x";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeAll
    void accountsAndBrowser() {
        accounts.create("deputy.login", PASSWORD, Role.DEPUTY, Set.of("school-a"));
        accounts.create("archivist.login", PASSWORD, Role.ARCHIVIST, Set.of("school-a"));
        browser = Browser.open(port);
    }

    @org.junit.jupiter.api.BeforeEach
    void signedOut() {
        browser.reset();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void wrongPasswordIsRefusedInRussianAndLogged() {
        browser.go("/deputy");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text("h1")).isEqualTo("Вход в архив");
        browser.screenshot("login");
        browser.find("#username").sendKeys("deputy.login");
        browser.find("#password").sendKeys("not-the-password");
        browser.find("#login-submit").click();

        try { var pr = new ProcessBuilder("bash", "-c", "cd /tmp && rm -f cj; curl -s -c cj -b cj http://localhost:" + port + "/login > l.html; t=$(grep -o 'name=\"_csrf\" value=\"[^\"]*' l.html | sed 's/.*value=\"//'); curl -sv -c cj -b cj -d \"username=deputy.login&password=x&_csrf=$t\" http://localhost:" + port + "/login 2>&1 | grep -E '^[<>]'").inheritIO().start(); pr.waitFor(); } catch (Exception e) { }
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/login?error"));
        assertThat(browser.text("#login-error")).isEqualTo("Неверный логин или пароль.");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'deputy.login' AND action = 'login-failed'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void eachRoleLandsInItsSectionAndCannotOpenAnothers() {
        browser.login("deputy.login", PASSWORD);
        assertThat(browser.path()).isEqualTo("/deputy");
        assertThat(browser.text("header.top .role")).isEqualTo("заместитель директора");
        assertThat(browser.all("header.top .menu a")).extracting(e -> e.getText())
                .containsExactly("Заместитель директора");

        browser.go("/archivist");
        assertThat(browser.text("#error-text")).startsWith("Доступ запрещён");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'deputy.login' AND action = 'denied' "
                + "AND detail = 'GET /archivist'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'deputy.login' AND action = 'view' "
                + "AND detail = 'GET /deputy'").query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        browser.go("/deputy").logout();
        assertThat(browser.text("#login-logout")).isEqualTo("Вы вышли из архива.");
        browser.go("/deputy");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'deputy.login' AND action = 'logout'")
                .query(Integer.class).single()).isEqualTo(1);

        browser.login("archivist.login", PASSWORD);
        assertThat(browser.path()).isEqualTo("/archivist");
    }

    @Test
    void formsCarryCsrfTokensAndCookiesAndHeadersAreStrict() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int loginsBefore = logins("deputy.login");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("name=\"_csrf\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(UiSecurityConfiguration.CSP);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Strict");

        // A login form posted without the session's CSRF token (a forged cross-site request) is refused.
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=deputy.login&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(logins("deputy.login")).isEqualTo(loginsBefore);
    }

    private int logins(String actor) {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE actor = ? AND action = 'login'").param(actor)
                .query(Integer.class).single();
    }
}
