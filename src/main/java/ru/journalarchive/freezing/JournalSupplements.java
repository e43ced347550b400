package ru.journalarchive.freezing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of supplements after the close (tables {@code journal_supplement} and {@code journal_supplement_mark},
 * insert-only): written in the transaction that freezes the supplemented version, read back to render its sheet.
 */
@Component
class JournalSupplements {

    private final JdbcClient jdbc;

    JournalSupplements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the supplement of {@code base} frozen as {@code next} (caller's transaction); idempotent per version. */
    JournalSupplement record(UUID importId, FrozenJournal base, FrozenJournal next,
            List<JournalSupplement.AddedMark> marks, Instant recordedAt) {
        Optional<JournalSupplement> existing = ofVersion(next.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        int number = jdbc.sql("""
                SELECT count(*) FROM journal_supplement
                WHERE school_id = ? AND academic_year = ? AND class_id = ? AND period_id = ?""")
                .params(base.schoolId(), base.academicYear(), base.classId(), base.periodId())
                .query(Integer.class).single() + 1;
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO journal_supplement (id, import_id, school_id, academic_year, class_id, period_id,
                    supplement_number, old_version, new_version, old_frozen_journal_id, new_frozen_journal_id,
                    recorded_at, mark_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, importId, base.schoolId(), base.academicYear(), base.classId(), base.periodId(), number,
                        base.version(), next.version(), base.id(), next.id(), Timestamp.from(recordedAt),
                        marks.size())
                .update();
        for (JournalSupplement.AddedMark m : marks) {
            jdbc.sql("""
                    INSERT INTO journal_supplement_mark (supplement_id, student_id, subject_id, kind, value,
                        entered_by, entered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, m.studentId(), m.subjectId(), m.kind(), m.value(), m.enteredBy(), m.enteredAt())
                    .update();
        }
        return ofVersion(next.id()).orElseThrow();
    }

    /** The supplement a frozen version was created by, if it was. */
    Optional<JournalSupplement> ofVersion(UUID frozenJournalId) {
        return jdbc.sql("SELECT * FROM journal_supplement WHERE new_frozen_journal_id = ?").param(frozenJournalId)
                .query(this::map).optional();
    }

    /** The supplements accepted from a snapshot import, by class. */
    List<JournalSupplement> ofImport(UUID importId) {
        return jdbc.sql("SELECT * FROM journal_supplement WHERE import_id = ? ORDER BY class_id, new_version")
                .param(importId).query(this::map).list();
    }

    private JournalSupplement map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<JournalSupplement.AddedMark> marks = jdbc.sql("""
                SELECT * FROM journal_supplement_mark WHERE supplement_id = ?
                ORDER BY student_id, subject_id, kind""")
                .param(id)
                .query((m, i) -> new JournalSupplement.AddedMark(m.getString("student_id"), m.getString("subject_id"),
                        m.getString("kind"), m.getString("value"), m.getString("entered_by"),
                        m.getString("entered_at")))
                .list();
        return new JournalSupplement(id, rs.getObject("import_id", UUID.class), rs.getString("school_id"),
                rs.getString("academic_year"), rs.getString("class_id"), rs.getString("period_id"),
                rs.getInt("supplement_number"), rs.getInt("old_version"), rs.getInt("new_version"),
                rs.getObject("old_frozen_journal_id", UUID.class), rs.getObject("new_frozen_journal_id", UUID.class),
                rs.getTimestamp("recorded_at").toInstant(), marks);
    }
}
