package ru.journalarchive.synthetic;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * Lays a snapshot out for people: the document, its lists and each class on separate indented lines, every record
 * (a teacher, a lesson, a mark …) on one line. The writer says which container to open expanded.
 */
final class JournalPrettyPrinter implements PrettyPrinter {

    private final Deque<Boolean> expanded = new ArrayDeque<>();
    private boolean expandNext;

    /** Opens the next object or array expanded: one entry per line. */
    void expandNext() {
        expandNext = true;
    }

    private void open(JsonGenerator g, char bracket) {
        g.writeRaw(bracket);
        expanded.push(expandNext);
        expandNext = false;
    }

    private void close(JsonGenerator g, char bracket, int entries) {
        boolean wasExpanded = expanded.pop();
        if (wasExpanded && entries > 0) {
            newLine(g);
        }
        g.writeRaw(bracket);
    }

    private void newLine(JsonGenerator g) {
        g.writeRaw('\n');
        for (int i = 0; i < expanded.size(); i++) {
            g.writeRaw("  ");
        }
    }

    private void separate(JsonGenerator g) {
        g.writeRaw(',');
        if (expanded.peek()) {
            newLine(g);
        } else {
            g.writeRaw(' ');
        }
    }

    private void first(JsonGenerator g) {
        if (expanded.peek()) {
            newLine(g);
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
        open(g, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
        first(g);
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
        separate(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
        close(g, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
        open(g, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
        first(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
        separate(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int entries) {
        close(g, ']', entries);
    }
}
