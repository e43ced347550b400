package ru.journalarchive.database;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Formats the database module's Russian messages from {@code i18n/database.properties}; works without Spring, so the
 * start-up failure reporter can use it when there is no context.
 */
final class DatabaseMessages {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/database", Locale.ROOT);

    private DatabaseMessages() {
    }

    static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), RUSSIAN).format(arguments);
    }
}
