package ru.journalarchive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Russian texts written onto a medium: the README ({@code backup/README-medium.txt}) and the short phrases of
 * {@code backup/medium.properties}, with {@code ${name}} placeholders filled in.
 */
final class MediumTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private final Properties phrases;
    private final String readme;

    private MediumTexts(Properties phrases, String readme) {
        this.phrases = phrases;
        this.readme = readme;
    }

    static MediumTexts load() {
        Properties phrases = new Properties();
        try (InputStream in = resource("backup/medium.properties");
             InputStream readme = resource("backup/README-medium.txt")) {
            phrases.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new MediumTexts(phrases, new String(readme.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup medium texts", e);
        }
    }

    String readme(Map<String, String> values) {
        return fill(readme, values);
    }

    String phrase(String key, Map<String, String> values) {
        String text = phrases.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("backup/medium.properties has no " + key);
        }
        return fill(text, values);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static InputStream resource(String name) {
        InputStream in = MediumTexts.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }
}
