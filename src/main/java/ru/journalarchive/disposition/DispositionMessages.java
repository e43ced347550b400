package ru.journalarchive.disposition;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Formats the disposition module's staff-facing texts from {@code i18n/disposition.properties} and
 * {@code i18n/disposition2.properties} (Russian, UTF-8). */
final class DispositionMessages {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/disposition", Locale.ROOT);
    /** The texts added by the hardening of disposition (cancel, plurals, refusals), kept apart to merge cleanly. */
    private static final ResourceBundle MORE = ResourceBundle.getBundle("i18n/disposition2", Locale.ROOT);

    private DispositionMessages() {
    }

    static String get(String key, Object... args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            shown[i] = shown[i] == null ? "—" : shown[i].toString(); // never format numbers or dates by locale
        }
        String pattern = MORE.containsKey(key) ? MORE.getString(key) : BUNDLE.getString(key);
        return new MessageFormat(pattern, RUSSIAN).format(shown);
    }
}
