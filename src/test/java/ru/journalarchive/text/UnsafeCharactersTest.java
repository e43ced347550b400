package ru.journalarchive.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one character rule: what is refused, what multi-line text may hold, and how refused characters are shown. */
class UnsafeCharactersTest {

    @ParameterizedTest(name = "U+{0} is {1}")
    @CsvSource({"0000, CONTROL", "001B, CONTROL", "007F, CONTROL", "0085, CONTROL", "202E, BIDI", "202A, BIDI",
            "2066, BIDI", "2069, BIDI", "200F, BIDI", "061C, BIDI", "200B, INVISIBLE", "FEFF, INVISIBLE",
            "FFFF, NONCHARACTER", "D800, LONE_SURROGATE", "DFFF, LONE_SURROGATE", "0009, LINE_BREAK",
            "000A, LINE_BREAK"})
    void aRefusedCharacterIsFoundWithItsKindAndPosition(String hex, UnsafeCharacters.Kind kind) {
        String text = "Иванов" + (char) Integer.parseInt(hex, 16) + " Пётр";

        assertThat(UnsafeCharacters.find(text, false)).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo(kind);
            assertThat(found.position()).isEqualTo(7);
            assertThat(found.codePoint()).isEqualTo("U+" + hex);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Иванов Пётр Сергеевич", "Ёлкина-Смит O'Brien", "Öztürk Ayşe", "محمد", "日本語",
            "emoji 👩‍🏫 with ZWJ", "math ∑ ≤ ≥", "5А", "2024/2025", ""})
    void ordinaryTextOfAnyScriptPasses(String text) {
        assertThat(UnsafeCharacters.isSafe(text, false)).isTrue();
    }

    @Test
    void tabAndLineBreaksPassOnlyInMultiLineText() {
        String topic = "Дроби:\tсложение\r\nи вычитание\u2028";

        assertThat(UnsafeCharacters.isSafe(topic, true)).isTrue();
        assertThat(UnsafeCharacters.isSafe(topic, false)).isFalse();
        assertThat(UnsafeCharacters.isSafe("Дроби\u0000", true)).isFalse();
    }

    @Test
    void aLowSurrogateBeforeItsHighHalfIsStillRefused() {
        assertThat(UnsafeCharacters.find("a\uDC00\uD800b", false)).hasValueSatisfying(found ->
                assertThat(found.kind()).isEqualTo(UnsafeCharacters.Kind.LONE_SURROGATE));
    }

    @Test
    void escapeShowsRefusedCharactersAndKeepsTheRest() {
        assertThat(UnsafeCharacters.escape("Иван\u202Eов\u0000 👩‍🏫")).isEqualTo("Иван\\u202Eов\\u0000 👩‍🏫");
        assertThat(UnsafeCharacters.escape("Иванов")).isEqualTo("Иванов");
        assertThat(UnsafeCharacters.escape(null)).isNull();
    }
}
