package ru.journalarchive.registry;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many live documents of some schools become eligible for destruction in each year, per record class, from the
 * registry's retention dates (destroyed documents and those being destroyed left out).
 */
@Component
public class RetentionForecast {

    private final JdbcClient jdbc;

    RetentionForecast(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The documents of one record class eligible from 1 January (or another day) of one year. */
    public record YearCount(int year, String recordClass, long documents) {
    }

    /** Per year and record class, oldest year first. */
    public List<YearCount> perYear(Collection<String> schools) {
        if (schools.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT extract(year FROM r.eligible_for_destruction_from)::int AS year, r.record_class, count(*) AS n
                FROM document_retention r JOIN archived_document d ON d.id = r.document_id
                WHERE d.school_id IN (:schools) AND r.eligible_for_destruction_from IS NOT NULL AND\s"""
                + Tombstones.LIVE.formatted("d.id") + " GROUP BY 1, 2 ORDER BY 1, 2")
                .param("schools", List.copyOf(schools))
                .query((rs, n) -> new YearCount(rs.getInt("year"), rs.getString("record_class"), rs.getLong("n")))
                .list();
    }
}
