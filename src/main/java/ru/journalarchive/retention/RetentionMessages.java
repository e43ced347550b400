package ru.journalarchive.retention;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Formats the retention module's user-facing messages from {@code i18n/retention.properties} (UTF-8, Russian by
 * default); works without Spring so the policies can be loaded in plain tests and tools.
 */
final class RetentionMessages {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/retention", Locale.ROOT);

    private RetentionMessages() {
    }

    static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), RUSSIAN).format(arguments);
    }
}
