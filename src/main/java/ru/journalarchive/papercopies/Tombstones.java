package ru.journalarchive.papercopies;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the tombstones that executed destruction acts leave in the registry ({@code document_tombstone}, V7): a
 * destroyed document gets no new paper copy, and its existing copies are to be destroyed physically.
 */
@Component
class Tombstones {

    private final JdbcClient jdbc;

    Tombstones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of the act under which the document was destroyed, if it was. */
    Optional<String> actNumber(UUID documentId) {
        return jdbc.sql("SELECT act_number FROM document_tombstone WHERE document_id = ?").param(documentId)
                .query(String.class).optional();
    }
}
