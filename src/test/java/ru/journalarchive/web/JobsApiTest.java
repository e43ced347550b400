package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.PeriodCloseLauncher;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/jobs} and {@code /api/v1/storage} against the real server with HTTP Basic: the IT administrator
 * lists executions and reads one with its steps, restarts a failed close (202, then it completes; again 409, with
 * the reason), cannot restart a completed one (409) or an unknown one (404); a deputy gets 403 problems everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsApiTest {

    static final String PASSWORD = "Seti-Server-2026!";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    SnapshotIntake intake;
    @Autowired
    PeriodCloseLauncher closes;
    @Autowired
    StorageLocations locations;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path tmp;

    final HttpClient http = HttpClient.newHttpClient();
    long completed;
    long failed;
    UUID failingImport;
    Path blocker;

    @BeforeAll
    void accountsACompletedAndAFailedClose() throws IOException {
        accounts.create("it.api", PASSWORD, Role.IT_ADMIN, Set.of("jobs-api-ok", "jobs-api-fail"));
        accounts.create("deputy.api", PASSWORD, Role.DEPUTY, Set.of("jobs-api-ok"));
        JobRun ok = closes.close(intake.importFile(Snapshots.generate(tmp, "jobs-api-ok", 30, 31L)).snapshot().id());
        assertThat(ok.completed()).isTrue();
        completed = ok.executionId();

        failingImport = intake.importFile(Snapshots.generate(tmp, "jobs-api-fail", 30, 32L)).snapshot().id();
        Map<String, Object> victim = jdbc.sql("SELECT c.class_id, c.period_id, i.academic_year FROM "
                        + "snapshot_import_class c JOIN snapshot_import i ON i.id = c.import_id WHERE i.id = ? "
                        + "ORDER BY c.class_id LIMIT 1").param(failingImport).query().singleRow();
        blocker = Path.of(locations.get("site-b").describe(ObjectKeys.classJournalPdf("jobs-api-fail",
                (String) victim.get("academic_year"), (String) victim.get("period_id"),
                (String) victim.get("class_id"), 1)));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a journal");
        JobRun run = closes.close(failingImport);
        assertThat(run.status()).isEqualTo("FAILED");
        failed = run.executionId();
    }

    @Test
    void theItAdministratorListsExecutionsNewestFirstAndReadsOneWithItsSteps() throws Exception {
        HttpResponse<String> list = send("GET", "/api/v1/jobs?page=0&size=50", "it.api");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode executions = json(list).get("executions");
        assertThat(json(list).get("total").asLong()).isGreaterThanOrEqualTo(2);
        long previous = Long.MAX_VALUE;
        boolean sawFailed = false;
        for (JsonNode e : executions) {
            assertThat(e.get("id").asLong()).isLessThan(previous);
            previous = e.get("id").asLong();
            if (e.get("id").asLong() == failed) {
                sawFailed = true;
                assertThat(e.get("jobName").asString()).isEqualTo("periodCloseJob");
                assertThat(e.get("parameters").get("importId").asString()).isEqualTo(failingImport.toString());
                assertThat(e.get("status").asString()).isEqualTo("FAILED");
            }
        }
        assertThat(sawFailed).isTrue();

        HttpResponse<String> one = send("GET", "/api/v1/jobs/" + completed, "it.api");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        JsonNode execution = json(one);
        assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(execution.get("exitCode").asString()).isEqualTo("CLOSED"); // periodCloseJob's own exit code
        assertThat(execution.get("steps").size()).isPositive();
        assertThat(execution.get("steps").findValuesAsString("name")).contains("periodCloseJob.classes");
        execution.get("steps").forEach(step -> assertThat(step.get("status").asString()).isEqualTo("COMPLETED"));
        assertThat(execution.get("steps").get(0).get("commitCount").asLong()).isPositive();
        assertThat(execution.get("restart").get("possible").asBoolean()).isFalse();

        HttpResponse<String> storage = send("GET", "/api/v1/storage", "it.api");
        assertThat(storage.statusCode()).as(storage.body()).isEqualTo(200);
        assertThat(json(storage).get("locations").findValuesAsString("location")).contains("site-a", "site-b");
        assertThat(json(storage).get("locations").get(0).get("reachable").asBoolean()).isTrue();
    }

    @Test
    void aFailedCloseIsRestartedOnceAndACompletedOrUnknownExecutionIsRefused() throws Exception {
        HttpResponse<String> done = send("POST", "/api/v1/jobs/" + completed + "/restart", "it.api");
        assertThat(done.statusCode()).isEqualTo(409);
        assertThat(done.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(done).get("reason").asString()).isEqualTo("completed");
        assertThat(json(done).get("detail").asString()).contains("завершено успешно");

        HttpResponse<String> unknown = send("POST", "/api/v1/jobs/987654321/restart", "it.api");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/jobs/987654321", "it.api").statusCode()).isEqualTo(404);

        Files.delete(blocker);
        HttpResponse<String> restarted = send("POST", "/api/v1/jobs/" + failed + "/restart", "it.api");
        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode execution;
        do {
            Thread.sleep(300);
            execution = json(send("GET", "/api/v1/jobs/" + failed, "it.api"));
        } while (execution.get("restart").get("supersededBy").isNull() && System.currentTimeMillis() < deadline);
        long newer = execution.get("restart").get("supersededBy").asLong();
        do {
            Thread.sleep(300);
            execution = json(send("GET", "/api/v1/jobs/" + newer, "it.api"));
        } while (execution.get("status").asString().matches("STARTING|STARTED")
                && System.currentTimeMillis() < deadline);
        assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_import_class WHERE import_id = ? "
                + "AND close_status NOT IN ('CLOSED', 'ALREADY_CLOSED')").param(failingImport).query(Long.class)
                .single()).isZero();

        HttpResponse<String> again = send("POST", "/api/v1/jobs/" + failed + "/restart", "it.api");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("reason").asString()).isEqualTo("superseded");
        assertThat(json(again).get("supersededBy").asLong()).isEqualTo(newer);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'it.api' AND action = 'action' "
                + "AND detail = ?").param("restart job execution " + failed).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeputyGetsForbiddenProblemsAndNothingIsRestarted() throws Exception {
        for (String[] call : new String[][] {{"GET", "/api/v1/jobs"}, {"GET", "/api/v1/jobs/" + completed},
                {"POST", "/api/v1/jobs/" + completed + "/restart"}, {"GET", "/api/v1/storage"}}) {
            HttpResponse<String> response = send(call[0], call[1], "deputy.api");
            assertThat(response.statusCode()).as(call[1]).isEqualTo(403);
            assertThat(json(response).get("type").asString()).endsWith("/forbidden");
            assertThat(json(response).get("detail").asString()).contains("ИТ-администратору");
        }
        assertThat(send("GET", "/api/v1/jobs", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path, String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
