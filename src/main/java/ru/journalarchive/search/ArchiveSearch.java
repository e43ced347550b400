package ru.journalarchive.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;

/**
 * The archivist's search over the pupil index: by school, academic year, class, period, document type and any
 * part of a name, where every word of the query must start a word of the pupil's name (so «Семен», «семенов  и» and
 * «СЕМЁНОВ» all find «Семёнов Иван Петрович»); infix matching («менов») is not supported. Every search is recorded
 * in the access log with who searched, the query and the number of results.
 */
@Service
public class ArchiveSearch {

    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final ClassJournalIndexing indexing;

    ArchiveSearch(JdbcClient jdbc, AccessLog accessLog, ClassJournalIndexing indexing) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.indexing = indexing;
    }

    /**
     * Searches and records the search in the access log.
     *
     * @param actor     the staff member searching (required)
     * @param purpose   why, or null
     * @param requester for whom, or null
     * @throws IllegalArgumentException if the query has no criterion, or a name with no letters or digits
     */
    public SearchResult search(SearchQuery query, String actor, String purpose, String requester) {
        SearchResult result = find(query);
        accessLog.record(AccessEntry.search(actor, query.describe(), (int) Math.min(Integer.MAX_VALUE,
                result.totalOccurrences()), purpose, requester));
        return result;
    }

    /** Records that a search result (a document) was opened. */
    public void opened(UUID documentId, String actor, String purpose, String requester) {
        accessLog.record(AccessEntry.of(actor, AccessAction.OPEN, documentId, purpose, requester, null));
    }

    /** Indexes every class journal of the registry not indexed yet; returns {documents, occurrences} indexed. */
    public long[] reindex() {
        return indexing.reindex();
    }

    /** The search itself, without logging: for the benchmark, which measures exactly this code path. */
    SearchResult find(SearchQuery query) {
        if (!query.hasCriteria()) {
            throw new IllegalArgumentException("a search needs at least one criterion");
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.name() != null && !query.name().isBlank()) {
            List<String> words = PupilNames.words(query.name());
            if (words.isEmpty()) {
                throw new IllegalArgumentException("the name has no letters or digits");
            }
            // The longest word drives the search through the word index; the others are checked on the row.
            String driving = words.stream().reduce((a, b) -> b.length() > a.length() ? b : a).orElseThrow();
            where.add("o.id IN (SELECT w.occurrence_id FROM pupil_name_word w WHERE w.word >= ? AND w.word < ?)");
            params.add(driving);
            params.add(PupilNames.prefixUpperBound(driving));
            boolean skipped = false;
            for (String word : words) {
                if (word.equals(driving) && !skipped) {
                    skipped = true;
                    continue;
                }
                where.add("(' ' || translate(o.name_normalised, '-.', '  ')) LIKE ? ESCAPE '\\'");
                params.add("% " + likeEscaped(word) + "%");
            }
        }
        filter(where, params, "o.school_id", query.schoolId());
        filter(where, params, "o.academic_year", query.academicYear());
        filter(where, params, "o.class_id", query.classId());
        filter(where, params, "o.period_id", query.periodId());
        filter(where, params, "o.document_type", query.documentType());
        params.add(query.limit());
        Map<UUID, SearchResult.DocumentHit> documents = new LinkedHashMap<>();
        long[] total = {0};
        jdbc.sql("""
                SELECT o.document_id, o.document_type, o.school_id, o.academic_year, o.class_id, o.class_name,
                       o.period_id, o.version, o.pupil_id, o.full_name, count(*) OVER () AS total
                FROM pupil_occurrence o
                WHERE %s
                ORDER BY o.academic_year DESC, o.school_id, o.class_name, o.period_id, o.document_type, o.version,
                         o.name_normalised, o.id
                LIMIT ?""".formatted(String.join(" AND ", where)))
                .params(params)
                .query(rs -> {
                    total[0] = rs.getLong("total");
                    UUID id = rs.getObject("document_id", UUID.class);
                    SearchResult.DocumentHit hit = documents.computeIfAbsent(id, k -> {
                        try {
                            return new SearchResult.DocumentHit(id, rs.getString("document_type"),
                                    rs.getString("school_id"), rs.getString("academic_year"), rs.getString("class_id"),
                                    rs.getString("class_name"), rs.getString("period_id"), rs.getInt("version"),
                                    new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    hit.occurrences().add(new SearchResult.Occurrence(rs.getString("pupil_id"),
                            rs.getString("full_name")));
                });
        List<SearchResult.DocumentHit> hits = documents.values().stream()
                .map(h -> new SearchResult.DocumentHit(h.documentId(), h.documentType(), h.schoolId(),
                        h.academicYear(), h.classId(), h.className(), h.periodId(), h.version(),
                        List.copyOf(h.occurrences())))
                .toList();
        int returned = hits.stream().mapToInt(h -> h.occurrences().size()).sum();
        return new SearchResult(hits, total[0], total[0] > returned);
    }

    private static void filter(List<String> where, List<Object> params, String column, String value) {
        if (value != null) {
            where.add(column + " = ?");
            params.add(value);
        }
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
