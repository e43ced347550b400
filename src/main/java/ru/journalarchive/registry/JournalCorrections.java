package ru.journalarchive.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of authorised corrections (table {@code journal_correction}, write-once): one row per accepted
 * retroactive change, written with the new frozen version before anything is rendered.
 */
@Component
public class JournalCorrections {

    private final JdbcClient jdbc;

    JournalCorrections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a correction (in the caller's transaction). */
    public void register(JournalCorrection c) {
        jdbc.sql("""
                INSERT INTO journal_correction (id, retroactive_change_id, import_id, school_id, academic_year,
                    class_id, period_id, correction_number, old_version, new_version, old_frozen_journal_id,
                    new_frozen_journal_id, reason, authorised_by, corrected_by, corrected_at, changes_json,
                    change_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.retroactiveChangeId(), c.importId(), c.schoolId(), c.academicYear(), c.classId(),
                        c.periodId(), c.number(), c.oldVersion(), c.newVersion(), c.oldFrozenJournalId(),
                        c.newFrozenJournalId(), c.reason(), c.authorisedBy(), c.correctedBy(),
                        Timestamp.from(c.correctedAt()), c.changesJson(), c.changeCount())
                .update();
    }

    /** The correction that accepted a refused retroactive change, if there is one. */
    public Optional<JournalCorrection> forRetroactiveChange(UUID retroactiveChangeId) {
        return jdbc.sql("SELECT * FROM journal_correction WHERE retroactive_change_id = ?").param(retroactiveChangeId)
                .query(JournalCorrections::map).optional();
    }

    /** The corrections of a class's period journal, oldest first. */
    public List<JournalCorrection> of(String schoolId, String academicYear, String classId, String periodId) {
        return jdbc.sql("""
                SELECT * FROM journal_correction WHERE school_id = ? AND academic_year = ? AND class_id = ?
                AND period_id = ? ORDER BY new_version""")
                .params(schoolId, academicYear, classId, periodId).query(JournalCorrections::map).list();
    }

    private static JournalCorrection map(ResultSet rs, int n) throws SQLException {
        return new JournalCorrection(rs.getObject("id", UUID.class), rs.getObject("retroactive_change_id", UUID.class),
                rs.getObject("import_id", UUID.class), rs.getString("school_id"), rs.getString("academic_year"),
                rs.getString("class_id"), rs.getString("period_id"), rs.getInt("correction_number"),
                rs.getInt("old_version"), rs.getInt("new_version"), rs.getObject("old_frozen_journal_id", UUID.class),
                rs.getObject("new_frozen_journal_id", UUID.class), rs.getString("reason"),
                rs.getString("authorised_by"), rs.getString("corrected_by"),
                rs.getTimestamp("corrected_at").toInstant(), rs.getString("changes_json"), rs.getInt("change_count"));
    }
}
