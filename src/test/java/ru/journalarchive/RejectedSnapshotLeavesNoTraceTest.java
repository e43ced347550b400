package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every kind of bad snapshot is rejected by {@code import} with exit code 2, a Russian message naming the JSON
 * path, and not one row or file written.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectedSnapshotLeavesNoTraceTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageLocations locations;

    @TempDir
    static Path tmp;

    static Path valid;

    @BeforeAll
    static void generate() throws IOException {
        valid = Snapshots.generate(tmp, "rejects", 60, 3L);
    }

    static Stream<Arguments> badSnapshots() {
        return Stream.of(
                bad("an unknown reference", s -> {
                    mark(s).put("student", "st-nobody");
                    return markedClassPath(s) + ".marks[0].student";
                }),
                bad("a mark outside the scale", s -> {
                    mark(s).put("value", "6");
                    return markedClassPath(s) + ".marks[0].value";
                }),
                bad("a lesson outside the period", s -> {
                    ((ObjectNode) Snapshots.markedClass(s).get("lessons").get(0)).put("date", "2025-03-03");
                    return markedClassPath(s) + ".lessons[0].date";
                }),
                bad("marks in grade 1", s -> {
                    ObjectNode grade1 = Snapshots.classOfGrade(s, 1);
                    ObjectNode m = ((ArrayNode) grade1.get("marks")).addObject();
                    m.put("student", grade1.get("students").get(0).get("id").asString());
                    m.put("lesson", grade1.get("lessons").get(0).get("id").asString());
                    m.put("value", "5");
                    return "$.classes[" + Snapshots.indexOfGrade(s, 1) + "].marks";
                }),
                bad("a duplicate id", s -> {
                    ((ObjectNode) s.get("teachers").get(1)).put("id", s.get("teachers").get(0).get("id").asString());
                    return "$.teachers[1].id";
                }),
                bad("an impossible date", s -> {
                    ((ObjectNode) Snapshots.markedClass(s).get("period")).put("end", "2024-02-30");
                    return markedClassPath(s) + ".period.end";
                }),
                bad("a wrong format tag", s -> {
                    s.put("format", "journal-snapshot/2");
                    return "$.format";
                }),
                bad("an id that looks like a path", s -> {
                    ((ObjectNode) s.get("school")).put("id", "../../etc/passwd");
                    return "$.school.id";
                }),
                bad("a 5 MB string", s -> {
                    ((ObjectNode) Snapshots.markedClass(s).get("lessons").get(0))
                            .put("topic", "а".repeat(5 * 1024 * 1024));
                    return markedClassPath(s) + ".lessons[0].topic";
                }));
    }

    private static Arguments bad(String what, Function<ObjectNode, String> change) {
        return Arguments.of(what, change);
    }

    private static String markedClassPath(ObjectNode snapshot) {
        return "$.classes[" + Snapshots.indexOfMarkedClass(snapshot) + "]";
    }

    private static ObjectNode mark(ObjectNode snapshot) {
        return (ObjectNode) Snapshots.markedClass(snapshot).get("marks").get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSnapshots")
    void isRejectedNamingThePathWithNothingStored(String what, Function<ObjectNode, String> change)
            throws IOException {
        String[] path = new String[1];
        Path file = Snapshots.mutate(valid, tmp.resolve(what.replace(' ', '-') + ".json"),
                s -> path[0] = change.apply(s));
        assertRejected(file, path[0]);
    }

    @ParameterizedTest(name = "truncated JSON")
    @MethodSource("truncations")
    void truncatedJsonIsRejectedWithNothingStored(int keep) throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        Path file = tmp.resolve("truncated-" + keep + ".json");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length * keep / 100));
        assertRejected(file, "$");
    }

    static Stream<Integer> truncations() {
        return Stream.of(50, 99);
    }

    private void assertRejected(Path file, String path) throws IOException {
        Map<String, Long> rowsBefore = rows();
        List<Path> filesBefore = files();

        Cli.Result result = new Cli(context).run("import", file.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(path).containsPattern("[а-яА-ЯёЁ]{4,}").contains("отклонён");
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(files()).isEqualTo(filesBefore);
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        for (String table : List.of("snapshot_import", "snapshot_import_class", "frozen_journal", "archived_document",
                "archived_object", "replica", "batch_job_instance")) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (StorageLocation location : locations.all()) {
            try (Stream<Path> walk = Files.walk(Path.of(location.description()))) {
                walk.filter(p -> !p.toString().contains("/objects/registry")).sorted().forEach(files::add); // registry journal
            }
        }
        return files;
    }
}
