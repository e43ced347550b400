package ru.journalarchive.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionPoliciesTests {

    private static final String VALID = """
            recordClass: class-journal
            title: "Классный журнал"
            termYears: 5
            trigger: end-of-academic-year
            legalBasis: "Приказ Росархива от 20.12.2019 № 236"
            federalListArticle: "ст. 1"
            nomenclatureIndex: "02-05"
            epk: false
            """;

    private static final RetentionPolicies shipped = RetentionPolicies.shipped();

    @TempDir
    Path folder;

    @Test
    void theShippedPoliciesLoadWithTheirTerms() {
        assertThat(shipped.all()).extracting(RetentionPolicy::recordClass)
                .containsExactly("access-log", "backup-use-log", "class-journal", "destruction-act",
                        "summary-statement");
        RetentionPolicy journal = shipped.get("class-journal");
        assertThat(journal.termYears()).isEqualTo(5);
        assertThat(journal.trigger()).isEqualTo(RetentionPolicy.END_OF_ACADEMIC_YEAR);
        assertThat(journal.legalBasis()).contains("Приказ Росархива от 20.12.2019 № 236");
        assertThat(journal.nomenclatureIndex()).isEqualTo("02-05");
        assertThat(journal.epk()).isFalse();
        assertThat(shipped.get("summary-statement").termYears()).isEqualTo(25);
    }

    @Test
    void aClassJournalOf2024To2025MayBeDestroyedFromTheFirstOfJanuary2031() {
        assertThat(shipped.eligibleForDestructionFrom("class-journal", "2024/2025"))
                .isEqualTo(LocalDate.of(2031, 1, 1));
    }

    @Test
    void aSummaryStatementOf2024To2025MayBeDestroyedFromTheFirstOfJanuary2051() {
        assertThat(shipped.eligibleForDestructionFrom("summary-statement", "2024/2025"))
                .isEqualTo(LocalDate.of(2051, 1, 1));
    }

    @Test
    void aDestructionActOf2031MayIncludeThe2024To2025JournalButAnActOf2030MayNot() {
        assertThat(shipped.termExpiredForActDrawnUpIn("class-journal", "2024/2025", 2031)).isTrue();
        assertThat(shipped.termExpiredForActDrawnUpIn("class-journal", "2024/2025", 2030)).isFalse();
    }

    @Test
    void aMalformedAcademicYearIsRejectedWithTheExpectedFormat() {
        for (String bad : new String[] {"2024-2025", "2024/2026", "24/25", "2024", ""}) {
            assertThatThrownBy(() -> shipped.eligibleForDestructionFrom("class-journal", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("«" + bad + "»").hasMessageContaining("ГГГГ/ГГГГ");
        }
    }

    @Test
    void anUnknownRecordClassIsAClearErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> shipped.get("pupil-diary"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Неизвестный класс документов «pupil-diary». Известные классы: access-log, "
                        + "backup-use-log, class-journal, destruction-act, summary-statement.");
    }

    @Test
    void aNegativeTermIsRejectedNamingTheFileAndTheField() throws Exception {
        Files.writeString(folder.resolve("class-journal.yaml"), VALID.replace("termYears: 5", "termYears: -1"));

        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOfSatisfying(RetentionPolicyException.class, e -> {
                    assertThat(e.field()).isEqualTo("termYears");
                    assertThat(e.file()).endsWith("class-journal.yaml");
                })
                .hasMessageContaining("class-journal.yaml").hasMessageContaining("поле «termYears»");
    }

    @Test
    void aMissingLegalBasisIsRejectedNamingTheFileAndTheField() throws Exception {
        Files.writeString(folder.resolve("class-journal.yaml"),
                VALID.replace("legalBasis: \"Приказ Росархива от 20.12.2019 № 236\"\n", ""));

        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOfSatisfying(RetentionPolicyException.class,
                        e -> assertThat(e.field()).isEqualTo("legalBasis"))
                .hasMessageContaining("class-journal.yaml").hasMessageContaining("поле «legalBasis»");
    }

    @Test
    void aPolicyWhoseRecordClassDiffersFromItsFileNameIsRejected() throws Exception {
        Files.writeString(folder.resolve("summary-statement.yaml"), VALID);

        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOf(RetentionPolicyException.class)
                .hasMessageContaining("summary-statement.yaml").hasMessageContaining("recordClass");
    }

    @Test
    void aFileThatIsNotYamlIsRejectedNamingTheFile() throws Exception {
        Files.writeString(folder.resolve("class-journal.yaml"), "recordClass: [unclosed\n");

        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOf(RetentionPolicyException.class).hasMessageContaining("class-journal.yaml");
    }

    @Test
    void aFolderWithoutPoliciesIsRejected() {
        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOf(RetentionPolicyException.class).hasMessageContaining("нет ни одного файла");
    }

    @Test
    void aSchoolMayChangeATermInItsOwnFolderWithoutRebuilding() throws Exception {
        Files.writeString(folder.resolve("class-journal.yaml"), VALID.replace("termYears: 5", "termYears: 6"));

        RetentionPolicies edited = RetentionPolicies.load(folder.toUri().toString());

        assertThat(edited.eligibleForDestructionFrom("class-journal", "2024/2025")).isEqualTo(LocalDate.of(2032, 1, 1));
    }

    @Test
    void destructionActsAreKeptPermanentlyAndNeverBecomeEligible() {
        RetentionPolicy acts = shipped.get("destruction-act");
        assertThat(acts.permanent()).isTrue();
        assertThat(acts.termText()).isEqualTo("постоянно");
        assertThat(shipped.eligibleForDestructionFrom("destruction-act", "2031")).isNull();
        assertThat(shipped.termExpiredForActDrawnUpIn("destruction-act", "2031", 2200)).isFalse();
    }

    @Test
    void aLogOfTheCalendarYear2026With5YearsMayBeDestroyedFromTheFirstOfJanuary2032() {
        assertThat(shipped.get("access-log").trigger()).isEqualTo(RetentionPolicy.END_OF_CALENDAR_YEAR);
        assertThat(shipped.eligibleForDestructionFrom("access-log", "2026")).isEqualTo(LocalDate.of(2032, 1, 1));
        assertThat(shipped.eligibleForDestructionFrom("backup-use-log", "2026")).isEqualTo(LocalDate.of(2032, 1, 1));
        assertThatThrownBy(() -> shipped.eligibleForDestructionFrom("access-log", "2026/2027"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ГГГГ");
    }

    @Test
    void termsReadAsADestructionActPrintsThem() {
        assertThat(shipped.get("class-journal").termText()).isEqualTo("5 лет");
        assertThat(shipped.get("summary-statement").termText()).isEqualTo("25 лет");
        assertThat(withTerm(1).termText()).isEqualTo("1 год");
        assertThat(withTerm(3).termText()).isEqualTo("3 года");
        assertThat(withTerm(11).termText()).isEqualTo("11 лет");
        assertThat(withTerm(21).termText()).isEqualTo("21 год");
        assertThat(withTerm(75).termText()).isEqualTo("75 лет");
    }

    @Test
    void aPermanentPolicyWithATermAndATermlessPolicyThatIsNotPermanentAreBothRejected() throws Exception {
        Files.writeString(folder.resolve("class-journal.yaml"), VALID.replace("termYears: 5", "termYears: 5\npermanent: true"));
        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOf(RetentionPolicyException.class).hasMessageContaining("class-journal.yaml");

        Files.writeString(folder.resolve("class-journal.yaml"), VALID.replace("termYears: 5\n", ""));
        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOfSatisfying(RetentionPolicyException.class,
                        e -> assertThat(e.field()).isEqualTo("termYears"))
                .hasMessageContaining("поле «termYears»");
    }

    @Test
    void anUnknownTriggerIsRejectedNamingTheField() throws Exception {
        Files.writeString(folder.resolve("class-journal.yaml"),
                VALID.replace("end-of-academic-year", "end-of-quarter"));
        assertThatThrownBy(() -> RetentionPolicies.load(folder.toUri().toString()))
                .isInstanceOfSatisfying(RetentionPolicyException.class, e -> assertThat(e.field()).isEqualTo("trigger"));
    }

    private static RetentionPolicy withTerm(int years) {
        return new RetentionPolicy("x", "x", years, RetentionPolicy.END_OF_ACADEMIC_YEAR, "x", "x", "x", false, false);
    }
}
