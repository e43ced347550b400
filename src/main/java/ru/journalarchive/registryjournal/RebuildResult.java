package ru.journalarchive.registryjournal;

import java.util.Map;
import java.util.UUID;

/** What {@code registry rebuild} restored: the registry, the segments and entries replayed, and rows per table. */
public record RebuildResult(UUID registryId, int segments, long entries, Map<String, Long> rowsPerTable) {
}
