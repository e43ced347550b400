package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.jobs.BackgroundCloses;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.security.Role;
import ru.journalarchive.security.WeakPasswordException;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST API against the real server on a random port, with a real HTTP client and a real embedded PostgreSQL:
 * journal systems upload their own school's snapshots only, rejected snapshots list every violation and store
 * nothing, staff see only their schools, repeated wrong passwords lock the account, and every login is logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiEndToEndTest {

    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");
    static final String PASSWORD = "Zxcv-Lkjh-2024!";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    AccessLog accessLog;

    @TempDir
    static Path tmp;

    final HttpClient http = HttpClient.newHttpClient();
    String keyOfExampleSchool;
    String keyOfSchoolB;

    @BeforeAll
    void accountsKeysAndTwoClosedSchools() throws IOException {
        keyOfExampleSchool = apiKeys.create("sosh-7", "Сетевой город");
        keyOfSchoolB = apiKeys.create("school-b", "Дневник.ру");
        accounts.create("archivist.a", PASSWORD, Role.ARCHIVIST, Set.of("school-a"));
        accounts.create("deputy.lock", PASSWORD, Role.DEPUTY, Set.of("school-a"));
        Cli cli = new Cli(context);
        for (Path snapshot : List.of(Snapshots.generate(tmp, "school-a", 30, 11L),
                Snapshots.generate(tmp, "school-b", 30, 12L))) {
            Cli.Result closed = cli.run("close", snapshot.toString());
            assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        }
    }

    @Test
    void theExampleSchoolUploadedWithItsOwnKeyIsAcceptedAndItsStatusReadable() throws Exception {
        long before = imports();
        long started = System.nanoTime();
        HttpResponse<String> upload = send(post("/api/v1/snapshots", Files.readAllBytes(EXAMPLE))
                .header("Authorization", "ApiKey " + keyOfExampleSchool));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[measure] upload of example-school.json: " + millis + " ms");

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        JsonNode accepted = json(upload);
        String id = accepted.get("importId").asString();
        assertThat(upload.headers().firstValue("Location")).hasValue("/api/v1/snapshots/" + id);
        assertThat(accepted.get("schoolId").asString()).isEqualTo("sosh-7");
        assertThat(imports()).isEqualTo(before + 1);

        // The upload starts the close in the background: the journal system polls the status until every class
        // is closed (waiting here also keeps the other tests' row counts free of a close still running).
        JsonNode classes = null;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = send(get("/api/v1/snapshots/" + id)
                    .header("X-Api-Key", keyOfExampleSchool));
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            classes = json(status).get("classes");
            boolean pending = false;
            for (JsonNode c : classes) {
                pending |= c.get("status").asString().equals("PENDING");
            }
            if (!pending && !context.getBean(BackgroundCloses.class).busy(UUID.fromString(id))) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(classes.size()).isPositive();
        classes.forEach(c -> assertThat(c.get("status").asString()).isEqualTo("CLOSED"));
        classes.forEach(c -> assertThat(c.get("documentId").isNull()).isFalse());

        // Another school's journal system does not learn that the import exists.
        HttpResponse<String> foreign = send(get("/api/v1/snapshots/" + id).header("X-Api-Key", keyOfSchoolB));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aBodyOverTheSnapshotCapIsRefusedWith413NamingTheFieldAndNothingIsStored() throws Exception {
        Map<String, Long> before = rows();
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> upload = send(post("/api/v1/snapshots", big)
                .header("Authorization", "ApiKey " + keyOfExampleSchool));

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(upload);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("20 МБ")
                .contains("archive.web.max-snapshot-size");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aKeyOfAnotherSchoolCannotUploadTheSnapshotAndNothingIsStored() throws Exception {
        Map<String, Long> before = rows();
        HttpResponse<String> upload = send(post("/api/v1/snapshots", Files.readAllBytes(EXAMPLE))
                .header("Authorization", "ApiKey " + keyOfSchoolB));

        assertThat(upload.statusCode()).isEqualTo(403);
        JsonNode problem = json(upload);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("$.school.id");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("sosh-7").contains("school-b");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aMalformedSnapshotIsRefusedWithEveryViolationByPathAndNothingIsStored() throws Exception {
        Path valid = Snapshots.generate(tmp, "sosh-7", 30, 13L);
        Path bad = Snapshots.mutate(valid, tmp.resolve("bad.json"), s -> {
            ((ObjectNode) Snapshots.markedClass(s).get("marks").get(0)).put("value", "6");
            ((ObjectNode) Snapshots.markedClass(s).get("lessons").get(0)).put("date", "2025-13-45");
            ((ObjectNode) s.get("teachers").get(1)).put("id", s.get("teachers").get(0).get("id").asString());
        });
        String classPath = "$.classes[" + Snapshots.indexOfMarkedClass(
                (ObjectNode) Snapshots.JSON.readTree(bad.toFile())) + "]";
        Map<String, Long> before = rows();

        HttpResponse<String> upload = send(post("/api/v1/snapshots", Files.readAllBytes(bad))
                .header("X-Api-Key", keyOfExampleSchool));

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(422);
        assertThat(upload.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(upload);
        assertThat(problem.get("type").asString()).endsWith("/snapshot-rejected");
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains(classPath + ".marks[0].value", classPath + ".lessons[0].date");
        problem.get("errors").forEach(e -> assertThat(e.get("reason").asString()).containsPattern("[а-яА-ЯёЁ]{4,}"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aUserOfSchoolASeesNoDocumentOfSchoolB() throws Exception {
        HttpResponse<String> mine = send(get("/api/v1/documents").header("Authorization", basic("archivist.a")));
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode documents = json(mine);
        assertThat(documents.size()).isPositive();
        documents.forEach(d -> assertThat(d.get("schoolId").asString()).isEqualTo("school-a"));

        HttpResponse<String> theirs = send(get("/api/v1/documents?school=school-b&year=2024/2025")
                .header("Authorization", basic("archivist.a")));
        assertThat(theirs.statusCode()).isEqualTo(403);
        assertThat(theirs.body()).doesNotContain("\"documentType\"");
        assertThat(json(theirs).get("errors").get(0).get("field").asString()).isEqualTo("school");
    }

    @Test
    void fiveWrongPasswordsLockTheLoginFromThatAddressEvenAgainstTheRightPassword() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = send(get("/api/v1/documents")
                    .header("Authorization", basic("deputy.lock", "Wrong-Password-" + i)));
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = send(get("/api/v1/documents").header("Authorization", basic("deputy.lock")));

        assertThat(right.statusCode()).isEqualTo(401);
        // The lock is of this login from this address (issue 13): the account itself is not locked.
        assertThat(accounts.find("deputy.lock").orElseThrow().lockedUntil()).isNull();
        var logged = accessLog.list(start, null).stream().filter(e -> e.entry().actor().equals("deputy.lock"))
                .map(e -> e.entry().action()).toList();
        assertThat(logged).containsExactly(AccessAction.LOGIN_FAILED, AccessAction.LOGIN_FAILED,
                AccessAction.LOGIN_FAILED, AccessAction.LOGIN_FAILED, AccessAction.LOGIN_FAILED,
                AccessAction.LOCKED_OUT, AccessAction.LOGIN_FAILED);
        Cli.Result printed = new Cli(context).run("access-log");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).contains("deputy.lock", "неудачный вход", "учётная запись заблокирована");
    }

    @Test
    void noCredentialsOrAnUnknownKeyGetAProblemWith401AndSecurityHeaders() throws Exception {
        for (HttpRequest.Builder request : List.of(get("/api/v1/documents"),
                get("/api/v1/documents").header("X-Api-Key", "ja_not-a-key"),
                post("/api/v1/snapshots", Files.readAllBytes(EXAMPLE)), get("/v3/api-docs"))) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void staffCannotUploadSnapshots() throws Exception {
        HttpResponse<String> upload = send(post("/api/v1/snapshots", Files.readAllBytes(EXAMPLE))
                .header("Authorization", basic("archivist.a")));
        assertThat(upload.statusCode()).isEqualTo(403);
    }

    @Test
    void theOpenApiDescriptionListsTheEndpoints() throws Exception {
        HttpResponse<String> docs = send(get("/v3/api-docs").header("Authorization", basic("archivist.a")));
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/snapshots", "/api/v1/snapshots/{id}", "/api/v1/documents");
    }

    @Test
    void aWeakPasswordIsRefused() {
        assertThatThrownBy(() -> accounts.create("weak.user", "short1A!", Role.DIRECTOR, Set.of("school-a")))
                .isInstanceOf(WeakPasswordException.class);
        assertThatThrownBy(() -> accounts.create("weak.user", "alllowercaseletters", Role.DIRECTOR,
                Set.of("school-a"))).isInstanceOf(WeakPasswordException.class);
        assertThat(accounts.find("weak.user")).isEmpty();
    }

    @Test
    void apiKeyCreatePrintsTheKeyOnceAndUserListShowsAccountsWithoutHashes() {
        Cli.Result created = new Cli(context).run("api-key", "create", "--school", "school-c", "--name", "ЭлЖур");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(apiKeys.resolve(key)).hasValueSatisfying(c -> assertThat(c.schools()).containsExactly("school-c"));
        assertThat(jdbc.sql("SELECT count(*) FROM api_key WHERE key_sha256 = ?").param(key).query(Long.class)
                .single()).isZero();

        Cli.Result list = new Cli(context).run("user", "list");
        assertThat(list.out()).contains("archivist.a", "ARCHIVIST", "school-a").doesNotContain("{bcrypt}");
    }

    private long imports() {
        return jdbc.sql("SELECT count(*) FROM snapshot_import").query(Long.class).single();
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("snapshot_import", "snapshot_import_class", "frozen_journal", "archived_document",
                "archived_object", "replica", "batch_job_instance")) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Snapshots.JSON.readTree(response.body());
    }

    private static String basic(String login) {
        return basic(login, PASSWORD);
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
