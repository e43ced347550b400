package ru.journalarchive.archiving;

import ru.journalarchive.registry.ImportedSnapshot;

/** The outcome of an accepted import: the registered snapshot, and whether identical bytes had been imported before. */
public record ImportResult(ImportedSnapshot snapshot, boolean alreadyImported) {
}
