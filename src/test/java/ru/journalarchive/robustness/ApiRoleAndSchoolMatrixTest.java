package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * The API's role map equals the web interface's (issue 13): every endpoint of the OpenAPI description called by each
 * of the four roles, a journal system's API key and an anonymous caller, the expected status of each pair taken from
 * one table below; and everything is scoped to the caller's schools: school B's document, import and job execution
 * are 404 for school A's archivist, deputy and IT administrator, through the API and the IT pages alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRoleAndSchoolMatrixTest {

    static final String PASSWORD = "Matrix-Pass-2024!";
    static final List<String> CALLERS = List.of("ARCHIVIST", "DIRECTOR", "DEPUTY", "IT_ADMIN", "API_KEY", "ANONYMOUS");

    /** One row: the request and the status each caller gets, in the order of {@link #CALLERS}. */
    record Row(String method, String template, int archivist, int director, int deputy, int it, int key, int anonymous) {

        int expected(String caller) {
            return switch (caller) {
                case "ARCHIVIST" -> archivist;
                case "DIRECTOR" -> director;
                case "DEPUTY" -> deputy;
                case "IT_ADMIN" -> it;
                case "API_KEY" -> key;
                default -> anonymous;
            };
        }
    }

    /**
     * The role map: what the web gives each role (search, documents, content and verification: the archivist; the
     * documents list: also the director and the deputy; an import's status: the deputy and the journal system; jobs
     * and storage: IT; uploads: journal systems only). A POST of {@code {}} is a rejected snapshot (422) for a key; a
     * restart of a completed execution is 409 for IT. {doc}, {import} and {job} are school A's.
     */
    static final List<Row> TABLE = List.of(
            new Row("POST", "/api/v1/snapshots", 403, 403, 403, 403, 422, 401),
            new Row("GET", "/api/v1/snapshots/{import}", 403, 403, 200, 403, 200, 401),
            new Row("GET", "/api/v1/search?school=matrix-a", 200, 403, 403, 403, 403, 401),
            new Row("GET", "/api/v1/documents", 200, 200, 200, 403, 403, 401),
            new Row("GET", "/api/v1/documents/{doc}", 200, 403, 403, 403, 403, 401),
            new Row("GET", "/api/v1/documents/{doc}/verification", 200, 403, 403, 403, 403, 401),
            new Row("GET", "/api/v1/documents/{doc}/content?purpose=x", 200, 403, 403, 403, 403, 401),
            new Row("GET", "/api/v1/jobs", 403, 403, 403, 200, 403, 401),
            new Row("GET", "/api/v1/jobs/{job}", 403, 403, 403, 200, 403, 401),
            new Row("POST", "/api/v1/jobs/{job}/restart", 403, 403, 403, 409, 403, 401),
            new Row("GET", "/api/v1/storage", 403, 403, 403, 200, 403, 401),
            new Row("GET", "/v3/api-docs", 200, 200, 200, 200, 200, 401),
            new Row("GET", "/api/v1/not-an-endpoint", 403, 403, 403, 403, 403, 401));

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path tmp;

    String key;
    final Map<String, UUID> documents = new LinkedHashMap<>();
    final Map<String, UUID> imports = new LinkedHashMap<>();
    final Map<String, Long> jobs = new LinkedHashMap<>();

    @BeforeAll
    void twoClosedSchoolsAndEveryRoleOfSchoolA() throws Exception {
        Cli cli = new Cli(context);
        for (String school : List.of("matrix-a", "matrix-b")) {
            Cli.Result closed = cli.run("close", Snapshots.generate(tmp, school, 30,
                    school.endsWith("a") ? 131L : 132L).toString());
            assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
            documents.put(school, registry.list(new DocumentQuery(school, null, null, null)).get(0).id());
            imports.put(school, jdbc.sql("SELECT id FROM snapshot_import WHERE school_id = ?").param(school)
                    .query(UUID.class).single());
            jobs.put(school, jdbc.sql("SELECT max(job_execution_id) FROM batch_job_execution_params "
                    + "WHERE parameter_name = 'importId' AND parameter_value = ?")
                    .param(imports.get(school).toString()).query(Long.class).single());
        }
        for (Role role : Role.values()) {
            accounts.create(login(role.name()), PASSWORD, role, Set.of("matrix-a"));
        }
        accounts.create("matrix.it.b", PASSWORD, Role.IT_ADMIN, Set.of("matrix-b"));
        key = apiKeys.create("matrix-a", "Матрица");
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Row row : TABLE) {
            String path = row.template().replace("{doc}", documents.get("matrix-a").toString())
                    .replace("{import}", imports.get("matrix-a").toString())
                    .replace("{job}", String.valueOf(jobs.get("matrix-a")));
            for (String caller : CALLERS) {
                LoopbackHttp.Response response = call(caller, row.method(), path);
                if (response.status() != row.expected(caller)) {
                    mismatches.add(row.method() + " " + row.template() + " as " + caller + ": "
                            + response.status() + " instead of " + row.expected(caller));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTableNamesEveryEndpointOfTheOpenApiDescription() throws Exception {
        JsonNode api = Snapshots.JSON.readTree(call("ARCHIVIST", "GET", "/v3/api-docs").body());
        Set<String> described = new TreeSet<>();
        // The description also lists the web pages' JSON (progress polls): those are the web chain's, by session.
        api.get("paths").properties().stream().filter(p -> p.getKey().startsWith("/api/"))
                .forEach(p -> p.getValue().properties().forEach(
                        m -> described.add(m.getKey().toUpperCase() + " " + p.getKey())));
        assertThat(described).hasSizeGreaterThan(10);
        Set<String> inTable = new TreeSet<>();
        for (Row row : TABLE) {
            inTable.add(row.method() + " " + row.template().replaceAll("\\?.*", "")
                    .replace("{doc}", "{id}").replace("{import}", "{id}").replace("{job}", "{id}"));
        }
        assertThat(inTable).containsAll(described);
    }

    @Test
    void anotherSchoolsDocumentImportAndJobAreNotFoundAsIfTheyDidNotExist() throws Exception {
        String doc = documents.get("matrix-b").toString();
        for (String path : List.of("/api/v1/documents/" + doc, "/api/v1/documents/" + doc + "/verification",
                "/api/v1/documents/" + doc + "/content?purpose=x")) {
            assertThat(call("ARCHIVIST", "GET", path).status()).as(path).isEqualTo(404);
        }
        assertThat(call("DEPUTY", "GET", "/api/v1/snapshots/" + imports.get("matrix-b")).status()).isEqualTo(404);
        long job = jobs.get("matrix-b");
        LoopbackHttp.Response foreign = call("IT_ADMIN", "GET", "/api/v1/jobs/" + job);
        LoopbackHttp.Response none = call("IT_ADMIN", "GET", "/api/v1/jobs/987654321");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().replace(String.valueOf(job), "N")).isEqualTo(none.body().replace("987654321", "N"));
        assertThat(call("IT_ADMIN", "POST", "/api/v1/jobs/" + job + "/restart").status()).isEqualTo(404);
        // The owner sees it.
        assertThat(LoopbackHttp.send("127.0.0.1", port, "GET", "/api/v1/jobs/" + job,
                LoopbackHttp.basic("matrix.it.b", PASSWORD), null, null).status()).isEqualTo(200);

        JsonNode listed = Snapshots.JSON.readTree(call("IT_ADMIN", "GET", "/api/v1/jobs?size=200").body());
        List<Long> ids = listed.get("executions").valueStream().map(e -> e.get("id").asLong()).toList();
        assertThat(ids).contains(jobs.get("matrix-a")).doesNotContain(job);
        assertThat(listed.get("total").asLong()).isEqualTo(listed.get("executions").size());
    }

    @Test
    void theItPagesShowAnotherSchoolsJobAsNotFound() throws Exception {
        WebSession it = WebSession.login(port, login("IT_ADMIN"), PASSWORD);
        assertThat(it.get("/it/jobs/" + jobs.get("matrix-a")).status()).isEqualTo(200);
        assertThat(it.get("/it/jobs/" + jobs.get("matrix-b")).status()).isEqualTo(404);
        assertThat(it.get("/it/jobs/" + jobs.get("matrix-b") + "/restart").status()).isEqualTo(404);
        assertThat(it.post("/it/jobs/" + jobs.get("matrix-b") + "/restart").status()).isEqualTo(404);
        assertThat(it.get("/it/jobs?page=0").body()).doesNotContain(imports.get("matrix-b").toString())
                .contains(imports.get("matrix-a").toString());
    }

    private LoopbackHttp.Response call(String caller, String method, String path) throws Exception {
        String authorization = switch (caller) {
            case "ANONYMOUS" -> null;
            case "API_KEY" -> "ApiKey " + key;
            default -> LoopbackHttp.basic(login(caller), PASSWORD);
        };
        byte[] body = method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        return LoopbackHttp.send("127.0.0.1", port, method, path, authorization, "application/json", body);
    }

    private static String login(String role) {
        return "matrix." + role.toLowerCase().replace('_', '-');
    }
}
