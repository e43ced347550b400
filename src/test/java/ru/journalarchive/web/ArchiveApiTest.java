package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
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
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The archivist's REST API against the real server with HTTP Basic: the search, a document's data, its verified
 * content and its last fixity results, only for the caller's schools (another school's document is 404, its pupils
 * are not found), a bad query a problem naming each field in Russian, and a document with no intact replica never
 * handed out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a context of its own (the marker property): it damages replicas, which must not reach tests that audit
        properties = {"spring.main.web-application-type=servlet", "archive.test.context=archivist-api"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveApiTest {

    static final String PASSWORD = "Poisk-Arhiva-2026!";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path tmp;

    final HttpClient http = HttpClient.newHttpClient();
    String pupilA;
    String pupilB;

    @BeforeAll
    void twoClosedSchoolsAndAnArchivist() throws Exception {
        Cli cli = new Cli(context);
        for (String school : List.of("api-a", "api-b")) {
            // school A with two classes or more: one of its journals is damaged by a test
            Path snapshot = Snapshots.generate(tmp, school, school.equals("api-a") ? 60 : 30,
                    school.equals("api-a") ? 21L : 22L);
            Cli.Result closed = cli.run("close", snapshot.toString());
            assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
            String name = Snapshots.markedClass((ObjectNode) Snapshots.JSON.readTree(snapshot.toFile()))
                    .get("students").get(0).get("fullName").asString();
            if (school.equals("api-a")) {
                pupilA = name;
            } else {
                pupilB = name;
            }
        }
        accounts.create("archivist.api", PASSWORD, Role.ARCHIVIST, Set.of("api-a"));
    }

    @Test
    void theSearchFindsOnlyTheCallersSchoolsAndIsLogged() throws Exception {
        HttpResponse<String> found = send("/api/v1/search?name=" + enc(pupilA) + "&purpose=" + enc("по запросу"));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode body = Snapshots.JSON.readTree(found.body());
        assertThat(body.get("documents").asInt()).isPositive();
        body.get("results").forEach(r -> assertThat(r.get("schoolId").asString()).isEqualTo("api-a"));
        assertThat(body.get("results").get(0).get("occurrences").valueStream()
                .map(o -> o.get("fullName").asString())).contains(pupilA);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.api' AND action = 'search'"
                + " AND query_text = ? AND purpose = 'по запросу'").param("school=api-a name=" + pupilA)
                .query(Integer.class).single()).isEqualTo(1);

        for (String other : List.of("/api/v1/search?name=" + enc(pupilB),
                "/api/v1/search?school=api-b&name=" + enc(pupilB), "/api/v1/search?school=api-b")) {
            HttpResponse<String> nothing = send(other);
            assertThat(nothing.statusCode()).as(other).isEqualTo(200);
            assertThat(Snapshots.JSON.readTree(nothing.body()).get("documents").asInt()).as(other).isZero();
            assertThat(nothing.body()).doesNotContain("api-b");
        }
    }

    @Test
    void aBadQueryIsAProblemNamingEachFieldInRussian() throws Exception {
        HttpResponse<String> bad = send("/api/v1/search?year=2024/2026&class=" + enc("5 a") + "&limit=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = Snapshots.JSON.readTree(bad.body());
        assertThat(problem.get("type").asString()).endsWith("/invalid-search");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("year", "class", "limit");
        problem.get("errors").forEach(e -> assertThat(e.get("reason").asString()).containsPattern("[а-яё]{4,}"));

        HttpResponse<String> empty = send("/api/v1/search");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Snapshots.JSON.readTree(empty.body()).get("errors").get(0).get("reason").asString())
                .startsWith("Укажите хотя бы одно условие поиска");
    }

    @Test
    void aDocumentItsVerificationAndItsVerifiedContentForTheCallersSchoolOnly() throws Exception {
        ArchivedDocument mine = journal("api-a", 0);
        HttpResponse<String> document = send("/api/v1/documents/" + mine.id());
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        JsonNode d = Snapshots.JSON.readTree(document.body());
        assertThat(d.get("schoolId").asString()).isEqualTo("api-a");
        assertThat(d.get("retention").get("eligibleForDestructionFrom").asString()).isEqualTo("2031-01-01");
        assertThat(d.get("retention").get("termYears").asInt()).isEqualTo(5);
        assertThat(d.get("replicas").valueStream().map(r -> r.get("location").asString()))
                .contains("site-a", "site-b");
        assertThat(d.get("versions")).hasSize(1);

        HttpResponse<String> verification = send("/api/v1/documents/" + mine.id() + "/verification");
        assertThat(verification.statusCode()).isEqualTo(200);
        JsonNode v = Snapshots.JSON.readTree(verification.body());
        assertThat(v.get("allIntact").asBoolean()).isTrue();
        assertThat(v.get("replicas").size()).isEqualTo(mine.objects().stream().mapToInt(o -> o.replicas().size())
                .sum());

        HttpResponse<byte[]> content = sendBytes("/api/v1/documents/" + mine.id() + "/content?purpose="
                + enc("справка") + "&requester=" + enc("бывший ученик"));
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(CanonicalJson.sha256(content.body()))
                .isEqualTo(mine.object(ArchivedDocument.ROLE_PDF).orElseThrow().sha256());
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.api' AND action = 'retrieve'"
                + " AND document_id = ? AND requester = 'бывший ученик'").param(mine.id())
                .query(Integer.class).single()).isEqualTo(1);

        HttpResponse<String> noPurpose = send("/api/v1/documents/" + mine.id() + "/content");
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(Snapshots.JSON.readTree(noPurpose.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("purpose");

        ArchivedDocument theirs = journal("api-b", 0);
        for (String path : List.of("/api/v1/documents/" + theirs.id(),
                "/api/v1/documents/" + theirs.id() + "/verification",
                "/api/v1/documents/" + theirs.id() + "/content?purpose=x",
                "/api/v1/documents/" + UUID.randomUUID(), "/api/v1/documents/not-an-id/verification")) {
            HttpResponse<String> hidden = send(path);
            assertThat(hidden.statusCode()).as(path).isEqualTo(404);
            assertThat(hidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(hidden.body()).doesNotContain("api-b");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE document_id = ? AND action IN ('retrieve', 'open')")
                .param(theirs.id()).query(Integer.class).single()).isZero();

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/search?name=x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aDocumentWithNoIntactReplicaIsNeverHandedOut() throws Exception {
        ArchivedDocument damaged = journal("api-a", 1);
        ArchivedDocument.ArchivedObject pdf = damaged.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        for (ArchivedDocument.Replica replica : pdf.replicas()) {
            Path file = Path.of(locations.get(replica.location()).describe(pdf.key()));
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(file, bytes);
        }
        HttpResponse<String> refused = send("/api/v1/documents/" + damaged.id() + "/content?purpose=" + enc("справка"));
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = Snapshots.JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).endsWith("/no-intact-replica");
        assertThat(problem.get("detail").asString()).startsWith("Ни одна копия документа не прошла проверку");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE actor = 'archivist.api'"
                + " AND action = 'retrieve-failed' AND document_id = ?").param(damaged.id())
                .query(Integer.class).single()).isEqualTo(1);

        // The nightly audit finds it; the verification endpoint then reports the damage per replica.
        new Cli(context).run("audit", "--full");
        JsonNode v = Snapshots.JSON.readTree(send("/api/v1/documents/" + damaged.id() + "/verification").body());
        assertThat(v.get("allIntact").asBoolean()).isFalse();
        assertThat(v.get("replicas").valueStream().filter(r -> r.get("role").asString().equals("pdf"))
                .map(r -> r.get("lastCheck").asString())).containsOnly("damaged").hasSize(2);
    }

    private ArchivedDocument journal(String school, int index) {
        return registry.list(new DocumentQuery(school, null, null, null)).stream()
                .filter(d -> d.documentType().equals("class-journal")).toList().get(index);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("archivist.api:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> sendBytes(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
