package ru.journalarchive.signing;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The Russian texts of the signing module, looked up in the {@code i18n/signing} bundle without Spring's context. */
final class SigningMessages {

    /** The stamp and the verification report are read by Russian school staff: always Russian. */
    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

    static {
        SOURCE.setBasename("i18n/signing");
        SOURCE.setDefaultEncoding("UTF-8");
        SOURCE.setFallbackToSystemLocale(false);
    }

    private SigningMessages() {
    }

    /** The text for {@code key} (without the {@code signing.} prefix); arguments are strings, never localised. */
    static String get(String key, String... args) {
        return SOURCE.getMessage("signing." + key, args.length == 0 ? null : args, RUSSIAN);
    }
}
