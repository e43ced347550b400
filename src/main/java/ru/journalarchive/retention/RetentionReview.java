package ru.journalarchive.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The annual review (экспертиза ценности): which archived records' terms have expired by 1 January of the year a
 * destruction act is drawn up in, which of them are held or ЭПК, and how the rest group into the act's rows.
 * A record is eligible only if its date is on or before that 1 January; destroyed records are left out.
 */
@Component
public class RetentionReview {

    private final JdbcClient jdbc;
    private final RetentionPolicies policies;

    RetentionReview(JdbcClient jdbc, RetentionPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    private record Row(UUID documentId, String schoolId, String academicYear, String classId, String className,
                       String recordClass, LocalDate eligibleFrom, List<String> holdReasons) {
    }

    /**
     * Reviews one school (all when {@code schoolId} is null) for an act drawn up in {@code actYear}.
     *
     * @throws IllegalArgumentException for a year outside 2000–2200
     */
    public RetentionReviewResult review(int actYear, String schoolId) {
        if (actYear < 2000 || actYear > 2200) {
            throw new IllegalArgumentException(RetentionMessages.get("review.year.invalid", String.valueOf(actYear)));
        }
        LocalDate cutoff = LocalDate.of(actYear, 1, 1);
        List<Row> rows = jdbc.sql("""
                SELECT d.id, d.school_id, d.academic_year, d.class_id, d.class_name, r.record_class,
                       r.eligible_for_destruction_from,
                       (SELECT array_agg(DISTINCT h.reason) FROM retention_hold h
                        WHERE h.released_at IS NULL AND %s) AS hold_reasons
                FROM archived_document d
                JOIN document_retention r ON r.document_id = d.id
                WHERE r.eligible_for_destruction_from IS NOT NULL AND r.eligible_for_destruction_from <= ?
                  AND (CAST(? AS TEXT) IS NULL OR d.school_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM document_tombstone t WHERE t.document_id = d.id)
                ORDER BY d.school_id, r.record_class, d.academic_year, d.class_id, d.period_id, d.version, d.id"""
                        .formatted(Holds.COVERS))
                .params(cutoff, schoolId, schoolId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getArray(8) == null ? List.of() : List.of((String[]) rs.getArray(8).getArray())))
                .list();
        List<ReviewFile> eligible = new ArrayList<>();
        List<ReviewFile> epk = new ArrayList<>();
        List<ReviewFile> held = new ArrayList<>();
        for (ReviewFile file : files(rows)) {
            if (!file.holdReasons().isEmpty()) {
                held.add(file);
            } else if (policies.get(file.recordClass()).epk()) {
                epk.add(file);
            } else {
                eligible.add(file);
            }
        }
        return new RetentionReviewResult(actYear, cutoff, schoolId, groups(eligible), epk, held);
    }

    /** Documents → files: one file per school, record class, academic year and class; held if any document is. */
    private List<ReviewFile> files(List<Row> rows) {
        Map<List<String>, List<Row>> byFile = new LinkedHashMap<>();
        for (Row row : rows) {
            byFile.computeIfAbsent(java.util.Arrays.asList(row.schoolId(), row.recordClass(), row.academicYear(),
                    row.classId()), k -> new ArrayList<>()).add(row);
        }
        List<ReviewFile> files = new ArrayList<>();
        for (List<Row> documents : byFile.values()) {
            Row first = documents.get(0);
            RetentionPolicy policy = policies.get(first.recordClass());
            List<String> reasons = documents.stream().flatMap(r -> r.holdReasons().stream()).distinct().sorted()
                    .toList();
            LocalDate latest = documents.stream().map(Row::eligibleFrom).max(Comparator.naturalOrder()).orElseThrow();
            files.add(new ReviewFile(first.schoolId(), policy.recordClass(), policy.title(), policy.nomenclatureIndex(),
                    first.academicYear(), first.classId(), first.className(), policy.termYears(),
                    policy.federalListArticle(), latest, documents.stream().map(Row::documentId).toList(), reasons));
        }
        return files;
    }

    /** Eligible files → the act's rows: one per school, record class and nomenclature index. */
    private static List<ReviewGroup> groups(List<ReviewFile> files) {
        Map<List<String>, List<ReviewFile>> byGroup = new LinkedHashMap<>();
        for (ReviewFile file : files) {
            byGroup.computeIfAbsent(List.of(file.schoolId(), file.recordClass(), file.nomenclatureIndex()),
                    k -> new ArrayList<>()).add(file);
        }
        return byGroup.values().stream().map(group -> {
            ReviewFile first = group.get(0);
            List<String> years = group.stream().map(ReviewFile::academicYear).sorted().toList();
            return new ReviewGroup(first.schoolId(), first.recordClass(), first.title(), first.nomenclatureIndex(),
                    first.termYears(), first.federalListArticle(), years.get(0), years.get(years.size() - 1),
                    List.copyOf(group));
        }).toList();
    }
}
