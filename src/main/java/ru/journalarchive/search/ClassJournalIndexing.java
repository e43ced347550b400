package ru.journalarchive.search;

import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.ClassArchiver;
import ru.journalarchive.archiving.ClassClosed;
import ru.journalarchive.archiving.JournalCorrected;
import ru.journalarchive.disposition.DocumentDestroyed;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.freezing.FrozenJournal;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.archiving.SummaryStatementArchiver;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * Indexes class journals: the pupils of the frozen journal a document was rendered from, as a class is closed or a
 * journal corrected (synchronously, so a failed indexing fails the close, whose restart indexes again), and a
 * backfill of every class journal of the registry not indexed yet ({@code search reindex}).
 */
@Component
class ClassJournalIndexing {

    /** Destroyed documents (and those being destroyed) are never indexed again. */
    private static final String LIVE = Tombstones.LIVE.formatted("d.id");

    private final SearchIndex index;
    private final DocumentRegistry registry;
    private final JournalFreezer freezer;
    private final JdbcClient jdbc;
    private final SummaryStatements summaryStatements;

    ClassJournalIndexing(SearchIndex index, DocumentRegistry registry, JournalFreezer freezer, JdbcClient jdbc,
            SummaryStatements summaryStatements) {
        this.summaryStatements = summaryStatements;
        this.index = index;
        this.registry = registry;
        this.freezer = freezer;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ClassClosed event) {
        UUID documentId = event.result().documentId();
        if (documentId != null && !index.isIndexed(documentId)) {
            indexDocument(documentId);
        }
    }

    @EventListener
    void on(JournalCorrected event) {
        indexDocument(event.documentId());
    }

    /** A destroyed document leaves the index in the destruction's transaction: its pupils' names go with it. */
    @EventListener
    void on(DocumentDestroyed event) {
        index.forget(event.documentId());
    }

    /** Indexes every class journal and summary statement not indexed yet; returns {documents, occurrences} indexed. */
    long[] reindex() {
        List<UUID> missing = jdbc.sql("""
                SELECT d.id FROM archived_document d
                WHERE d.document_type = ? AND d.frozen_journal_id IS NOT NULL AND %s
                  AND NOT EXISTS (SELECT 1 FROM pupil_occurrence o WHERE o.document_id = d.id)
                ORDER BY d.created_at, d.id""".formatted(LIVE))
                .param(ClassArchiver.CLASS_JOURNAL).query(UUID.class).list();
        long occurrences = 0;
        for (UUID id : missing) {
            occurrences += indexDocument(id);
        }
        List<UUID> statements = jdbc.sql("""
                SELECT d.id FROM archived_document d WHERE d.document_type = ? AND %s
                  AND NOT EXISTS (SELECT 1 FROM pupil_occurrence o WHERE o.document_id = d.id)
                ORDER BY d.created_at, d.id""".formatted(LIVE))
                .param(SummaryStatementArchiver.SUMMARY_STATEMENT).query(UUID.class).list();
        for (UUID id : statements) {
            occurrences += indexStatement(id);
        }
        return new long[] {missing.size() + statements.size(), occurrences};
    }

    /** Indexes a registered class journal or summary statement (other types: nothing); idempotent. */
    int indexRegistered(UUID documentId) {
        String type = registry.get(documentId).documentType();
        if (type.equals(ClassArchiver.CLASS_JOURNAL)) {
            return indexDocument(documentId);
        }
        return type.equals(SummaryStatementArchiver.SUMMARY_STATEMENT) ? indexStatement(documentId) : 0;
    }

    /** Indexes a summary statement's pupils from its stored statement (the version the document was built from). */
    private int indexStatement(UUID documentId) {
        var document = registry.get(documentId);
        return summaryStatements.find(document.schoolId(), document.academicYear(), document.classId())
                .filter(s -> s.version() == document.version())
                .map(s -> index.index(documentId, s.statement().students().stream()
                        .map(p -> new IndexedPupil(p.id(), p.fullName())).toList()))
                .orElse(0);
    }

    private int indexDocument(UUID documentId) {
        UUID frozenId = registry.get(documentId).frozenJournalId();
        if (frozenId == null) {
            return 0;
        }
        FrozenJournal frozen = freezer.get(frozenId).orElseThrow();
        List<IndexedPupil> pupils = frozen.journal().schoolClass().students().stream()
                .map(s -> new IndexedPupil(s.id(), s.fullName())).toList();
        return index.index(documentId, pupils);
    }
}
