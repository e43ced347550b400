package ru.journalarchive.cli;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The staff-facing texts of the command line, from the {@code i18n/cli} bundle (Russian by default).
 */
@Component
class Messages {

    private final MessageSource source;
    private final Locale locale;

    Messages(MessageSource source) {
        this.source = source;
        this.locale = Locale.forLanguageTag(System.getProperty("archive.locale", "ru"));
    }

    /** The message source behind the texts, for texts worded by another module's API. */
    MessageSource source() {
        return source;
    }

    String get(String key, Object... args) {
        return source.getMessage(key, args, locale);
    }
}
