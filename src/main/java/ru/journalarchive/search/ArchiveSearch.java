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

    /** Matching occurrences are counted up to this many; past it the total is reported as "more than". */
    public static final int COUNT_CAP = 10_000;
    /** Names whose occurrences are read in one query while filling the limit. */
    private static final int NAMES_PER_SLICE = 64;

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

    /**
     * Indexes one registered class journal or summary statement from its stored data (for the jobs that register
     * them); idempotent. Other document types are indexed with {@link SearchIndex#index} by their own module.
     *
     * @return the occurrences newly indexed
     */
    public int indexRegistered(UUID documentId) {
        return indexing.indexRegistered(documentId);
    }

    /** Indexes every class journal and summary statement not indexed yet; returns {documents, occurrences}. */
    public long[] reindex() {
        return indexing.reindex();
    }

    /**
     * The search itself, without logging: for the benchmark, which measures exactly this code path. With a name, the
     * matching names are found first (word index), then the occurrences of those names under the filters are counted
     * per name from an index alone, and only the occurrences of the first names (in name order) that fill the limit
     * are read: the cost follows the names matched and the rows returned, not every occurrence of a common surname.
     */
    SearchResult find(SearchQuery query) {
        if (!query.hasCriteria()) {
            throw new IllegalArgumentException("a search needs at least one criterion");
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter(where, params, "o.school_id", query.schoolId());
        filter(where, params, "o.academic_year", query.academicYear());
        filter(where, params, "o.class_id", query.classId());
        filter(where, params, "o.period_id", query.periodId());
        filter(where, params, "o.document_type", query.documentType());
        if (query.name() == null || query.name().isBlank()) {
            long total = jdbc.sql("SELECT count(*) FROM pupil_occurrence o WHERE " + String.join(" AND ", where))
                    .params(params).query(Long.class).single();
            return result(occurrences(where, params, "o.academic_year DESC, o.school_id, o.class_name, o.period_id,"
                    + " o.document_type, o.version, n.name_normalised, o.id", query.limit()), total, false);
        }
        Long[] names = matchingNames(query.name());
        if (names.length == 0) {
            return new SearchResult(List.of(), 0, false, false);
        }
        // How many occurrences match, counted from the (name_id, year, school, class, period, type) index alone and
        // only up to a cap: past it the archivist narrows the search anyway.
        List<String> nameWhere = new ArrayList<>(where);
        List<Object> nameParams = new ArrayList<>(params);
        nameWhere.add(0, "o.name_id = ANY(?)");
        nameParams.add(0, names);
        nameParams.add(COUNT_CAP + 1);
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM pupil_occurrence o WHERE "
                        + String.join(" AND ", nameWhere) + " LIMIT ?) AS matching")
                .params(nameParams).query(Long.class).single();
        // The occurrences of the names in name order, a slice of names at a time, until the limit is filled.
        List<Row> rows = new ArrayList<>();
        long wanted = Math.min(query.limit(), total);
        for (int from = 0; from < names.length && rows.size() < wanted; from += NAMES_PER_SLICE) {
            Long[] slice = java.util.Arrays.copyOfRange(names, from, Math.min(names.length, from + NAMES_PER_SLICE));
            List<String> sliceWhere = new ArrayList<>(where);
            List<Object> sliceParams = new ArrayList<>(params);
            sliceWhere.add(0, "o.name_id = ANY(?)");
            sliceParams.add(0, slice);
            rows.addAll(occurrences(sliceWhere, sliceParams, "n.name_normalised COLLATE \"C\", n.id,"
                    + " o.academic_year DESC, o.school_id, o.class_name, o.period_id, o.document_type, o.version, o.id",
                    query.limit() - rows.size()));
        }
        return result(rows, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /**
     * The ids of the names matching every word typed (each a prefix of a word of the name), in name order (code-point
     * order, which is alphabetical for normalised Russian names). The longest word drives the search through the
     * word index, which carries the names; the other words are checked here.
     */
    private Long[] matchingNames(String name) {
        List<String> words = PupilNames.words(name);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the name has no letters or digits");
        }
        String driving = words.stream().reduce((a, b) -> b.length() > a.length() ? b : a).orElseThrow();
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT name_id, name_normalised FROM pupil_name_word WHERE word >= ? AND word < ?")
                .params(driving, PupilNames.prefixUpperBound(driving))
                .query(rs -> {
                    names.putIfAbsent(rs.getLong(1), rs.getString(2));
                });
        return names.entrySet().stream()
                .filter(e -> words.size() == 1 || PupilNames.everyWordStartsAWordOf(words, PupilNames.words(e.getValue())))
                .sorted(Map.Entry.<Long, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toArray(Long[]::new);
    }

    private List<Row> occurrences(List<String> where, List<Object> params, String order, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("""
                SELECT o.document_id, o.document_type, o.school_id, o.academic_year, o.class_id, o.class_name,
                       o.period_id, o.version, o.pupil_id, o.full_name
                FROM pupil_occurrence o JOIN pupil_name n ON n.id = o.name_id
                WHERE %s ORDER BY %s LIMIT ?""".formatted(String.join(" AND ", where), order))
                .params(all)
                .query((rs, n) -> new Row(new SearchResult.DocumentHit(rs.getObject("document_id", UUID.class),
                        rs.getString("document_type"), rs.getString("school_id"), rs.getString("academic_year"),
                        rs.getString("class_id"), rs.getString("class_name"), rs.getString("period_id"),
                        rs.getInt("version"), List.of()),
                        new SearchResult.Occurrence(rs.getString("pupil_id"), rs.getString("full_name"))))
                .list();
    }

    /** Groups occurrences by document, documents in the order of their first occurrence. */
    private static SearchResult result(List<Row> rows, long total, boolean moreThanTotal) {
        Map<UUID, SearchResult.DocumentHit> heads = new LinkedHashMap<>();
        Map<UUID, List<SearchResult.Occurrence>> occurrences = new LinkedHashMap<>();
        for (Row row : rows) {
            heads.putIfAbsent(row.document().documentId(), row.document());
            occurrences.computeIfAbsent(row.document().documentId(), k -> new ArrayList<>()).add(row.occurrence());
        }
        List<SearchResult.DocumentHit> hits = heads.values().stream()
                .map(h -> new SearchResult.DocumentHit(h.documentId(), h.documentType(), h.schoolId(),
                        h.academicYear(), h.classId(), h.className(), h.periodId(), h.version(),
                        List.copyOf(occurrences.get(h.documentId()))))
                .toList();
        return new SearchResult(hits, total, moreThanTotal || total > rows.size(), moreThanTotal);
    }

    private record Row(SearchResult.DocumentHit document, SearchResult.Occurrence occurrence) {
    }

    private static void filter(List<String> where, List<Object> params, String column, String value) {
        if (value != null) {
            where.add(column + " = ?");
            params.add(value);
        }
    }

}
