package ru.journalarchive.regulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.journalarchive.regulations.RegulationProfile.Custody;
import ru.journalarchive.regulations.RegulationProfile.PaperRegime;
import ru.journalarchive.regulations.RegulationProfile.PeriodSystem;

/** The shipped profiles say what the five seed regulations say, and a bad profile stops loading naming file and field. */
class RegulationsTest {

    private static final Path SHIPPED = Path.of("school-regulations");

    @TempDir
    Path folder;

    @Test
    void everySeedHasItsProfileAndSchoolsFollowTheDefaultUnlessBound() {
        Regulations regulations = Regulations.shipped(Map.of("college-1", "seed-003-college"));
        assertThat(regulations.all()).extracting(RegulationProfile::id).containsExactly("seed-000-five-day",
                "seed-001-electronic-only", "seed-002-yearly", "seed-003-college", "seed-004-on-demand");
        assertThat(regulations.forSchool("sosh-7").id()).isEqualTo("seed-000-five-day");
        assertThat(regulations.forSchool("college-1").isCollege()).isTrue();
    }

    @Test
    void seed000HasQuartersAndHalfYearsAFiveDayCloseWithoutGradeOneAndTheMarkDeadlinesOfSection2_4() {
        RegulationProfile p = Regulations.shipped(Map.of()).get("seed-000-five-day");
        assertThat(p.periodSystemOf(5)).contains(PeriodSystem.QUARTERS);
        assertThat(p.periodSystemOf(10)).contains(PeriodSystem.HALF_YEARS);
        assertThat(p.paper().regime()).isEqualTo(PaperRegime.FIVE_DAY_PER_PERIOD);
        assertThat(p.paper().requiresPaper("class-journal", 1)).isFalse();
        assertThat(p.paper().requiresPaper("class-journal", 2)).isTrue();
        assertThat(p.paper().requiresPaper("summary-statement", 5)).isFalse();
        assertThat(p.paper().backups().media()).containsExactly("optical", "hdd");
        assertThat(p.marks().deadlineFor("У", 5)).hasValueSatisfying(d -> assertThat(d.daysAfterLesson()).isEqualTo(1));
        assertThat(p.marks().deadlineFor(" устный ответ", 11)).hasValueSatisfying(
                d -> assertThat(d.daysAfterLesson()).isEqualTo(1));
        assertThat(p.marks().deadlineFor("КР", 9)).hasValueSatisfying(d -> assertThat(d.daysAfterLesson()).isEqualTo(7));
        assertThat(p.marks().deadlineFor(null, 10)).hasValueSatisfying(d -> assertThat(d.daysAfterLesson()).isEqualTo(10));
        assertThat(p.marks().deadlineFor("КР", 1)).isEmpty();
        // By the end of the day after the lesson, in the school's zone.
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        assertThat(p.marks().deadlineFor("У", 5).orElseThrow().dueAt(LocalDate.of(2024, 9, 2), moscow).toLocalDateTime())
                .isEqualTo(LocalDate.of(2024, 9, 3).atTime(23, 59, 59, 999_999_999));
    }

