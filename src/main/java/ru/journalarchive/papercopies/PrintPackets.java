package ru.journalarchive.papercopies;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.journalarchive.archiving.VerifiedCopies;
import ru.journalarchive.registry.Tombstones;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.FrozenJournal;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.freezing.SummaryStatement;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.rendering.SummaryStatementRenderer;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.rendering.PrintPacketRenderer;
import ru.journalarchive.rendering.RenderedDocument;
import ru.journalarchive.snapshot.ClassJournal;

/**
 * Renders the print packet of an archived class journal or summary statement from the archive itself: the canonical
 * JSON read from a replica whose SHA-256 matches the registry (never the live snapshot), rendered with the freezing
 * (building) moment of the archived rendition, so every print of a document is the same file.
 */
@Service
public class PrintPackets {

    /** The document type whose packets can be printed: the period class journal. */
    public static final String CLASS_JOURNAL = "class-journal";
    /** The other printable type: a class's summary statement of final marks of a year. */
    public static final String SUMMARY_STATEMENT = PaperRoutine.SUMMARY_STATEMENT;

    private static final Logger log = LoggerFactory.getLogger(PrintPackets.class);

    private final DocumentRegistry registry;
    private final VerifiedCopies copies;
    private final JournalFreezer freezer;
    private final PrintPacketRenderer renderer;
    private final Tombstones tombstones;
    private final SummaryStatementRenderer statementRenderer;

    private final ru.journalarchive.archiving.IncompleteCloses incomplete;

    PrintPackets(DocumentRegistry registry, VerifiedCopies copies, JournalFreezer freezer,
            PrintPacketRenderer renderer, Tombstones tombstones, SummaryStatementRenderer statementRenderer,
            ru.journalarchive.archiving.IncompleteCloses incomplete) {
        this.incomplete = incomplete;
        this.tombstones = tombstones;
        this.statementRenderer = statementRenderer;
        this.registry = registry;
        this.copies = copies;
        this.freezer = freezer;
        this.renderer = renderer;
    }

    /** A rendered packet and the document it was rendered from. */
    public record Packet(ArchivedDocument document, RenderedDocument pdf) {
    }

    /**
     * The verified source of an archived class journal (the frozen journal) or summary statement (the statement), as
     * read from storage; exactly one of {@code journal} and {@code statement} is set.
     */
    record Source(ArchivedDocument document, ClassJournal journal, SummaryStatement statement, byte[] canonicalJson,
                  Instant frozenAt) {

        /** The grade (a college's course) of the document's class. */
        int grade() {
            return journal != null ? journal.schoolClass().grade() : statement.schoolClass().grade();
        }

        /** The class teacher's full name, or null. */
        String classTeacher() {
            if (journal != null) {
                return journal.teacherName(journal.schoolClass().classTeacher());
            }
            return statement.schoolClass().classTeacher() == null ? null
                    : statement.schoolClass().classTeacher().fullName();
        }

        /** The director's name, or null. */
        String director() {
            return journal != null ? journal.school().director() : statement.school().director();
        }
    }

    /**
     * Renders a document's packet.
     *
     * @throws PaperCopyException {@code unknownDocument}, {@code notAJournal}, {@code destroyedDocument},
     *                            {@code noIntactReplica} or {@code noFinalMarks}
     */
    public Packet render(UUID documentId) {
        Source source = source(documentId);
        if (source.statement() != null) {
            return new Packet(source.document(), statementRenderer.renderPacket(source.statement(),
                    source.canonicalJson(), source.frozenAt()));
        }
        requirePrintable(source);
        ArchivedDocument d = source.document();
        // A journal closed under a deputy's override says so on the paper copy's title page too.
        List<String> notes = incomplete.titleNote(d.schoolId(), d.academicYear(), d.classId(), d.periodId())
                .map(List::of).orElse(List.of());
        return new Packet(source.document(), renderer.render(source.journal(), source.canonicalJson(),
                source.frozenAt(), notes));
    }

    /**
     * Refuses a paper copy of a marked grade's journal without its final marks: never printed, never registered as a
     * paper copy (the packet and {@code paper print} both ask here).
     *
     * @throws PaperCopyException {@code noFinalMarks}
     */
    static void requirePrintable(Source source) {
        if (source.journal() == null) {
            return; // a summary statement is archived only with its marks
        }
        var schoolClass = source.journal().schoolClass();
        if (ru.journalarchive.freezing.Completeness.keepsMarks(source.journal()) && schoolClass.finalMarks().stream()
                .noneMatch(f -> schoolClass.period().id().equals(f.period()))) {
            throw new PaperCopyException("noFinalMarks", schoolClass.name(), schoolClass.period().name());
        }
    }

    /** The journal of a document, read from a verified replica of its frozen JSON. */
    Source source(UUID documentId) {
        ArchivedDocument document;
        try {
            document = registry.get(documentId);
        } catch (IllegalArgumentException e) {
            throw new PaperCopyException("unknownDocument", documentId);
        }
        boolean statement = SUMMARY_STATEMENT.equals(document.documentType());
        if (!(statement || CLASS_JOURNAL.equals(document.documentType()) && document.frozenJournalId() != null)
                || document.object(ArchivedDocument.ROLE_SOURCE_JSON).isEmpty()) {
            throw new PaperCopyException("notAJournal", documentId, document.documentType());
        }
        tombstones.of(documentId).map(Tombstones.Tombstone::actNumber).ifPresent(act -> {
            throw new PaperCopyException("destroyedDocument", documentId, act);
        });
        if (tombstones.isRetired(documentId)) { // an act executing on it: no new paper copy either
            throw new PaperCopyException("destroyedDocument", documentId, "?");
        }
        if (statement) {
            byte[] json = readVerified(document.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow());
            // The statement's packet carries the moment it was registered: the same file on every print.
            return new Source(document, null, SummaryStatements.read(json), json, document.createdAt());
        }
        FrozenJournal frozen = freezer.get(document.frozenJournalId())
                .orElseThrow(() -> new PaperCopyException("notAJournal", documentId, document.documentType()));
        byte[] json = readVerified(document.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow());
        return new Source(document, CanonicalJson.read(json), null, json, frozen.frozenAt());
    }

    private byte[] readVerified(ArchivedDocument.ArchivedObject object) {
        return copies.read(object).orElseThrow(() -> new PaperCopyException("noIntactReplica", object.key()));
    }
}
