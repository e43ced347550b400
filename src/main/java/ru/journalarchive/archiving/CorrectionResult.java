package ru.journalarchive.archiving;

import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.JournalCorrection;

/** A correction made: its register entry, the new version's document and the superseded one (null if none). */
public record CorrectionResult(JournalCorrection correction, ArchivedDocument document,
                               ArchivedDocument previousDocument) {
}
