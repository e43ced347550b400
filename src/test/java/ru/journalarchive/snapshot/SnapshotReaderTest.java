package ru.journalarchive.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.node.ObjectNode;

/** What the import accepts, and how it explains, in Russian and by JSON path, what it refuses. */
class SnapshotReaderTest {

    private static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");

    private final SnapshotReader reader = SnapshotReader.withDefaults();

    @Test
    void theDocumentedExampleIsAcceptedAndCutIntoFourClassJournals() {
        Snapshot snapshot = reader.read(EXAMPLE);

        assertThat(snapshot.format()).isEqualTo(Snapshot.FORMAT);
        assertThat(snapshot.school().shortName()).isEqualTo("МБОУ «СОШ № 7»");
        assertThat(snapshot.classes()).extracting(Snapshot.SchoolClass::name).containsExactly("1А", "5А", "9Б", "10А");
        assertThat(snapshot.classes().get(3).period().id()).isEqualTo("H1");
        assertThat(ClassJournals.of(snapshot)).hasSize(4)
                .allSatisfy(j -> assertThat(j.format()).isEqualTo(ClassJournal.FORMAT));
    }

    @Test
    void generatedSchoolsOfOneHundredAndOneThousandPupilsAreAccepted() {
        Snapshot small = reader.read(new ByteArrayInputStream(Snapshots.school(100)));
        assertThat(small.classes().stream().mapToInt(c -> c.students().size()).sum()).isEqualTo(100);

        byte[] large = Snapshots.school(1000);
        long started = System.nanoTime();
        Snapshot snapshot = reader.read(new ByteArrayInputStream(large));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Read and validated a 1000-pupil snapshot (%d classes, %.1f MB) in %d ms%n",
                snapshot.classes().size(), large.length / 1e6, millis);
        assertThat(snapshot.classes().stream().mapToInt(c -> c.students().size()).sum()).isEqualTo(1000);
        assertThat(snapshot.classes()).extracting(Snapshot.SchoolClass::grade).contains(1, 5, 9, 10, 11);
    }

    @Test
    void aReferenceToAnUnknownTeacherIsRejectedAtItsPath() {
        ObjectNode tree = Snapshots.tree();
        lesson(tree, 1, 0).put("teacher", "t-9999");

        assertThat(rejected(tree)).containsExactly(new Violation("$.classes[1].lessons[0].teacher",
                "учитель «t-9999» не найден в списке учителей (teachers)"));
    }

    @Test
    void aMarkOutsideTheGradingScaleIsRejected() {
        ObjectNode tree = Snapshots.tree();
        ((ObjectNode) schoolClass(tree, 1).withArray("marks").get(0)).put("value", "6");

        assertThat(rejected(tree)).containsExactly(new Violation("$.classes[1].marks[0].value",
                "отметка «6» не входит в шкалу отметок (1, 2, 3, 4, 5, зч, нз, н/а, осв)"));
    }

    @Test
    void aLessonOutsideTheClassPeriodIsRejected() {
        ObjectNode tree = Snapshots.tree();
        lesson(tree, 1, 0).put("date", "2024-10-01");

        assertThat(rejected(tree)).containsExactly(new Violation("$.classes[1].lessons[0].date",
                "урок 2024-10-01 вне периода класса (2024-11-05 – 2024-12-27)"));
    }

    @Test
    void marksInTheFirstGradeAreRejected() {
        ObjectNode tree = Snapshots.tree();
        ObjectNode firstGrade = schoolClass(tree, 0);
        assertThat(firstGrade.get("grade").intValue()).isEqualTo(1);
        ObjectNode mark = firstGrade.withArray("marks").addObject();
        mark.put("student", firstGrade.withArray("students").get(0).get("id").stringValue());
        mark.put("lesson", firstGrade.withArray("lessons").get(0).get("id").stringValue());
        mark.put("value", "5").put("workType", "У").put("enteredAt", "2024-11-05T14:00:00+03:00");
        mark.put("enteredBy", firstGrade.get("classTeacher").stringValue());

        assertThat(rejected(tree)).containsExactly(
                new Violation("$.classes[0].marks", "в 1 классе отметки не выставляются, а в выгрузке их 1"));
    }

    @Test
    void aDuplicateIdIsRejectedNamingWhereItFirstOccurs() {
        ObjectNode tree = Snapshots.tree();
        tree.withArray("teachers").add(tree.withArray("teachers").get(0).deepCopy());
        int last = tree.withArray("teachers").size() - 1;

        assertThat(rejected(tree)).containsExactly(new Violation("$.teachers[" + last + "].id",
                "идентификатор «t-0001» повторяется: он уже есть в $.teachers[0]"));
    }

    @Test
    void anImpossibleDateIsRejected() {
        ObjectNode tree = Snapshots.tree();
        lesson(tree, 2, 3).put("date", "2024-11-31");

        assertThat(rejected(tree)).containsExactly(
                new Violation("$.classes[2].lessons[3].date", "несуществующая дата «2024-11-31»"));
    }

    @Test
    void truncatedJsonIsRejectedWithLineAndColumn() {
        byte[] whole = Snapshots.smallSchool();
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        List<Violation> violations = rejected(new ByteArrayInputStream(cut));

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).path()).startsWith("$.classes[");
        assertThat(violations.get(0).message()).startsWith("JSON-документ оборван").contains("строка 1, столбец");
    }

    @Test
    void aWrongFormatTagIsRejected() {
        ObjectNode tree = Snapshots.tree();
        tree.put("format", "journal-snapshot/2");

        assertThat(rejected(tree)).containsExactly(new Violation("$.format",
                "неверный формат документа «journal-snapshot/2»: ожидается «journal-snapshot/1»"));
    }

    @Test
    void anIdThatLooksLikeAPathIsRejected() {
        ObjectNode tree = Snapshots.tree();
        ((ObjectNode) tree.get("school")).put("id", "../../etc");

        assertThat(rejected(tree)).containsExactly(new Violation("$.school.id",
                "недопустимый идентификатор «../../etc»: допускаются от 1 до 64 символов A–Z, a–z, 0–9, «.», «_», «-»"));
    }

    @Test
    void aFiveMegabyteStringIsRefusedWhileParsingAtItsPath() {
        ObjectNode tree = Snapshots.tree();
        lesson(tree, 0, 0).put("topic", "x".repeat(5 * 1024 * 1024));

        assertThat(rejected(tree)).containsExactly(new Violation("$.classes[0].lessons[0].topic",
                "строка длиннее допустимых 20000 символов"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("snapshot.json"), Snapshots.smallSchool());
        SnapshotReader strict = SnapshotReader.with(new SnapshotProperties(DataSize.ofKilobytes(64), 20_000, 32));

        SnapshotRejectedException e = catchThrowableOfType(SnapshotRejectedException.class, () -> strict.read(file));

        assertThat(e.violations()).hasSize(1);
        assertThat(e.violations().get(0).path()).isEqualTo("$");
        assertThat(e.violations().get(0).message()).contains("больше допустимых 64 КБ");
    }

    @Test
    void aStreamLongerThanTheSizeLimitIsCutOffWhileParsing() {
        SnapshotReader strict = SnapshotReader.with(new SnapshotProperties(DataSize.ofKilobytes(64), 20_000, 32));

        assertThat(rejected(strict, new ByteArrayInputStream(Snapshots.smallSchool())))
                .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("документ больше допустимых 64 КБ"));
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() {
        byte[] bytes = Snapshots.smallSchool();
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\"name\"") + 9;
        bytes[at] = (byte) 0xFF;

        assertThat(rejected(new ByteArrayInputStream(bytes))).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("файл не в кодировке UTF-8"));
    }

    @Test
    void aSnapshotWithSeveralErrorsListsEveryOneOfThemInRussian() {
        ObjectNode tree = Snapshots.tree();
        tree.put("format", "journal-snapshot/2");
        lesson(tree, 1, 0).put("teacher", "t-9999");
        ((ObjectNode) schoolClass(tree, 1).withArray("marks").get(0)).put("value", "6");
        ((ObjectNode) schoolClass(tree, 2).withArray("students").get(0)).put("left", "2024-02-30");
        ((ObjectNode) schoolClass(tree, 3).get("period")).remove("end");

        SnapshotRejectedException e = catchThrowableOfType(SnapshotRejectedException.class,
                () -> reader.read(Snapshots.bytes(tree)));

        assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder("$.format",
                "$.classes[1].lessons[0].teacher", "$.classes[1].marks[0].value", "$.classes[2].students[0].left",
                "$.classes[3].period.end");
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).containsPattern("\\p{IsCyrillic}"));
        assertThat(e.getMessage().lines()).hasSize(5).contains("$.classes[3].period.end: обязательное поле отсутствует");
    }

    @Test
    void aMarkForAPupilOutsideTheLessonsGroupOrBeforeArrivalIsRejected() {
        ObjectNode tree = Snapshots.tree();
        ObjectNode fourth = schoolClass(tree, 1);
        ObjectNode group = (ObjectNode) fourth.withArray("groups").get(1);
        String outsider = fourth.withArray("groups").get(0).get("students").get(0).stringValue();
        String groupLesson = null;
        for (var lesson : fourth.withArray("lessons")) {
            if (group.get("id").stringValue().equals(lesson.path("group").asString(null))) {
                groupLesson = lesson.get("id").stringValue();
                break;
            }
        }
        ObjectNode mark = (ObjectNode) fourth.withArray("marks").get(0);
        mark.put("student", outsider).put("lesson", groupLesson);
        ((ObjectNode) fourth.withArray("students").get(0)).put("enrolled", "2024-12-26");

        List<Violation> violations = rejected(tree);

        assertThat(violations).extracting(Violation::path).contains("$.classes[1].marks[0].student");
        assertThat(violations).extracting(Violation::message)
                .anyMatch(m -> m.contains("не входит в группу «" + group.get("id").stringValue() + "»"))
                .anyMatch(m -> m.contains("а он прибыл в класс только 2024-12-26"));
    }

    @Test
    void noMessageRepeatsAPupilsName() {
        ObjectNode tree = Snapshots.tree();
        ObjectNode student = (ObjectNode) schoolClass(tree, 1).withArray("students").get(0);
        String name = student.get("fullName").stringValue();
        student.put("enrolled", "2025-13-01").putNull("fullName");

        assertThatThrownBy(() -> reader.read(Snapshots.bytes(tree)))
                .isInstanceOf(SnapshotRejectedException.class)
                .hasMessageContaining("$.classes[1].students[0].fullName")
                .hasMessageContaining("$.classes[1].students[0].enrolled")
                .hasMessageNotContaining(name);
    }

    @Test
    void aMissingListIsReportedOnceRatherThanAsEveryReferenceIntoIt() {
        ObjectNode tree = Snapshots.tree();
        tree.remove("subjects");
        schoolClass(tree, 2).remove("students");

        assertThat(rejected(tree)).containsExactlyInAnyOrder(
                new Violation("$.subjects", "обязательное поле отсутствует"),
                new Violation("$.classes[2].students", "обязательное поле отсутствует"));
    }

    private static ObjectNode schoolClass(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("classes").get(index);
    }

    private static ObjectNode lesson(ObjectNode tree, int classIndex, int lessonIndex) {
        return (ObjectNode) schoolClass(tree, classIndex).withArray("lessons").get(lessonIndex);
    }

    private List<Violation> rejected(ObjectNode tree) {
        return rejected(Snapshots.bytes(tree));
    }

    private List<Violation> rejected(ByteArrayInputStream in) {
        return rejected(reader, in);
    }

    private static List<Violation> rejected(SnapshotReader reader, ByteArrayInputStream in) {
        SnapshotRejectedException e = catchThrowableOfType(SnapshotRejectedException.class, () -> reader.read(in));
        assertThat(e).as("the snapshot should have been rejected").isNotNull();
        return e.violations();
    }
}
