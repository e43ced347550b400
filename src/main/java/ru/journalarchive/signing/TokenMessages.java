package ru.journalarchive.signing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Formats the user-facing messages of tokens, the demo PKI and trust anchors from
 * {@code i18n/signing-tokens.properties} (UTF-8, Russian by default); works without Spring.
 */
final class TokenMessages {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/signing-tokens", Locale.ROOT);

    private TokenMessages() {
    }

    static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), RUSSIAN).format(arguments);
    }
}
