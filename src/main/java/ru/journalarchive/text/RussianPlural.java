package ru.journalarchive.text;

import java.util.Locale;

/**
 * Chooses the Russian plural form of a noun after a number: «1 дело, 21 дело», «2–4 дела, 22 дела», «5–20 дел,
 * 11–14 дел, 25 дел, 0 дел» (the CLDR rules for Russian integers: one, few, many). The words themselves live in the
 * message bundles, one key per form ({@code ….one}, {@code ….few}, {@code ….many}).
 */
public final class RussianPlural {

    /** A plural form, with the suffix of its message key. */
    public enum Form {
        /** Ends in 1 but not 11: «1 год, 21 дело». */
        ONE,
        /** Ends in 2–4 but not 12–14: «3 года, 24 дела». */
        FEW,
        /** Everything else: «5 лет, 11 дел, 0 дел». */
        MANY;

        /** The suffix of the message key of this form: {@code one}, {@code few}, {@code many}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private RussianPlural() {
    }

    /** The form that follows {@code n}. */
    public static Form of(long n) {
        long abs = Math.abs(n);
        long lastTwo = abs % 100;
        long last = abs % 10;
        if (last == 1 && lastTwo != 11) {
            return Form.ONE;
        }
        if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return Form.FEW;
        }
        return Form.MANY;
    }

    /** One of the three words, the one that follows {@code n}: {@code choose(3, "дело", "дела", "дел")} is «дела». */
    public static String choose(long n, String one, String few, String many) {
        return switch (of(n)) {
            case ONE -> one;
            case FEW -> few;
            case MANY -> many;
        };
    }
}
