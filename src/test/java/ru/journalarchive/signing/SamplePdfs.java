package ru.journalarchive.signing;

import java.nio.file.Path;
import java.time.Instant;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.rendering.ClassJournalRenderer;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.SnapshotReader;

/** An archived class journal (PDF/A-3B) of the fictional example school, rendered once for the signing tests. */
final class SamplePdfs {

    private static byte[] journal;

    private SamplePdfs() {
    }

    static synchronized byte[] journal() {
        if (journal == null) {
            ClassJournal first = ClassJournals.of(SnapshotReader.withDefaults()
                    .read(Path.of("archive-format/examples/example-school.json"))).get(0);
            journal = ClassJournalRenderer.withDefaults()
                    .render(first, CanonicalJson.of(first), Instant.parse("2024-10-28T06:00:00Z")).pdf();
        }
        return journal.clone();
    }
}
