package ru.journalarchive.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader refuses control, direction-override and damaged characters in every string of a snapshot (values and
 * keys) naming the JSON path, allows tab and line breaks in a lesson's topic only, and stays linear on an object of
 * 100,000 unknown keys.
 */
class RefusedCharactersAndBigObjectsTest {

    private static final byte[] EXAMPLE = read();

    private static byte[] read() {
        try {
            return Files.readAllBytes(Path.of("archive-format/examples/example-school.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example with the first occurrence of {@code from} replaced by {@code to} (raw JSON text). */
    private static byte[] replace(String from, String to) {
        String text = new String(EXAMPLE, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static SnapshotRejectedException rejected(byte[] bytes) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> SnapshotReader.withDefaults().read(new ByteArrayInputStream(bytes)));
        assertThat(t).isInstanceOf(SnapshotRejectedException.class);
        return (SnapshotRejectedException) t;
    }

    @ParameterizedTest(name = "escaped {0} in a teacher''s name")
    @ValueSource(strings = {"\\u0000", "\\u001b", "\\u0085", "\\u202e", "\\u2066", "\\u200f", "\\ufeff", "\\ud800",
            "\\udfff", "\\t", "\\n"})
    void aRefusedCharacterInANameIsNamedByItsPathInRussian(String escape) {
        SnapshotRejectedException e = rejected(replace("\"Горбунова Алиса", "\"Горбунова" + escape + " Алиса"));

        assertThat(e.violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("$.teachers[0].fullName");
            assertThat(v.message()).containsPattern("[а-я]{4,}").contains("U+").contains("позиция 10");
        });
        assertThat(e.getMessage()).doesNotContain("\u0000", "\u202e", "\u001b");
    }

    @Test
    void aLoneSurrogateInRawInvalidUtf8IsRefusedAsNotUtf8() {
        // ED A0 80 is U+D800 encoded as if it were a character: not UTF-8.
        byte[] bytes = replace("\"Горбунова Алиса", "\"Горбунова@ Алиса");
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('@');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.write(bytes, at + 1, bytes.length - at - 1);

        SnapshotRejectedException e = rejected(out.toByteArray());

        // The strict decoder stops at the bad bytes, ahead of the parser: the file as a whole is named, with a line.
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$");
            assertThat(v.message()).contains("UTF-8").contains("строка");
        });
    }

    @Test
    void anOverrideInAnObjectKeyIsNamedWithTheKeyEscaped() {
        SnapshotRejectedException e = rejected(replace("\"shortName\":", "\"x-\\u202eeman\": 1, \"shortName\":"));

        assertThat(e.violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("$.school['x-\\u202Eeman']");
            assertThat(v.message()).startsWith("в имени поля").contains("U+202E");
        });
        e.violations().forEach(v -> assertThat(v.toString()).doesNotContain("\u202e"));
    }

    @Test
    void tabAndNewlineAreAllowedInALessonTopicButNulIsNot() {
        Snapshot ok = SnapshotReader.withDefaults().read(new ByteArrayInputStream(
                replace("\"Басни И. А. Крылова\"", "\"Басни\\tИ. А. Крылова\\r\\nчтение\"")));
        assertThat(ok.classes()).isNotEmpty();

        SnapshotRejectedException e = rejected(replace("\"Басни И. А. Крылова\"", "\"Басни\\u0000\""));
        assertThat(e.violations()).anySatisfy(v -> assertThat(v.path()).matches(
                "\\$\\.classes\\[\\d+]\\.lessons\\[\\d+]\\.topic"));
    }

    @ParameterizedTest(name = "{0} unknown keys")
    @ValueSource(ints = {40_000, 100_000})
    void manyUnknownKeysAreRefusedInLinearTimeWithABoundedList(int keys) {
        StringBuilder extra = new StringBuilder("\"shortName\":");
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            json.append("\"k").append(i).append("\": 0, ");
        }
        byte[] bytes = replace("\"shortName\":", json + extra.toString());

        SnapshotRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(bytes));

        assertThat(e.total()).isEqualTo(keys);
        assertThat(e.violations()).hasSizeLessThanOrEqualTo(SemanticRules.MAX_VIOLATIONS + 1);
        assertThat(e.shown()).hasSize(SnapshotRejectedException.SHOWN);
        assertThat(e.notShown()).isEqualTo(keys - SnapshotRejectedException.SHOWN);
        assertThat(e.shown().get(0).path()).isEqualTo("$.school.k0");
        assertThat(e.violations().get(e.violations().size() - 1).message()).contains(String.valueOf(keys - 10_000));
        assertThat(e.getMessage().length()).isLessThan(64 * 1024);
    }
}
