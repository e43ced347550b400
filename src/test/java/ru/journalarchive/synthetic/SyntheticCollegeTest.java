package ru.journalarchive.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.SnapshotReader;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.Options;

/**
 * The generated college: study groups of courses 1–4 with marks from course 1, autumn and spring semesters, the
 * college fields of the contract, accepted by the import; and the school generator's output unchanged by it.
 */
class SyntheticCollegeTest {

    private static byte[] write(Options options, boolean year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (year) {
            SyntheticSchoolGenerator.writeYear(options, out);
        } else {
            SyntheticSchoolGenerator.write(options, out);
        }
        return out.toByteArray();
    }

    private static Snapshot read(byte[] json) {
        return SnapshotReader.withDefaults().read(new ByteArrayInputStream(json));
    }

    @Test
    void theAutumnSemesterOfACollegeHasGroupsOfEveryCourseWithMarksFromCourseOne() {
        Snapshot college = read(write(Options.college(100, 3, "college-3", "2024/2025", "H1"), false));

        assertThat(college.school().isCollege()).isTrue();
        assertThat(college.school().shortName()).isEqualTo("ГБПОУ «ПК № 3»");
        assertThat(college.classes()).extracting(Snapshot.SchoolClass::name)
                .containsExactly("ТМ-11", "ТМ-21", "ТМ-31", "ТМ-41");
        assertThat(college.classes()).extracting(Snapshot.SchoolClass::grade).containsExactly(1, 2, 3, 4);
        assertThat(college.classes()).allSatisfy(c -> {
            assertThat(c.lastCourse()).isEqualTo(4);
            assertThat(c.period().id()).isEqualTo("H1");
            assertThat(c.period().name()).isEqualTo("1 семестр");
            assertThat(c.period().start()).isEqualTo(LocalDate.of(2024, 9, 2));
            assertThat(c.period().end().getMonthValue()).isEqualTo(12);
            assertThat(c.marks()).isNotEmpty();
            assertThat(c.finalMarks()).extracting(Snapshot.FinalMark::period).containsOnly("H1");
        });
    }

    @Test
    void theFullYearSpringSemesterRepeatsTheAutumnMarksAndAddsTheYearsMarks() {
        byte[] autumn = write(Options.college(100, 3, "college-3", "2024/2025", "H1"), true);
        Snapshot spring = read(write(Options.college(100, 3, "college-3", "2024/2025", "H2"), true));

        assertThat(spring.classes()).allSatisfy(c -> {
            assertThat(c.period().id()).isEqualTo("H2");
            assertThat(c.period().name()).isEqualTo("2 семестр");
            assertThat(c.period().start().getMonthValue()).isEqualTo(1);
            assertThat(c.period().end().getMonthValue()).isEqualTo(6);
            assertThat(c.finalMarks()).extracting(Snapshot.FinalMark::period).contains("H1", "H2", "Y")
                    .doesNotContain("E", "F");
        });
        Snapshot.SchoolClass firstCourseInAutumn = read(autumn).classes().get(0);
        Snapshot.SchoolClass firstCourseInSpring = spring.classes().get(0);
        List<Snapshot.FinalMark> repeated = firstCourseInSpring.finalMarks().stream()
                .filter(f -> f.period().equals("H1")).toList();
        assertThat(firstCourseInAutumn.finalMarks()).containsAll(repeated);
    }

    @Test
    void aCollegeClosesSemestersOnly() {
        assertThatThrownBy(() -> Options.college(100, 3, "college-3", "2024/2025", "Q1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Options(100, 3, "college-3", "2024/2025", "Q3", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSchoolGeneratorWritesTheSameBytesAsBeforeColleges() {
        // SHA-256 of the output before the college generator existed (same options): single snapshot and year.
        Options options = new Options(400, 3, "sosh-3", "2024/2025", "Q2");

        assertThat(CanonicalJson.sha256(write(options, false)))
                .isEqualTo("ccea3895de076bfe9f105be278187abade79bc09236b071c6501c9d08db799ad");
        assertThat(CanonicalJson.sha256(write(options, true)))
                .isEqualTo("440a90d98c8ab69665c557a3ef6ae1846a3b000cdd13817691b4cc41cb13f659");
        assertThat(CanonicalJson.sha256(write(new Options(400, 3, "sosh-3", "2024/2025", "Q4"), true)))
                .isEqualTo("dbc6804f930f21d357062b90458156acd094e03340c0803d8fb537d33b7db7ae");
    }
}
