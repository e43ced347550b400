package ru.journalarchive.registryjournal;

import java.util.List;

/**
 * What one shipping of the registry journal did: segments written to every location, entries in them, and the
 * failures (in Russian, naming the location and segment) that leave entries not yet durable.
 */
public record ShipResult(int segments, long entries, List<String> failures) {

    /** Whether every entry recorded before the shipping is now in every location. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
