package ru.journalarchive.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes generated snapshots (fictional schools) and mutated copies of them for tests.
 */
public final class Snapshots {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Snapshots() {
    }

    /** A generated school of {@code pupils} pupils closing Q1 of 2024/2025. */
    public static Path generate(Path dir, String schoolId, int pupils, long seed) throws IOException {
        return generate(dir, schoolId, pupils, seed, "2024/2025");
    }

    /**
     * A generated school of {@code pupils} pupils closing Q1 of an academic year, e.g. {@code 2019/2020}: its class
     * journals may be destroyed from 1 January 2026, so a destruction act of today may hold them.
     */
    public static Path generate(Path dir, String schoolId, int pupils, long seed, String academicYear)
            throws IOException {
        Path file = dir.resolve(schoolId + "-" + seed + ".json");
        try (OutputStream out = Files.newOutputStream(file)) {
            SyntheticSchoolGenerator.write(new SyntheticSchoolGenerator.Options(pupils, seed, schoolId, academicYear,
                    "Q1"), out);
        }
        return file;
    }

    /** A copy of a snapshot with one change applied to its JSON tree. */
    public static Path mutate(Path source, Path target, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(source.toFile());
        change.accept(tree);
        Files.write(target, JSON.writeValueAsBytes(tree));
        return target;
    }

    /** The index in {@code classes} of the first class above grade 1 that has marks. */
    public static int indexOfMarkedClass(ObjectNode snapshot) {
        int i = 0;
        for (JsonNode c : snapshot.get("classes")) {
            if (c.get("grade").asInt() > 1 && !c.get("marks").isEmpty()) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("no class with marks");
    }

    /** The first class above grade 1 that has marks. */
    public static ObjectNode markedClass(ObjectNode snapshot) {
        return (ObjectNode) snapshot.get("classes").get(indexOfMarkedClass(snapshot));
    }

    /** The index in {@code classes} of the first class of a grade. */
    public static int indexOfGrade(ObjectNode snapshot, int grade) {
        int i = 0;
        for (JsonNode c : snapshot.get("classes")) {
            if (c.get("grade").asInt() == grade) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("no class of grade " + grade);
    }

    /** The first class of a grade. */
    public static ObjectNode classOfGrade(ObjectNode snapshot, int grade) {
        for (JsonNode c : snapshot.get("classes")) {
            if (c.get("grade").asInt() == grade) {
                return (ObjectNode) c;
            }
        }
        throw new IllegalStateException("no class of grade " + grade);
    }
}
