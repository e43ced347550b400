package ru.journalarchive.snapshot;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import ru.journalarchive.text.UnsafeCharacters;

/** Russian texts of the snapshot import, keyed in {@code i18n/snapshot.properties} and {@code i18n/input-hygiene}. */
final class Messages {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    /** A message source of the snapshot bundle alone, for use without Spring. */
    static MessageSource standalone() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("i18n/snapshot", "i18n/input-hygiene");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }

    /** The message for {@code key}; arguments are passed as plain strings, so numbers get no digit grouping. */
    String get(String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return source.getMessage("snapshot." + key, texts, RUSSIAN);
    }

    /** The message for a key of the shared input-hygiene bundle ({@code input.…}), arguments as plain strings. */
    String input(String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return source.getMessage(key, texts, RUSSIAN);
    }

    /**
     * A value short enough to quote in a message, cut with an ellipsis otherwise; refused characters (controls,
     * direction overrides …) are shown escaped (backslash, u, four hex digits) so that a message never carries them.
     */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
        return UnsafeCharacters.escape(shown);
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
