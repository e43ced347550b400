package ru.journalarchive.regulations;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Formats the regulations module's messages from {@code i18n/regulations.properties} (UTF-8, Russian); works without
 * Spring so that profiles load in plain tests and tools.
 */
final class RegulationMessages {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/regulations", Locale.ROOT);

    private RegulationMessages() {
    }

    static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), RUSSIAN).format(arguments);
    }
}
