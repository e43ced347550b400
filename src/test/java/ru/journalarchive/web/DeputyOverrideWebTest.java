package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.jobs.PeriodCloseLauncher;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.ClassSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The completeness gate on the web: the status API and the deputy's import page show, in Russian, what a refused
 * class lacks; the deputy overrides it with a reason (required, CSRF, own school only), recorded under the logged-in
 * account, and the class closes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeputyOverrideWebTest {

    static final String PASSWORD = "Zavuch-Gate-2026!";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    SnapshotIntake intake;
    @Autowired
    PeriodCloseLauncher closes;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path tmp;

    String apiKey;
    UUID importId;
    String line;

    @BeforeAll
    void aRefusedClass() throws Exception {
        accounts.create("zavuch.gate", PASSWORD, Role.DEPUTY, Set.of("gate-web"));
        accounts.create("zavuch.elsewhere", PASSWORD, Role.DEPUTY, Set.of("gate-elsewhere"));
        apiKey = apiKeys.create("gate-web", "Сетевой город");
        Path generated = tmp.resolve("gate-web-q1.json");
        try (OutputStream out = Files.newOutputStream(generated)) {
            SyntheticSchoolGenerator.writeYear(new SyntheticSchoolGenerator.Options(40, 7L, "gate-web", "2024/2025",
                    "Q1"), List.of(new ClassSpec("1А", 1, 10, 0), new ClassSpec("5А", 5, 15, 0)), false, out);
        }
        ObjectNode tree = (ObjectNode) Snapshots.JSON.readTree(generated.toFile());
        ObjectNode fifth = (ObjectNode) tree.get("classes").valueStream()
                .filter(c -> c.get("name").asString().equals("5А")).findFirst().orElseThrow();
        JsonNode dropped = ((ArrayNode) fifth.get("finalMarks")).remove(0);
        line = name(fifth.get("students"), dropped.get("student").asString(), "fullName") + " — "
                + name(tree.get("subjects"), dropped.get("subject").asString(), "name");
        Path file = tmp.resolve("gate-web.json");
        Files.write(file, Snapshots.JSON.writeValueAsBytes(tree));
        importId = intake.importFile(file).snapshot().id();
        assertThat(closes.close(importId).completed()).isTrue();
    }

    @Test
    void theStatusApiSaysInRussianWhatTheRefusedClassLacks() throws Exception {
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        uri("/api/v1/snapshots/" + importId)).header("X-Api-Key", apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode fifth = Snapshots.JSON.readTree(status.body()).get("classes").valueStream()
                .filter(c -> c.get("classId").asString().equals("5a")).findFirst().orElseThrow();
        assertThat(fifth.get("status").asString()).isEqualTo("REFUSED_MISSING_FINAL_MARKS");
        assertThat(fifth.get("statusText").asString()).isEqualTo("не закрыт: нет итоговых отметок");
        assertThat(fifth.get("message").asString()).as("the stored note is Russian too, without names")
                .startsWith("не закрыт: нет итоговых отметок (недостаёт: ");
        assertThat(fifth.get("details").valueStream().map(JsonNode::asString).toList())
                .containsExactly("не закрыт — нет итоговых отметок:", line);
    }

    @Test
    void theDeputyOverridesWithAReasonAndTheClassCloses() throws Exception {
        Session other = login("zavuch.elsewhere");
        assertThat(post(other, "/deputy/imports/" + importId + "/override", csrf(other, "/deputy"),
                Map.of("classId", "5a", "reason", "чужая школа")).statusCode()).isEqualTo(404);

        Session deputy = login("zavuch.gate");
        String page = get(deputy, "/deputy/imports/" + importId).body();
        assertThat(page).contains("не закрыт: нет итоговых отметок").contains(line)
                .contains("/deputy/imports/" + importId + "/override");
        String token = token(page);
        assertThat(post(deputy, "/deputy/imports/" + importId + "/override", null,
                Map.of("classId", "5a", "reason", "без токена")).statusCode()).isEqualTo(403);

        HttpResponse<String> noReason = post(deputy, "/deputy/imports/" + importId + "/override", token,
                Map.of("classId", "5a", "reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(get(deputy, "/deputy/imports/" + importId).body()).contains("Причина: причина обязательна");
        assertThat(overrides()).isZero();

        HttpResponse<String> done = post(deputy, "/deputy/imports/" + importId + "/override", token,
                Map.of("classId", "5a", "reason", "Итоговая отметка выставлена на бумаге, перенос в журнал позже"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(overrides()).isOne();
        assertThat(jdbc.sql("SELECT overridden_by FROM close_override WHERE import_id = ?").param(importId)
                .query(String.class).single()).isEqualTo("zavuch.gate");
        String state = "";
        for (int i = 0; i < 120 && !state.equals("CLOSED"); i++) {
            Thread.sleep(500);
            state = Snapshots.JSON.readTree(get(deputy, "/deputy/imports/" + importId + "/progress").body())
                    .get("classes").valueStream().filter(c -> c.get("classId").asString().equals("5a"))
                    .findFirst().orElseThrow().get("status").asString();
        }
        assertThat(state).isEqualTo("CLOSED");
    }

    private long overrides() {
        return jdbc.sql("SELECT count(*) FROM close_override WHERE import_id = ?").param(importId)
                .query(Long.class).single();
    }

    /** A browser's session: the session cookie is Secure, which java.net.CookieManager never sends over http. */
    static final class Session {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie;

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> cookie = c.substring(0, c.indexOf(';') < 0 ? c.length()
                            : c.indexOf(';')));
            return response;
        }
    }

    private Session login(String user) throws Exception {
        Session client = new Session();
        String token = token(get(client, "/login").body());
        HttpResponse<String> in = post(client, "/login", token, Map.of("username", user, "password", PASSWORD));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private String csrf(Session client, String path) throws Exception {
        return token(get(client, path).body());
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(Session client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(Session client, String path, String token, Map<String, String> form)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (token != null) {
            fields.put("_csrf", token);
        }
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String name(JsonNode list, String id, String field) {
        return list.valueStream().filter(n -> n.get("id").asString().equals(id)).findFirst().orElseThrow()
                .get(field).asString();
    }
}
