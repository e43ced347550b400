package ru.journalarchive.registryjournal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Formats the registry journal's Russian texts from {@code i18n/registry-journal.properties}; works without Spring,
 * because the identity check may fail before the message source is of any use.
 */
public final class JournalTexts {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/registry-journal", Locale.ROOT);

    private JournalTexts() {
    }

    /** The text of {@code key} with its arguments. */
    public static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), RUSSIAN).format(arguments);
    }
}
