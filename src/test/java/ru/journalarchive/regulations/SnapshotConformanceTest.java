package ru.journalarchive.regulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.Violation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A snapshot is checked against its school's regulation: the marking scale and the periods of each grade. */
class SnapshotConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Regulations REGULATIONS = Regulations.shipped(Map.of());

    @Test
    void theExampleSchoolConformsToTheFiveDayProfile() {
        assertThat(SnapshotConformance.check(example(tree()), REGULATIONS.get("seed-000-five-day"))).isEmpty();
    }

    @Test
    void aSpecialValueIsRefusedWhereOnlyTheFivePointScaleIsAllowed() {
        ObjectNode tree = tree();
        int c = markedClass(tree);
        ((ObjectNode) tree.get("classes").get(c).get("finalMarks").get(0)).put("value", "зч");
        assertThat(SnapshotConformance.check(example(tree), REGULATIONS.get("seed-000-five-day"))).isEmpty();
        assertThat(SnapshotConformance.check(example(tree), REGULATIONS.get("seed-001-electronic-only")))
                .extracting(Violation::path, v -> v.message().contains("«зч» не входит в шкалу"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.classes[" + c + "].finalMarks[0].value", true));
    }

    @Test
    void aHalfYearInAGradeOfQuartersIsRefusedNamingThePeriodSystem() {
        ObjectNode tree = tree();
        int c = markedClass(tree);
        ObjectNode period = (ObjectNode) tree.get("classes").get(c).get("period");
        period.put("id", "H1");
        assertThat(SnapshotConformance.check(example(tree), REGULATIONS.get("seed-000-five-day")))
                .anySatisfy(v -> {
                    assertThat(v.path()).isEqualTo("$.classes[" + c + "].period.id");
                    assertThat(v.message()).contains("четверти", "Q1, Q2, Q3, Q4");
                });
    }

    private static ObjectNode tree() {
        return (ObjectNode) JSON.readTree(Path.of("archive-format/examples/example-school.json").toFile());
    }

    private static int markedClass(ObjectNode tree) {
        for (int i = 0; i < tree.get("classes").size(); i++) {
            if (tree.get("classes").get(i).get("grade").asInt() > 1
                    && !tree.get("classes").get(i).get("finalMarks").isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("no marked class");
    }

    private static Snapshot example(ObjectNode tree) {
        return JSON.treeToValue(tree, Snapshot.class);
    }
}
