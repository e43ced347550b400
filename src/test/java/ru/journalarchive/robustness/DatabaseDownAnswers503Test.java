package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * The database stopped under a running {@code serve}: the API answers 503 with a Russian problem and the web
 * interface its Russian error page, each within seconds (the ceiling here is a generous 10 s against the 30 s hang
 * and bare 500 of before).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "archive.test.context=database-down"})
@ActiveProfiles("test")
@DirtiesContext
class DatabaseDownAnswers503Test {

    private static final String PASSWORD = "Baza-Nedostupna-2026!";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    EmbeddedPostgres postgres;

    final HttpClient http = HttpClient.newHttpClient();
    /** The session cookie is {@code Secure}: HttpClient would not send it back over plain HTTP, so it is kept here. */
    String session = "";

    @Test
    void theApiAndTheWebInterfaceAnswer503InRussianWithinSeconds() throws Exception {
        accounts.create("archivist.down", PASSWORD, Role.ARCHIVIST, Set.of("down-a"));
        accounts.create("archivist.web", PASSWORD, Role.ARCHIVIST, Set.of("down-a"));
        assertThat(api().statusCode()).isEqualTo(200);
        logIn("archivist.web");
        assertThat(page().statusCode()).isEqualTo(200);

        postgres.close();

        HttpResponse<String> problem = assertTimeoutPreemptively(Duration.ofSeconds(10), this::api);
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(503);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = Snapshots.JSON.readTree(problem.body());
        assertThat(body.get("type").asString()).endsWith("/database-unavailable");
        assertThat(body.get("detail").asString()).startsWith("База данных архива недоступна");

        HttpResponse<String> errorPage = assertTimeoutPreemptively(Duration.ofSeconds(10), this::page);
        assertThat(errorPage.statusCode()).isEqualTo(503);
        assertThat(errorPage.body()).contains("База данных архива недоступна");
    }

    private HttpResponse<String> api() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("archivist.down:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?name="
                + URLEncoder.encode("Иванов", StandardCharsets.UTF_8))).header("Authorization", "Basic " + basic)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/archivist"))
                .header("Cookie", session).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private void keepSession(HttpResponse<?> response) {
        response.headers().firstValue("Set-Cookie").ifPresent(c -> session = c.substring(0, c.indexOf(';')));
    }

    private void logIn(String login) throws Exception {
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        keepSession(loginPage);
        String form = loginPage.body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as(form).isTrue();
        String body = "username=" + login + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf.group(1);
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        keepSession(done);
    }
}
