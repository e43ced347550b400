package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * NUL, a right-to-left override or a lone surrogate in a search text, a purpose or any other text parameter is
 * refused before anything runs: 400 with a Russian problem naming the parameter (API), the error page naming it
 * (web), exit 2 naming the option (CLI). Ordinary Russian text passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsafeTextParametersAreRefusedTest {

    static final String PASSWORD = "Hygiene-Door-2026!";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void anArchivist() {
        accounts.create("archivist.hygiene", PASSWORD, Role.ARCHIVIST, Set.of("hygiene-school"));
    }

    @ParameterizedTest(name = "API search name with {0}")
    @ValueSource(strings = {"\u0000", "\u202E", "\u2066", "\u001B[2J"})
    void theApiSearchRefusesTheCharacterWith400NamingTheParameter(String bad) throws Exception {
        HttpResponse<String> answer = get("/api/v1/search?school=hygiene-school&name=" + encode("Иван" + bad + "ов"),
                "Authorization", basic());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Snapshots.JSON.readTree(answer.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(problem.get("detail").asString()).contains("«name»").containsPattern("[а-я]{4,}")
                .contains("U+");
    }

    @Test
    void anyOtherTextParameterOfTheApiIsCheckedToo() throws Exception {
        HttpResponse<String> answer = get("/api/v1/search?school=hygiene-school&purpose="
                + encode("запрос\u202Eсуда"), "Authorization", basic());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Snapshots.JSON.readTree(answer.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("purpose");
    }

    @Test
    void anOrdinaryRussianSearchIsNotRefused() throws Exception {
        HttpResponse<String> answer = get("/api/v1/search?school=hygiene-school&name=" + encode("Иванов"),
                "Authorization", basic());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void theArchivistsSearchPageRefusesTheCharacterNamingTheParameter() throws Exception {
        String cookie = login();

        HttpResponse<String> page = get("/archivist?name=" + encode("Иван\u202Eов"), "Cookie", cookie);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"error-detail\"").contains("«name»").contains("U+202E")
                .doesNotContain("\u202E");
    }

    @Test
    void theCliSearchRefusesTheCharacterWithExit2NamingTheOption() {
        Cli.Result result = new Cli(context).run("search", "--name", "Иван\u0000ов");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("--name").contains("U+0000").containsPattern("[а-я]{4,}")
                .doesNotContain("\u0000");
    }

    @Test
    void aLineBreakIsRefusedInASingleLineOptionOfTheCli() {
        Cli.Result result = new Cli(context).run("search", "--purpose", "запрос\nсуда");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("--purpose").contains("U+000A");
    }

    private String login() throws Exception {
        HttpResponse<String> form = get("/login", "Accept", "text/html");
        String session = cookie(form, null);
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).isTrue();
        String body = "username=archivist.hygiene&password=" + encode(PASSWORD) + "&_csrf=" + encode(m.group(1));
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(in, session);
    }

    /** The session cookie set by a response (it is Secure: java.net.CookieManager would not send it over http). */
    private static String cookie(HttpResponse<String> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.indexOf(';') < 0 ? c : c.substring(0, c.indexOf(';'))).findFirst().orElse(previous);
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("archivist.hygiene:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
