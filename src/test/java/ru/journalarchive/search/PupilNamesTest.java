package ru.journalarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalised form of names: the same for the index and for what the archivist types. */
class PupilNamesTest {

    @Test
    void caseYoSpacesAndDecomposedLettersAllNormaliseToTheSameName() {
        assertThat(PupilNames.normalise("  Семёнов   Иван\u00A0Петрович ")).isEqualTo("семенов иван петрович");
        assertThat(PupilNames.normalise("СЕМЁНОВ ИВАН ПЕТРОВИЧ")).isEqualTo("семенов иван петрович");
        // «ё» typed as «е» + combining diaeresis (U+0308) is the same letter.
        assertThat(PupilNames.normalise("Семе\u0308нов")).isEqualTo("семенов");
        assertThat(PupilNames.normalise(null)).isEmpty();
    }

    @Test
    void wordsSplitAtSpacesHyphensAndDotsButKeepApostrophes() {
        assertThat(PupilNames.words("Римская-Корсакова Ё. Д'Артаньян")).containsExactly("римская", "корсакова", "е",
                "д'артаньян");
        assertThat(PupilNames.words(" ... ")).isEmpty();
    }

    @Test
    void thePrefixUpperBoundIsTheFirstStringAfterEveryStringWithThatPrefix() {
        assertThat(PupilNames.prefixUpperBound("семен")).isEqualTo("семео");
        assertThat("семенов".compareTo(PupilNames.prefixUpperBound("семен"))).isNegative();
        assertThat("семео".compareTo(PupilNames.prefixUpperBound("семен"))).isZero();
    }

    @Test
    void everyTypedWordMustStartSomeWordOfTheName() {
        List<String> name = PupilNames.words("Семёнов Иван Петрович");
        assertThat(PupilNames.everyWordStartsAWordOf(List.of("семен", "и"), name)).isTrue();
        assertThat(PupilNames.everyWordStartsAWordOf(List.of("петр", "сем"), name)).isTrue();
        assertThat(PupilNames.everyWordStartsAWordOf(List.of("менов"), name)).isFalse();
        assertThat(PupilNames.everyWordStartsAWordOf(List.of("семенов", "а"), name)).isFalse();
    }
}