    @Test
    void theOtherSeedsDifferAsTheirRegulationsDo() {
        Regulations regulations = Regulations.shipped(Map.of());
        RegulationProfile electronic = regulations.get("seed-001-electronic-only");
        assertThat(electronic.paper().regime()).isEqualTo(PaperRegime.NONE);
        assertThat(electronic.paper().requiresPaper("class-journal", 5)).isFalse();
        assertThat(electronic.marks().allows("зч")).isFalse();
        assertThat(electronic.marks().deadlineFor("Сочинение", 11).orElseThrow().daysAfterLesson()).isEqualTo(14);
        assertThat(electronic.marks().deadlineFor("Сочинение", 9).orElseThrow().daysAfterLesson()).isEqualTo(7);

        RegulationProfile yearly = regulations.get("seed-002-yearly");
        assertThat(yearly.paper().requiresPaper("summary-statement", 9)).isTrue();
        assertThat(yearly.paper().yearlyDueDate("2024/2025")).contains(LocalDate.of(2025, 6, 30));

        RegulationProfile college = regulations.get("seed-003-college");
        assertThat(college.periodSystemOf(1)).contains(PeriodSystem.SEMESTERS);
        assertThat(college.paper().custody()).isEqualTo(Custody.CLASS_TEACHER_UNTIL_GRADUATION);
        assertThat(college.paper().requiresPaper("class-journal", 1)).isTrue();

        RegulationProfile onDemand = regulations.get("seed-004-on-demand");
        assertThat(onDemand.paper().hasDeadlines()).isFalse();
        assertThat(onDemand.timeZone()).isEqualTo(ZoneId.of("Asia/Novokuznetsk"));
        var due = onDemand.marks().deadlineFor("У", 7).orElseThrow().dueAt(LocalDate.of(2024, 9, 2),
                onDemand.timeZone());
        assertThat(due.toLocalDateTime()).isEqualTo(LocalDate.of(2024, 9, 2).atTime(19, 0));
        assertThat(onDemand.marks().finalMarkDaysBeforePeriodEnd()).isEqualTo(2);
    }

    @Test
    void aSchemaViolationNamesTheFileTheFieldAndTheReason() throws IOException {
        copyShipped();
        edit("seed-000-five-day.yaml", "regime: five-day-per-period", "regime: weekly");
        assertThatThrownBy(() -> Regulations.load(folder.toUri().toString(), "seed-000-five-day", Map.of()))
                .isInstanceOfSatisfying(RegulationException.class, e -> {
                    assertThat(e.file()).endsWith("seed-000-five-day.yaml");
                    assertThat(e.field()).isEqualTo("paper.regime");
                    assertThat(e.getMessage()).contains("seed-000-five-day.yaml", "«paper.regime»");
                });
    }

    @Test
    void rulesTheSchemaCannotSayAreCheckedToo() throws IOException {
        copyShipped();
        edit("seed-000-five-day.yaml", "grades: { from: 10, to: 11 }        # §4", "grades: { from: 9, to: 11 } # §4");
        assertRefused("periods[1].grades", "пересекаются");
        copyShipped();
        edit("seed-000-five-day.yaml", "{ step: subject-signed, day: 3 }", "{ step: subject-signed }");
        assertRefused("paper.steps[1].day", "должен быть день");
        copyShipped();
        edit("seed-000-five-day.yaml", "timeZone: Europe/Moscow", "timeZone: Europe/Nowhere");
        assertRefused("timeZone", "часовой пояс");
        copyShipped();
        edit("seed-001-electronic-only.yaml", "regime: none", "regime: none\n  grades: { from: 2, to: 11 }");
        assertRefused("paper.grades", "лишнее");
        copyShipped();
        edit("seed-000-five-day.yaml", "custody: registry", "custody: class-teacher-until-graduation");
        assertRefused("paper.custody", "только у колледжа");
    }

    @Test
    void aSchoolBoundToAnUnknownProfileStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> Regulations.shipped(Map.of("sosh-7", "seed-009")))
                .isInstanceOfSatisfying(RegulationException.class, e -> {
                    assertThat(e.field()).isEqualTo("archive.regulations.schools.sosh-7");
                    assertThat(e.getMessage()).contains("seed-009", "seed-000-five-day");
                });
        assertThatThrownBy(() -> Regulations.load(RegulationsProperties.SHIPPED, "nothing", Map.of()))
                .isInstanceOf(RegulationException.class).hasMessageContaining("archive.regulations.default");
    }

    private void assertRefused(String field, String reason) {
        assertThatThrownBy(() -> Regulations.load(folder.toUri().toString(), "seed-000-five-day", Map.of()))
                .isInstanceOfSatisfying(RegulationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    private void copyShipped() throws IOException {
        try (var files = Files.list(SHIPPED)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
