package ru.journalarchive.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.Options;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generator is deterministic, realistic in shape, and streams large schools. */
class SyntheticSchoolGeneratorTest {

    private static byte[] generate(Options options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticSchoolGenerator.write(options, out);
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherSchool() {
        Options options = new Options(60, 11, "sosh-3", "2024/2025", "Q1");

        assertThat(generate(options)).isEqualTo(generate(options));
        assertThat(generate(new Options(60, 12, "sosh-3", "2024/2025", "Q1"))).isNotEqualTo(generate(options));
    }

    @Test
    void pupilsAreSpreadOverAllElevenGradesInClassesOfAboutTwentyFive() {
        List<SyntheticSchoolGenerator.ClassSpec> classes = SyntheticSchoolGenerator.layout(1000);

        assertThat(classes).hasSize(40);
        assertThat(classes).extracting(SyntheticSchoolGenerator.ClassSpec::grade)
                .containsAll(IntStream.rangeClosed(1, 11).boxed().toList());
        assertThat(classes.stream().mapToInt(SyntheticSchoolGenerator.ClassSpec::pupils).sum()).isEqualTo(1000);
        assertThat(classes).allSatisfy(c -> assertThat(c.pupils()).isEqualTo(25));
        assertThat(classes).extracting(SyntheticSchoolGenerator.ClassSpec::name).doesNotHaveDuplicates();
    }

    @Test
    void theFourthQuarterClosesHalfYearsForTheSeniorGradesAndCarriesYearMarks() {
        JsonNode school = JsonMapper.shared().readTree(generate(new Options(300, 5, "sosh-5", "2024/2025", "Q4")));

        for (JsonNode c : school.get("classes")) {
            int grade = c.get("grade").intValue();
            assertThat(c.at("/period/id").stringValue()).isEqualTo(grade >= 10 ? "H2" : "Q4");
            List<String> periods = c.get("finalMarks").valueStream().map(f -> f.get("period").stringValue())
                    .distinct().toList();
            assertThat(periods).isEqualTo(grade == 1 ? List.of() : List.of(grade >= 10 ? "H2" : "Q4", "Y"));
        }
    }

    @Test
    void aJournalLooksLikeARealOne() {
        JsonNode school = JsonMapper.shared().readTree(generate(new Options(100, 1, "sosh-1", "2024/2025", "Q2")));
        JsonNode fourth = school.get("classes").get(1);

        long lessonDays = fourth.get("lessons").valueStream().map(l -> l.get("date").stringValue()).distinct().count();
        assertThat(fourth.get("lessons").size() / (double) lessonDays).isBetween(4.0, 7.0);
        assertThat(fourth.get("marks").size() / (double) fourth.get("lessons").size()).isBetween(2.0, 12.0);
        assertThat(fourth.get("groups").size()).isEqualTo(2);
        assertThat(fourth.get("marks").valueStream().map(m -> m.get("workType").stringValue()).distinct().toList())
                .contains("КР", "СР", "Д", "У");
        assertThat(fourth.get("attendance").valueStream().map(a -> a.get("code").stringValue()).distinct().toList())
                .contains("Б", "Н");
        assertThat(school.get("classes").get(0).get("marks").size()).as("no marks in grade 1").isZero();
    }

    @Test
    void namesAgreeInGender() {
        assertThat(Names.feminine("Петров")).isEqualTo("Петрова");
        assertThat(Names.feminine("Ильин")).isEqualTo("Ильина");
        assertThat(Names.feminine("Троицкий")).isEqualTo("Троицкая");
        assertThat(Names.feminine("Шевченко")).isEqualTo("Шевченко");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            assertThat(Names.fullName(random, true)).matches(".+ .+ .+на");
            assertThat(Names.fullName(random, false)).matches(".+ .+ .+ич");
        }
    }

    @Test
    void aSchoolOfTenThousandPupilsIsStreamedWithoutHoldingItInMemory() {
        CountingStream out = new CountingStream();
        long started = System.nanoTime();
        SyntheticSchoolGenerator.write(new Options(10_000, 9, "sosh-99", "2024/2025", "Q1"), out);
        System.out.printf("Generated a 10000-pupil snapshot of %.1f MB in %d ms%n", out.count / 1e6,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(out.count).isGreaterThan(50_000_000L);
    }

    /** Counts bytes and keeps none of them. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
