package ru.journalarchive.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import ru.journalarchive.text.UnsafeCharacters;
import tools.jackson.core.TokenStreamContext;

/** Builds the {@code $}-rooted JSON paths used in every violation: {@code $.classes[0].marks[3].value}. */
final class JsonPaths {

    static final String ROOT = "$";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    /** {@code parent.name}, or {@code parent['odd name']} when the name is not an identifier. */
    static String property(String parent, String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return parent + "." + name;
        }
        String escaped = name.replace("\\", "\\\\").replace("'", "\\'");
        // A key holding a control or direction character is shown with \\uXXXX: the path is printed and logged.
        return parent + "['" + UnsafeCharacters.escape(escaped) + "']";
    }

    /** {@code parent[index]}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path of a value made of property names (String) and array indexes (Integer). */
    static String of(List<?> elements) {
        String path = ROOT;
        for (Object element : elements) {
            path = element instanceof Integer i ? index(path, i) : property(path, String.valueOf(element));
        }
        return path;
    }

    /** Where a streaming parser stands, from its read context (root first). */
    static String of(TokenStreamContext context) {
        List<Object> elements = new ArrayList<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                elements.add(c.getCurrentIndex());
            } else if (c.inObject() && c.currentName() != null) {
                elements.add(c.currentName());
            }
        }
        Collections.reverse(elements);
        return of(elements);
    }
}
