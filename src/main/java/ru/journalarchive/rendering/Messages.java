package ru.journalarchive.rendering;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The Russian texts of the rendered journal, looked up in the {@code i18n/rendering} bundle. */
final class Messages {

    /** The journal is a Russian school document: always rendered in Russian. */
    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    /**
     * The text for {@code key} (without the {@code rendering.} prefix). Arguments are passed as strings so
     * that MessageFormat never formats numbers or dates by locale (which could differ between JVMs).
     */
    String get(String key, String... args) {
        return source.getMessage("rendering." + key, args.length == 0 ? null : args, RUSSIAN);
    }
}
