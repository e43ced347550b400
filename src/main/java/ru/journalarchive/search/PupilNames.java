package ru.journalarchive.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised form of a pupil's name, the same for the index and for a query: Unicode NFC, lower case, «ё» as
 * «е», whitespace (including no-break spaces) collapsed to one space, trimmed; and its words for prefix search
 * (split at anything that is not a letter, a digit or an apostrophe: spaces, hyphens, dots).
 */
public final class PupilNames {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    private PupilNames() {
    }

    /** «  Семёнов   Иван » → «семенов иван». */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ").strip();
    }

    /** The words of a name, normalised: «Римская-Корсакова Ё.» → [римская, корсакова, е]. */
    public static List<String> words(String name) {
        return Arrays.stream(NOT_WORD.split(normalise(name))).filter(w -> !w.isEmpty()).toList();
    }

    /** Whether every word typed starts some word of the name (both normalised words). */
    static boolean everyWordStartsAWordOf(List<String> typed, List<String> nameWords) {
        return typed.stream().allMatch(t -> nameWords.stream().anyMatch(w -> w.startsWith(t)));
    }

    /** The first string after every string that starts with {@code prefix}, in code-point order (COLLATE "C"). */
    static String prefixUpperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }
}
