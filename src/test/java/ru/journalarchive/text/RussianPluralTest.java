package ru.journalarchive.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Russian plural forms after a number: 1 дело, 2–4 дела, 5+ дел, 11–14 дел, 21 дело, 22 дела … */
class RussianPluralTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"0, дел", "1, дело", "2, дела", "3, дела", "4, дела", "5, дел", "10, дел", "11, дел", "12, дел",
            "13, дел", "14, дел", "15, дел", "20, дел", "21, дело", "22, дела", "24, дела", "25, дел", "100, дел",
            "101, дело", "102, дела", "111, дел", "112, дел", "114, дел", "121, дело", "1001, дело", "1012, дел"})
    void theNounAfterANumberTakesTheRussianPluralForm(long n, String expected) {
        assertThat(RussianPlural.choose(n, "дело", "дела", "дел")).isEqualTo(expected);
    }
}
