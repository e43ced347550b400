package ru.journalarchive.registryjournal;

import java.util.Map;
import java.util.UUID;

/**
 * What {@code registry rebuild} restored: the registry, the segments and entries replayed, rows per table, the
 * journals' contents put back from {@code registry/content/} and those replayed empty because a destruction act
 * destroyed them.
 */
public record RebuildResult(UUID registryId, int segments, long entries, Map<String, Long> rowsPerTable,
        long contentsRestored, long contentsDestroyed) {
}
