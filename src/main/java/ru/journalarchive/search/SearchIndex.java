package ru.journalarchive.search;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * The search index's public entry: indexes the pupils named in one registered document, of any type. Class
 * journals are indexed as they are closed or corrected; another document type (a summary statement, an extract)
 * calls {@link #index(UUID, List)} once it is registered. Idempotent: a pupil already indexed for the document is
 * left as it is, so a restarted job may index the same document again.
 */
@Component
public class SearchIndex {

    private final JdbcClient jdbc;
    private final DocumentRegistry registry;

    SearchIndex(JdbcClient jdbc, DocumentRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * Indexes the pupils named in a registered document, in one transaction: the document's school, year, class,
     * period, type and version come from the registry.
     *
     * @return the number of occurrences newly indexed (0 when the document was indexed before)
     * @throws IllegalArgumentException if the document is not registered
     */
    @Transactional
    public int index(UUID documentId, List<IndexedPupil> pupils) {
        ArchivedDocument d = registry.get(documentId);
        int added = 0;
        for (IndexedPupil pupil : pupils) {
            long nameId = nameId(PupilNames.normalise(pupil.fullName()));
            int inserted = jdbc.sql("""
                    INSERT INTO pupil_occurrence (document_id, document_type, school_id, academic_year, class_id,
                        class_name, period_id, version, pupil_id, full_name, name_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (document_id, pupil_id) DO NOTHING""")
                    .params(d.id(), d.documentType(), d.schoolId(), d.academicYear(), d.classId(), d.className(),
                            d.periodId(), d.version(), pupil.pupilId(), pupil.fullName(), nameId)
                    .update();
            added += inserted;
        }
        return added;
    }

    /** The id of a normalised name, registering it with its words the first time it is seen. */
    private long nameId(String normalised) {
        Long id = jdbc.sql("""
                INSERT INTO pupil_name (name_normalised) VALUES (?)
                ON CONFLICT (name_normalised) DO NOTHING RETURNING id""")
                .param(normalised).query(Long.class).optional().orElse(null);
        if (id == null) {
            return jdbc.sql("SELECT id FROM pupil_name WHERE name_normalised = ?").param(normalised)
                    .query(Long.class).single();
        }
        for (String word : PupilNames.words(normalised).stream().distinct().toList()) {
            jdbc.sql("INSERT INTO pupil_name_word (word, name_id, name_normalised) VALUES (?, ?, ?)")
                    .params(word, id, normalised).update();
        }
        return id;
    }

    /** Removes the document's pupils from the index (a destroyed document; the names are not kept). */
    public void forget(UUID documentId) {
        List<Long> names = jdbc.sql("DELETE FROM pupil_occurrence WHERE document_id = ? RETURNING name_id")
                .param(documentId).query(Long.class).list();
        if (names.isEmpty()) {
            return;
        }
        Long[] ids = names.stream().distinct().toArray(Long[]::new);
        // A name no other document holds goes too.
        String orphan = "id = ANY(?) AND NOT EXISTS (SELECT 1 FROM pupil_occurrence o WHERE o.name_id = pupil_name.id)";
        jdbc.sql("DELETE FROM pupil_name_word WHERE name_id IN (SELECT id FROM pupil_name WHERE " + orphan + ")")
                .param(ids).update();
        jdbc.sql("DELETE FROM pupil_name WHERE " + orphan).param(ids).update();
    }

    /** Whether any pupil of the document is indexed. */
    public boolean isIndexed(UUID documentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM pupil_occurrence WHERE document_id = ?)").param(documentId)
                .query(Boolean.class).single();
    }

    /** Number of indexed occurrences: for reports and tests. */
    public long occurrences() {
        return jdbc.sql("SELECT count(*) FROM pupil_occurrence").query(Long.class).single();
    }
}
