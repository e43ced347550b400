package ru.journalarchive.rendering;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The Russian texts of the rendered journal, looked up in the {@code i18n/rendering} bundle; for a college's
 * documents the college's wording of {@code i18n/college} ({@code rendering.college.<key>}: «группа», «курс»,
 * «семестр», «классный руководитель группы») where it has one.
 */
final class Messages {

    /** The journal is a Russian school document: always rendered in Russian. */
    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private final MessageSource source;
    private final boolean college;

    Messages(MessageSource source) {
        this(source, false);
    }

    private Messages(MessageSource source, boolean college) {
        this.source = source;
        this.college = college;
    }

    /** The same texts in a college's wording. */
    Messages forCollege() {
        return new Messages(source, true);
    }

    /** Whether these are a college's texts. */
    boolean college() {
        return college;
    }

    /**
     * The text for {@code key} (without the {@code rendering.} prefix). Arguments are passed as strings so
     * that MessageFormat never formats numbers or dates by locale (which could differ between JVMs).
     */
    String get(String key, String... args) {
        return get(college, key, args);
    }

    /** The text for {@code key}, in a college's wording when {@code collegeText} and the bundle has one. */
    String get(boolean collegeText, String key, String... args) {
        Object[] values = args.length == 0 ? null : args;
        if (collegeText || college) {
            String text = source.getMessage("rendering.college." + key, values, null, RUSSIAN);
            if (text != null) {
                return text;
            }
        }
        return source.getMessage("rendering." + key, values, RUSSIAN);
    }
}
