package ru.journalarchive.papercopies;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.journalarchive.archiving.VerifiedCopies;
import ru.journalarchive.registry.Tombstones;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.FrozenJournal;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.rendering.PrintPacketRenderer;
import ru.journalarchive.rendering.RenderedDocument;
import ru.journalarchive.snapshot.ClassJournal;

/**
 * Renders the print packet of an archived class journal from the archive itself: the canonical JSON read from a
 * replica whose SHA-256 matches the registry (never the live snapshot), rendered with the freezing moment of the
 * archived rendition, so every print of a document is the same file.
 */
@Service
public class PrintPackets {

    /** The document type whose packets can be printed: the period class journal. */
    public static final String CLASS_JOURNAL = "class-journal";

    private static final Logger log = LoggerFactory.getLogger(PrintPackets.class);

    private final DocumentRegistry registry;
    private final VerifiedCopies copies;
    private final JournalFreezer freezer;
    private final PrintPacketRenderer renderer;
    private final Tombstones tombstones;

    PrintPackets(DocumentRegistry registry, VerifiedCopies copies, JournalFreezer freezer,
            PrintPacketRenderer renderer, Tombstones tombstones) {
        this.tombstones = tombstones;
        this.registry = registry;
        this.copies = copies;
        this.freezer = freezer;
        this.renderer = renderer;
    }

    /** A rendered packet and the document it was rendered from. */
    public record Packet(ArchivedDocument document, RenderedDocument pdf) {
    }

    /** The frozen journal of an archived class journal, as verified from storage. */
    record Source(ArchivedDocument document, ClassJournal journal, byte[] canonicalJson, Instant frozenAt) {
    }

    /**
     * Renders a document's packet.
     *
     * @throws PaperCopyException {@code unknownDocument}, {@code notAJournal}, {@code destroyedDocument},
     *                            {@code noIntactReplica} or {@code noFinalMarks}
     */
    public Packet render(UUID documentId) {
        Source source = source(documentId);
        var schoolClass = source.journal().schoolClass();
        if (ru.journalarchive.freezing.Completeness.keepsMarks(source.journal()) && schoolClass.finalMarks().stream()
                .noneMatch(f -> schoolClass.period().id().equals(f.period()))) {
            // Never a paper copy of a marked grade's journal without its final marks.
            throw new PaperCopyException("noFinalMarks", schoolClass.name(), schoolClass.period().name());
        }
        return new Packet(source.document(), renderer.render(source.journal(), source.canonicalJson(),
                source.frozenAt()));
    }

    /** The journal of a document, read from a verified replica of its frozen JSON. */
    Source source(UUID documentId) {
        ArchivedDocument document;
        try {
            document = registry.get(documentId);
        } catch (IllegalArgumentException e) {
            throw new PaperCopyException("unknownDocument", documentId);
        }
        if (!CLASS_JOURNAL.equals(document.documentType()) || document.frozenJournalId() == null
                || document.object(ArchivedDocument.ROLE_SOURCE_JSON).isEmpty()) {
            throw new PaperCopyException("notAJournal", documentId, document.documentType());
        }
        tombstones.of(documentId).map(Tombstones.Tombstone::actNumber).ifPresent(act -> {
            throw new PaperCopyException("destroyedDocument", documentId, act);
        });
        if (tombstones.isRetired(documentId)) { // an act executing on it: no new paper copy either
            throw new PaperCopyException("destroyedDocument", documentId, "?");
        }
        FrozenJournal frozen = freezer.get(document.frozenJournalId())
                .orElseThrow(() -> new PaperCopyException("notAJournal", documentId, document.documentType()));
        byte[] json = readVerified(document.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow());
        return new Source(document, CanonicalJson.read(json), json, frozen.frozenAt());
    }

    private byte[] readVerified(ArchivedDocument.ArchivedObject object) {
        return copies.read(object).orElseThrow(() -> new PaperCopyException("noIntactReplica", object.key()));
    }
}
