package ru.journalarchive.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-in for the lead's retention API: the records whose term has expired by 1 January of a year. */
@Component
public class RetentionReview {

    private final JdbcClient jdbc;
    private final RetentionPolicies policies;
    private final Holds holds;

    RetentionReview(JdbcClient jdbc, RetentionPolicies policies, Holds holds) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.holds = holds;
    }

    private record Row(UUID id, String school, String recordClass, String year, String classId, String className,
                       int term, LocalDate eligible) {
    }

    public RetentionReviewResult review(int actYear, String schoolIdOrNull) {
        LocalDate cutoff = LocalDate.of(actYear, 1, 1);
        List<Row> rows = jdbc.sql("""
                SELECT d.id, d.school_id, r.record_class, d.academic_year, d.class_id, d.class_name, r.term_years,
                       r.eligible_for_destruction_from
                FROM archived_document d JOIN document_retention r ON r.document_id = d.id
                WHERE r.eligible_for_destruction_from <= ? AND (?::text IS NULL OR d.school_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM document_tombstone t WHERE t.document_id = d.id)
                ORDER BY d.school_id, r.record_class, d.academic_year, d.class_id, d.period_id, d.version""")
                .params(cutoff, schoolIdOrNull, schoolIdOrNull)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getObject(8, LocalDate.class)))
                .list();
        Map<String, List<Row>> files = new LinkedHashMap<>();
        for (Row row : rows) {
            files.computeIfAbsent(row.school() + "|" + row.recordClass() + "|" + row.year() + "|" + row.classId(),
                    k -> new ArrayList<>()).add(row);
        }
        Map<String, List<ReviewFile>> groups = new LinkedHashMap<>();
        List<ReviewFile> epk = new ArrayList<>();
        List<ReviewFile> held = new ArrayList<>();
        for (List<Row> file : files.values()) {
            Row first = file.get(0);
            RetentionPolicy policy = policies.get(first.recordClass());
            List<String> reasons = file.stream().flatMap(r -> holds.activeCovering(r.id()).stream())
                    .map(Hold::reason).distinct().toList();
            ReviewFile reviewFile = new ReviewFile(first.school(), first.recordClass(), policy.title(),
                    policy.nomenclatureIndex(), first.year(), first.classId(), first.className(), first.term(),
                    policy.federalListArticle(), first.eligible(), file.stream().map(Row::id).toList(), reasons);
            if (!reasons.isEmpty()) {
                held.add(reviewFile);
            } else if (policy.epk()) {
                epk.add(reviewFile);
            } else {
                groups.computeIfAbsent(first.school() + "|" + first.recordClass() + "|" + policy.nomenclatureIndex(),
                        k -> new ArrayList<>()).add(reviewFile);
            }
        }
        List<ReviewGroup> eligible = groups.values().stream().map(g -> new ReviewGroup(g.get(0).schoolId(),
                g.get(0).recordClass(), g.get(0).title(), g.get(0).nomenclatureIndex(), g.get(0).termYears(),
                g.get(0).federalListArticle(), g.stream().map(ReviewFile::academicYear).min(String::compareTo).get(),
                g.stream().map(ReviewFile::academicYear).max(String::compareTo).get(), List.copyOf(g))).toList();
        return new RetentionReviewResult(actYear, cutoff, schoolIdOrNull, eligible, epk, held);
    }
}
