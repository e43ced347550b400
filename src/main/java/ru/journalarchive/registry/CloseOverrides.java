package ru.journalarchive.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry of deputies' overrides of the completeness gate: a class refused as incomplete closed anyway, on whose
 * decision, when, why, and what was missing. Insert-only, one per class of an import.
 */
@Component
public class CloseOverrides {

    private final JdbcClient jdbc;

    CloseOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An override as recorded; {@code missingJson} says what was missing (see V16). */
    public record CloseOverride(UUID importId, String classId, String className, String periodId,
                                ImportedSnapshot.CloseStatus refusedStatus, String missingJson, String reason,
                                String overriddenBy, Instant overriddenAt) {
    }

    /**
     * Records an override.
     *
     * @return false when the class of that import already has one (nothing written)
     */
    public boolean record(CloseOverride override) {
        return jdbc.sql("""
                INSERT INTO close_override (import_id, class_id, class_name, period_id, refused_status, missing_json,
                    reason, overridden_by, overridden_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (import_id, class_id) DO NOTHING""")
                .params(override.importId(), override.classId(), override.className(), override.periodId(),
                        override.refusedStatus().name(), override.missingJson(), override.reason(),
                        override.overriddenBy(), Timestamp.from(override.overriddenAt()))
                .update() == 1;
    }

    /**
     * The override under which a class's period journal of a school's year was closed, if it was: the print packet
     * of that journal (any version) says so as the archival one does.
     */
    public Optional<CloseOverride> forClassPeriod(String schoolId, String academicYear, String classId,
            String periodId) {
        return jdbc.sql("""
                SELECT o.* FROM close_override o JOIN snapshot_import i ON i.id = o.import_id
                WHERE i.school_id = ? AND i.academic_year = ? AND o.class_id = ? AND o.period_id = ?
                ORDER BY o.overridden_at LIMIT 1""")
                .params(schoolId, academicYear, classId, periodId)
                .query(CloseOverrides::mapRow)
                .optional();
    }

    /** The override of a class of an import, if any. */
    public Optional<CloseOverride> find(UUID importId, String classId) {
        return jdbc.sql("SELECT * FROM close_override WHERE import_id = ? AND class_id = ?")
                .params(importId, classId)
                .query(CloseOverrides::mapRow)
                .optional();
    }

    /** Whether a class of the import has an override and is still refused as incomplete: a close run must follow. */
    public boolean awaitingClose(UUID importId) {
        return jdbc.sql("""
                SELECT count(*) FROM close_override o JOIN snapshot_import_class c
                  ON c.import_id = o.import_id AND c.class_id = o.class_id
                WHERE o.import_id = ? AND c.close_status IN ('REFUSED_PERIOD_NOT_ENDED', 'REFUSED_MISSING_FINAL_MARKS')""")
                .param(importId).query(Long.class).single() > 0;
    }

    private static CloseOverride mapRow(ResultSet rs, int row) throws SQLException {
        return new CloseOverride(rs.getObject("import_id", UUID.class), rs.getString("class_id"),
                rs.getString("class_name"), rs.getString("period_id"),
                ImportedSnapshot.CloseStatus.valueOf(rs.getString("refused_status")), rs.getString("missing_json"),
                rs.getString("reason"), rs.getString("overridden_by"), rs.getTimestamp("overridden_at").toInstant());
    }
}
