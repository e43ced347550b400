package ru.journalarchive.retention;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-in for the lead's retention API: the active holds covering a document. */
@Component
public class Holds {

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isHeld(UUID documentId) {
        return !activeCovering(documentId).isEmpty();
    }

    public List<Hold> activeCovering(UUID documentId) {
        return jdbc.sql("""
                SELECT h.* FROM retention_hold h JOIN archived_document d ON d.id = ?
                WHERE h.released_at IS NULL AND h.school_id = d.school_id
                  AND (h.scope = 'school'
                       OR (h.scope = 'academic-year' AND h.academic_year = d.academic_year)
                       OR (h.scope = 'class' AND h.academic_year = d.academic_year AND h.class_id = d.class_id)
                       OR (h.scope = 'document' AND h.document_id = d.id))""")
                .param(documentId)
                .query((rs, n) -> new Hold(rs.getObject("id", UUID.class), rs.getString("scope"),
                        rs.getString("school_id"), rs.getString("academic_year"), rs.getString("class_id"),
                        rs.getObject("document_id", UUID.class), rs.getString("reason"), rs.getString("placed_by"),
                        rs.getTimestamp("placed_at").toInstant(), null, null, null))
                .list();
    }
}
