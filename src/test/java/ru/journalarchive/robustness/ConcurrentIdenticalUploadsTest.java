package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.jobs.BackgroundCloses;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * Two journal systems' requests with the same bytes at the same moment both get 202 with the same import, one of them
 * marked {@code alreadyImported}; never a 500 from the unique SHA-256. Repeated with fresh bytes several times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentIdenticalUploadsTest {

    static final int ROUNDS = 4;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BackgroundCloses closes;

    @TempDir
    static Path tmp;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoIdenticalUploadsAtTheSameMomentBothAnswer202WithOneImport() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String school = "race-" + round;
                String key = apiKeys.create(school, "Сетевой город");
                byte[] body = Files.readAllBytes(Snapshots.generate(tmp, school, 20, 40L + round));
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = List.of(
                        pool.submit(() -> upload(body, key, ready, go)),
                        pool.submit(() -> upload(body, key, ready, go)));
                ready.await();
                go.countDown();

                HttpResponse<String> first = answers.get(0).get();
                HttpResponse<String> second = answers.get(1).get();
                assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
                assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
                JsonNode a = Snapshots.JSON.readTree(first.body());
                JsonNode b = Snapshots.JSON.readTree(second.body());
                assertThat(a.get("importId").asString()).isEqualTo(b.get("importId").asString());
                assertThat(List.of(a.get("alreadyImported").asBoolean(), b.get("alreadyImported").asBoolean()))
                        .containsExactlyInAnyOrder(true, false);
                assertThat(jdbc.sql("SELECT count(*) FROM snapshot_import WHERE school_id = ?").param(school)
                        .query(Long.class).single()).isEqualTo(1);
                waitForTheClose(UUID.fromString(a.get("importId").asString()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> upload(byte[] body, String key, CountDownLatch ready, CountDownLatch go)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/snapshots"))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        ready.countDown();
        go.await();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The upload starts a close in the background: let it end, so that other tests see a quiet archive. */
    private void waitForTheClose(UUID importId) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (closes.busy(importId) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
