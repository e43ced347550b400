package ru.journalarchive.snapshot;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Russian texts of the snapshot import, keyed in {@code i18n/snapshot.properties}. */
final class Messages {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    /** A message source of the snapshot bundle alone, for use without Spring. */
    static MessageSource standalone() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/snapshot");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }

    /** The message for {@code key}; arguments are passed as plain strings, so numbers get no digit grouping. */
    String get(String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return source.getMessage("snapshot." + key, texts, RUSSIAN);
    }

    /** A value short enough to quote in a message, cut with an ellipsis otherwise. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** A byte count for people: «200 МБ», «512 КБ» or «100 байт». */
    String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return get("unit.megabytes", bytes / (1024 * 1024));
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return get("unit.kilobytes", bytes / 1024);
        }
        return get("unit.bytes", bytes);
    }
}
