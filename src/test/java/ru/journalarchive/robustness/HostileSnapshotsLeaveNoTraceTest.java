package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.registryjournal.RegistryJournal;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A snapshot with NUL, a lone surrogate or a right-to-left override in a pupil's name, a class name, an object key
 * or a lesson topic is refused by {@code import} (exit 2) and by the API (422), naming the JSON path in Russian, with
 * not one row or file written; tab and line breaks in a lesson topic are accepted; 40,000 and 100,000 unknown keys
 * are refused quickly with a bounded answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSnapshotsLeaveNoTraceTest {

    static final String SCHOOL = "hostile-a";
    static final String BAD = "@@BAD@@";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageLocations locations;
    @Autowired
    ApiKeys apiKeys;

    @TempDir
    static Path tmp;

    static Path valid;
    String key;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void aValidSnapshotAndAKey() throws IOException {
        valid = Snapshots.generate(tmp, SCHOOL, 30, 5L);
        key = apiKeys.create(SCHOOL, "Сетевой город");
    }

    /** What to break (a JSON text with {@link #BAD} where the raw escape goes) and the path to be named. */
    static Stream<Arguments> hostile() {
        return Stream.of(
                bad("NUL in a pupil's name", "\\u0000", s -> {
                    ObjectNode pupil = (ObjectNode) Snapshots.markedClass(s).get("students").get(0);
                    pupil.put("fullName", "Иванова" + BAD + " Анна");
                    return classPath(s) + ".students[0].fullName";
                }),
                bad("a lone surrogate in a pupil's name", "\\ud800", s -> {
                    ObjectNode pupil = (ObjectNode) Snapshots.markedClass(s).get("students").get(1);
                    pupil.put("fullName", "Петров" + BAD + " Олег");
                    return classPath(s) + ".students[1].fullName";
                }),
                bad("RLO in a pupil's name", "\\u202e", s -> {
                    ObjectNode pupil = (ObjectNode) Snapshots.markedClass(s).get("students").get(0);
                    pupil.put("fullName", "Сидорова " + BAD + "анна");
                    return classPath(s) + ".students[0].fullName";
                }),
                bad("a lone surrogate in a class name", "\\udc00", s -> {
                    Snapshots.markedClass(s).put("name", "5" + BAD + "А");
                    return classPath(s) + ".name";
                }),
                bad("RLO in an object key", "\\u202e", s -> {
                    ((ObjectNode) s.get("school")).put("x-note" + BAD + "gnp", "1");
                    return "$.school['x-note\\u202Egnp']";
                }),
                bad("NUL in a lesson topic", "\\u0000", s -> {
                    ((ObjectNode) Snapshots.markedClass(s).get("lessons").get(0)).put("topic", "Дроби" + BAD);
                    return classPath(s) + ".lessons[0].topic";
                }));
    }

    private static Arguments bad(String what, String escape, Function<ObjectNode, String> change) {
        return Arguments.of(what, escape, change);
    }

    private static String classPath(ObjectNode snapshot) {
        return "$.classes[" + Snapshots.indexOfMarkedClass(snapshot) + "]";
    }

    /** The valid snapshot with {@code change} applied and {@link #BAD} replaced by a raw JSON escape. */
    private static Path broken(String what, String escape, Function<ObjectNode, String> change, String[] path)
            throws IOException {
        Path file = Snapshots.mutate(valid, tmp.resolve(what.replaceAll("[^a-zA-Z]", "-") + ".json"),
                s -> path[0] = change.apply(s));
        Files.writeString(file, Files.readString(file).replace(BAD, escape));
        return file;
    }

    @ParameterizedTest(name = "import: {0}")
    @MethodSource("hostile")
    void importRefusesItWithExit2NamingThePathAndWritesNothing(String what, String escape,
            Function<ObjectNode, String> change) throws IOException {
        String[] path = new String[1];
        Path file = broken(what, escape, change, path);
        Map<String, Long> rowsBefore = rows();
        List<Path> filesBefore = files();

        Cli.Result result = new Cli(context).run("import", file.toString());
        shipped();

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(path[0] + ": ").contains("отклонён").containsPattern("U\\+[0-9A-F]{4}");
        assertThat(result.err()).doesNotContain("\u0000", "\u202e");
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(files()).isEqualTo(filesBefore);
    }

    @ParameterizedTest(name = "API: {0}")
    @MethodSource("hostile")
    void theApiRefusesItWith422NamingThePathAndWritesNothing(String what, String escape,
            Function<ObjectNode, String> change) throws Exception {
        String[] path = new String[1];
        Path file = broken(what, escape, change, path);
        Map<String, Long> rowsBefore = rows();
        List<Path> filesBefore = files();

        HttpResponse<String> answer = upload(Files.readAllBytes(file));
        shipped();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        JsonNode errors = Snapshots.JSON.readTree(answer.body()).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString())).contains(path[0]);
        assertThat(errors.valueStream().filter(e -> e.get("field").asString().equals(path[0]))
                .map(e -> e.get("reason").asString())).allMatch(r -> r.matches(".*[а-я]{4,}.*U\\+[0-9A-F]{4}.*"));
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void tabAndLineBreaksInALessonTopicAreAccepted() throws IOException {
        Path file = Snapshots.mutate(valid, tmp.resolve("multi-line-topic.json"), s -> ((ObjectNode) Snapshots
                .markedClass(s).get("lessons").get(0)).put("topic", "Дроби:\tсложение\r\nи вычитание\n"));

        Cli.Result result = new Cli(context).run("import", file.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }

    @ParameterizedTest(name = "{0} unknown keys")
    @ValueSource(ints = {40_000, 100_000})
    void manyUnknownKeysAreRefusedQuicklyWithABoundedBody(int keys) throws Exception {
        Path file = Snapshots.mutate(valid, tmp.resolve("keys-" + keys + ".json"), s -> {
            ObjectNode school = (ObjectNode) s.get("school");
            for (int i = 0; i < keys; i++) {
                school.put("k" + i, i);
            }
        });
        byte[] body = Files.readAllBytes(file);
        Map<String, Long> rowsBefore = rows();

        // A generous ceiling that catches the quadratic blow-up (47 s for 40,000 keys before), not a speed test.
        long started = System.nanoTime();
        HttpResponse<String> answer = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> upload(body));
        System.out.println("[measure] API upload of " + keys + " unknown keys (" + body.length + " bytes): "
                + (System.nanoTime() - started) / 1_000_000 + " ms, answer " + answer.body().length() + " chars");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
        JsonNode problem = Snapshots.JSON.readTree(answer.body());
        assertThat(problem.get("total").asLong()).isEqualTo(keys);
        assertThat(problem.get("errors").size()).isEqualTo(100);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("$.school.k0");
        assertThat(problem.get("more").asString()).startsWith("… и ещё " + (keys - 100) + " нарушени");
        assertThat(rows()).isEqualTo(rowsBefore);

        Cli.Result cli = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new Cli(context).run("import", file.toString()));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines().count()).isLessThan(110);
        assertThat(cli.err()).contains("… и ещё " + (keys - 100) + " нарушени");
    }

    private HttpResponse<String> upload(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/snapshots"))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("snapshot_import", "snapshot_import_class", "frozen_journal", "archived_document",
                "archived_object", "replica", "batch_job_instance")) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    /** Ships the registry journal now, as the end of a command or the scheduler under serve would. */
    private void shipped() {
        assertThat(context.getBean(RegistryJournal.class).ship().complete()).isTrue();
    }

    /**
     * Every file of every location once the registry journal is shipped (the previous cases' entries and contents
     * included), without the journal's segments: a refused upload is in the access log (recorded, shipped), but
     * nothing of the snapshot is stored — no document, no registry content object.
     */
    private List<Path> files() throws IOException {
        shipped();
        List<Path> files = new ArrayList<>();
        for (StorageLocation location : locations.all()) {
            try (Stream<Path> walk = Files.walk(Path.of(location.description()))) {
                walk.filter(f -> !f.toString().contains("/objects/registry/journal")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
