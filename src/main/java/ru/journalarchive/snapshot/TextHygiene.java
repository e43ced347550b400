package ru.journalarchive.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.journalarchive.text.UnsafeCharacters;
import tools.jackson.databind.JsonNode;

/**
 * Refuses, in every string of a snapshot (values and object keys), the characters no text of the archive may hold
 * ({@link UnsafeCharacters}: NUL and other controls, lone surrogates, direction overrides …), naming each by its JSON
 * path. Tab and line breaks are allowed only in multi-line text: a lesson's topic and homework, and vendor extension
 * values ({@code x-…}). One walk of the tree; paths are built only for the strings refused.
 */
final class TextHygiene {

    /** Fields (by the name of their array and their own name) whose text may span lines. */
    private static final Map<String, Set<String>> MULTI_LINE = Map.of("lessons", Set.of("topic", "homework"));

    private final Messages messages;
    private final int limit;
    private final List<Violation> violations = new ArrayList<>();
    private final List<Object> path = new ArrayList<>();
    private long overflow;

    TextHygiene(Messages messages, int limit) {
        this.messages = messages;
        this.limit = limit;
    }

    /** Every refused character of {@code root}, one violation per string, at most the limit (then one saying so). */
    List<Violation> check(JsonNode root) {
        walk(root, false);
        if (overflow > 0) {
            violations.add(new Violation(JsonPaths.ROOT, messages.get("too-many", limit, overflow)));
        }
        return violations;
    }

    /** How many strings the last {@link #check} refused, listed or only counted (its closing note not included). */
    long found() {
        return violations.size() - (overflow > 0 ? 1 : 0) + overflow;
    }

    private void walk(JsonNode node, boolean multiLine) {
        if (node.isString()) {
            UnsafeCharacters.find(node.stringValue(), multiLine).ifPresent(found -> add(found, false));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                path.add(name);
                Optional<UnsafeCharacters.Found> badKey = UnsafeCharacters.find(name, false);
                badKey.ifPresent(found -> add(found, true));
                walk(field.getValue(), multiLine || name.startsWith("x-") || multiLineField(name));
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                walk(node.get(i), multiLine);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Whether the field {@code name} of the object at the current path is multi-line text ({@code topic}). */
    private boolean multiLineField(String name) {
        int n = path.size();
        if (n < 3 || !(path.get(n - 2) instanceof Integer) || !(path.get(n - 3) instanceof String array)) {
            return false;
        }
        return MULTI_LINE.getOrDefault(array, Set.of()).contains(name);
    }

    private void add(UnsafeCharacters.Found found, boolean inKey) {
        if (violations.size() >= limit) {
            overflow++;
            return;
        }
        String reason = messages.input(found.kind().messageKey(), found.codePoint(), found.position());
        violations.add(new Violation(JsonPaths.of(path), inKey ? messages.input("input.unsafe.in-key", reason)
                : reason));
    }
}
