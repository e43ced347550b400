package ru.journalarchive.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The college part of {@code journal-snapshot/1}: {@code school.kind} «college», courses 1–5 with marks from course 1,
 * semesters H1/H2 and the group's {@code lastCourse}, each refused by JSON path with a Russian reason when wrong.
 */
class CollegeSnapshotTest {

    private static final Path COLLEGE = Path.of("archive-format/examples/example-college.json");

    private final SnapshotReader reader = SnapshotReader.withDefaults();

    @Test
    void theCollegeExampleIsAcceptedWithMarksInCourseOneAndItsFieldsReachTheClassJournals() {
        Snapshot college = reader.read(COLLEGE);

        assertThat(college.school().isCollege()).isTrue();
        Snapshot.SchoolClass first = college.classes().get(0);
        assertThat(first.grade()).isEqualTo(1);
        assertThat(first.marks()).isNotEmpty();
        assertThat(first.lastCourse()).isEqualTo(4);
        List<ClassJournal> journals = ClassJournals.of(college);
        assertThat(journals).allSatisfy(j -> {
            assertThat(j.school().kind()).isEqualTo("college");
            assertThat(j.schoolClass().lastCourse()).isEqualTo(4);
        });
    }

    @Test
    void marksInCourseOneOfACollegeAreNotTheGradeOneRuleButWithoutTheKindTheyAre() {
        ObjectNode school = tree();
        ((ObjectNode) school.get("school")).remove("kind");
        groups(school).forEach(c -> ((ObjectNode) c).remove("lastCourse"));

        assertThat(rejected(school)).extracting(Violation::path)
                .contains("$.classes[0].marks", "$.classes[0].finalMarks");
    }

    @Test
    void aCourseAboveFiveIsRefusedNamingTheGrade() {
        ObjectNode college = tree();
        group(college, 1).put("grade", 6).put("lastCourse", 5);

        assertThat(rejected(college)).containsExactly(new Violation("$.classes[1].grade",
                "в колледже номер курса от 1 до 5, а указан 6"));
    }

    @Test
    void aLastCourseBelowTheGroupsCourseIsRefused() {
        ObjectNode college = tree();
        group(college, 1).put("lastCourse", 3);

        assertThat(rejected(college)).containsExactly(new Violation("$.classes[1].lastCourse",
                "курс выпуска 3 меньше курса группы 4"));
    }

    @Test
    void aLastCourseInASchoolIsRefused() {
        ObjectNode school = (ObjectNode) Snapshots.tree();
        ((ObjectNode) school.withArray("classes").get(1)).put("lastCourse", 5);

        assertThat(rejected(school)).containsExactly(new Violation("$.classes[1].lastCourse",
                "курс выпуска (lastCourse) указывается только для групп колледжа (school.kind = «college»), а это школа"));
    }

    @Test
    void aLastCourseOutsideOneToFiveIsRefusedByTheSchema() {
        ObjectNode college = tree();
        group(college, 0).put("lastCourse", 7);

        assertThat(rejected(college)).extracting(Violation::path).containsExactly("$.classes[0].lastCourse");
    }

    @Test
    void anUnknownKindIsRefusedByTheSchema() {
        ObjectNode college = tree();
        ((ObjectNode) college.get("school")).put("kind", "university");

        assertThat(rejected(college)).extracting(Violation::path).contains("$.school.kind");
    }

    @Test
    void aCollegeReportsBySemestersNotQuarters() {
        ObjectNode college = tree();
        ((ObjectNode) group(college, 0).get("period")).put("id", "Q4");

        assertThat(rejected(college)).extracting(Violation::path).contains("$.classes[0].period.id");
        assertThat(rejected(college)).extracting(Violation::message)
                .contains("в колледже периоды — семестры H1 и H2, а указан «Q4»");
    }

    private static ObjectNode tree() {
        return (ObjectNode) Snapshots.JSON.readTree(COLLEGE.toFile());
    }

    private static tools.jackson.databind.node.ArrayNode groups(ObjectNode tree) {
        return tree.withArray("classes");
    }

    private static ObjectNode group(ObjectNode tree, int index) {
        return (ObjectNode) groups(tree).get(index);
    }

    private List<Violation> rejected(ObjectNode tree) {
        SnapshotRejectedException e = catchThrowableOfType(SnapshotRejectedException.class,
                () -> reader.read(Snapshots.bytes(tree)));
        assertThat(e).as("the snapshot should have been rejected").isNotNull();
        return e.violations();
    }
}
