package ru.journalarchive.text;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the characters that no text received by the archive may hold: control characters, lone UTF-16 surrogates,
 * characters that reorder or hide text, and Unicode noncharacters. One rule for the snapshot reader, the web
 * interface, the API and the command line (see {@code docs/input-limits.md}).
 *
 * <p>Refused everywhere: C0 controls (U+0000–U+001F) except where a line break is allowed, DEL and C1 controls
 * (U+007F–U+009F), a surrogate not in a valid pair, the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), the direction marks (U+200E, U+200F, U+061C), the invisible zero-width space,
 * word joiner and byte order mark (U+200B, U+2060, U+FEFF), and U+FFFE, U+FFFF. In multi-line text (a lesson's
 * topic, a reason) tab, line feed, carriage return and U+2028/U+2029 are allowed; elsewhere they are refused too.
 * Zero-width (non-)joiners U+200C/U+200D are allowed: scripts and emoji need them and they reorder nothing.
 */
public final class UnsafeCharacters {

    /** What kind of character was found; its Russian text lives in {@code i18n/input-hygiene}. */
    public enum Kind {
        /** A control character: NUL, ESC, DEL, a C1 control. */
        CONTROL,
        /** Tab or a line break where the text is a single line (an id, a name, a date). */
        LINE_BREAK,
        /** Half of a UTF-16 surrogate pair without its other half: a damaged character. */
        LONE_SURROGATE,
        /** A character that changes the direction of text (override, embedding, isolate, mark). */
        BIDI,
        /** An invisible character: zero-width space, word joiner, byte order mark. */
        INVISIBLE,
        /** A Unicode noncharacter (U+FFFE, U+FFFF). */
        NONCHARACTER;

        /** The message key of this kind: {@code input.unsafe.control}, {@code input.unsafe.lone-surrogate} … */
        public String messageKey() {
            return "input.unsafe." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One refused character.
     *
     * @param kind     what it is
     * @param code     its code (for a lone surrogate, the surrogate itself)
     * @param position its position in the text, counted in characters from 1
     */
    public record Found(Kind kind, int code, int position) {

        /** The code as people write it: {@code U+202E}. */
        public String codePoint() {
            return String.format(Locale.ROOT, "U+%04X", code);
        }
    }

    private UnsafeCharacters() {
    }

    /** The first refused character of {@code text} (null is fine), with line breaks allowed if {@code multiLine}. */
    public static Optional<Found> find(String text, boolean multiLine) {
        if (text == null) {
            return Optional.empty();
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // Fast path: printable ASCII and the whole Cyrillic block are always fine.
            if ((c >= 0x20 && c < 0x7F) || (c >= 0x0400 && c <= 0x04FF)) {
                continue;
            }
            Kind kind = kindOf(text, i, c, multiLine);
            if (kind != null) {
                return Optional.of(new Found(kind, c, i + 1));
            }
            if (Character.isHighSurrogate(c)) {
                i++; // a valid pair: skip its low half
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} holds no refused character. */
    public static boolean isSafe(String text, boolean multiLine) {
        return find(text, multiLine).isEmpty();
    }

    /** {@code text} with every refused character written as {@code \}{@code uXXXX}: safe to print or to log. */
    public static String escape(String text) {
        if (text == null || find(text, false).isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (kindOf(text, i, c, false) != null) {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Kind kindOf(String text, int i, char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
            return multiLine ? null : Kind.LINE_BREAK;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return Kind.CONTROL;
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            return paired ? null : Kind.LONE_SURROGATE;
        }
        if (Character.isLowSurrogate(c)) {
            return Kind.LONE_SURROGATE; // a low half not preceded by a high one (a valid pair is skipped whole)
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C) {
            return Kind.BIDI;
        }
        if (c == 0x200B || c == 0x2060 || c == 0xFEFF) {
            return Kind.INVISIBLE;
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return Kind.NONCHARACTER;
        }
        return null;
    }
}
