package ru.journalarchive.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.SnapshotReader;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.ClassSpec;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator.Options;

/** A generated year is four valid snapshots that agree with each other. */
class SyntheticYearTest {

    static final List<ClassSpec> SCHOOL = List.of(new ClassSpec("1А", 1, 8, 0), new ClassSpec("5А", 5, 24, 0),
            new ClassSpec("9А", 9, 22, 0), new ClassSpec("11А", 11, 18, 0));

    static byte[] snapshot(String quarter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticSchoolGenerator.writeYear(new Options(72, 3, "sosh-12", "2024/2025", quarter), SCHOOL, false, out);
        return out.toByteArray();
    }

    @Test
    void everySnapshotOfTheYearIsValidAndRepeatsTheEarlierFinalMarksUnchanged() {
        SnapshotReader reader = SnapshotReader.withDefaults();
        Map<String, String> first = new HashMap<>();
        for (String quarter : List.of("Q1", "Q2", "Q3", "Q4")) {
            Snapshot snapshot = reader.read(new ByteArrayInputStream(snapshot(quarter)));
            for (Snapshot.SchoolClass c : snapshot.classes()) {
                for (Snapshot.FinalMark f : c.finalMarks()) {
                    String key = c.id() + "|" + f.student() + "|" + f.subject() + "|" + f.period();
                    String seen = first.putIfAbsent(key, f.value() + f.enteredAt());
                    assertThat(seen == null || seen.equals(f.value() + f.enteredAt())).as(key).isTrue();
                }
            }
            List<String> periods = snapshot.classes().stream().map(c -> c.period().id()).toList();
            switch (quarter) {
                case "Q1" -> assertThat(periods).containsExactly("Q1", "Q1", "Q1");
                case "Q2" -> assertThat(periods).containsExactly("Q2", "Q2", "Q2", "H1");
                case "Q3" -> assertThat(periods).containsExactly("Q3", "Q3", "Q3");
                default -> assertThat(periods).containsExactly("Q4", "Q4", "Q4", "H2");
            }
        }
        Snapshot last = reader.read(new ByteArrayInputStream(snapshot("Q4")));
        Snapshot.SchoolClass ninth = last.classes().stream().filter(c -> c.grade() == 9).findFirst().orElseThrow();
        assertThat(ninth.finalMarks()).extracting(Snapshot.FinalMark::period)
                .contains("Q1", "Q2", "Q3", "Q4", "Y", "E", "F");
        Snapshot.SchoolClass eleventh = last.classes().stream().filter(c -> c.grade() == 11).findFirst().orElseThrow();
        assertThat(eleventh.finalMarks()).extracting(Snapshot.FinalMark::period).contains("H1", "H2", "Y", "E", "F")
                .doesNotContain("Q1");
    }

    @Test
    void theSameOptionsGiveTheSameBytes() {
        assertThat(snapshot("Q3")).isEqualTo(snapshot("Q3"));
    }
}
