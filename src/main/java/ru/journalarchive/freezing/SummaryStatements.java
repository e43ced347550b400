package ru.journalarchive.freezing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and keeps the summary statements of final marks: one per class and academic year, from the class's frozen
 * period journals, stored once (canonical JSON, SHA-256, the moment it was built) with the pupils it lists; records
 * the year-end retroactive changes of earlier periods' final marks; finds a pupil's statements across years.
 */
@Component
public class SummaryStatements {

    /** Corrections (new versions) are built by the correction procedure; the year close builds version 1. */
    static final int FIRST_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    SummaryStatements(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A stored statement: its canonical JSON, hash, when it was built, and the retroactive changes found. */
    public record Stored(UUID id, String schoolId, String academicYear, String classId, String className, int grade,
            int version, String sha256, byte[] canonicalJson, Instant builtAt,
            List<RetroactiveChangeReport> retroactiveChanges) {

        /** The statement read back from its canonical JSON. */
        public SummaryStatement statement() {
            return read(canonicalJson);
        }
    }

    /** The classes of a school's year whose last period (Q4 or H2) is frozen, with marks (not grade 1), by id. */
    public List<String> classesClosingYear(String schoolId, String academicYear) {
        return jdbc.sql("""
                SELECT DISTINCT class_id FROM frozen_journal
                WHERE school_id = ? AND academic_year = ? AND period_id IN ('Q4', 'H2') AND version = ?
                ORDER BY class_id""")
                .params(schoolId, academicYear, FIRST_VERSION).query(String.class).list();
    }

    /**
     * Builds (once) and returns the class's statement of the year, with the retroactive changes of earlier periods'
     * final marks recorded; idempotent, committed on its own so that a restarted job finds the same statement.
     *
     * @return empty when the class keeps no marks (grade 1)
     * @throws IllegalStateException when the class's last period of the year is not frozen
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Stored> build(String schoolId, String academicYear, String classId) {
        Map<String, FrozenJournal> journals = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT * FROM frozen_journal WHERE school_id = ? AND academic_year = ? AND class_id = ? AND version = ?
                ORDER BY period_id""")
                .params(schoolId, academicYear, classId, FIRST_VERSION)
                .query(JournalFreezer::mapRow).list().forEach(j -> journals.put(j.periodId(), j));
        if (!journals.containsKey("Q4") && !journals.containsKey("H2")) {
            throw new IllegalStateException("class " + classId + " of " + schoolId + " " + academicYear
                    + " has no frozen last period (Q4 or H2)");
        }
        SummaryStatementBuilder.Result result = SummaryStatementBuilder.build(journals);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (SummaryStatementBuilder.Difference d : result.differences()) {
            jdbc.sql("""
                    INSERT INTO year_end_change (id, school_id, academic_year, class_id, period_id, frozen_journal_id,
                        copy_journal_id, detected_at, changes_json, change_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (frozen_journal_id, copy_journal_id) DO NOTHING""")
                    .params(UUID.randomUUID(), schoolId, academicYear, classId, d.original().periodId(),
                            d.original().id(), d.copy().id(), Timestamp.from(now),
                            MAPPER.writeValueAsString(d.changes()), d.changes().size())
                    .update();
        }
        SummaryStatement statement = result.statement();
        if (statement.schoolClass().grade() == 1) {
            return Optional.empty();
        }
        byte[] canonical = canonical(statement);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO summary_statement (id, school_id, academic_year, class_id, class_name, grade, version,
                    sha256, canonical_json, built_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, academic_year, class_id, version) DO NOTHING""")
                .params(id, schoolId, academicYear, classId, statement.schoolClass().name(),
                        statement.schoolClass().grade(), FIRST_VERSION, CanonicalJson.sha256(canonical), canonical,
                        Timestamp.from(now))
                .update();
        if (inserted == 1) {
            for (SummaryStatement.Pupil pupil : statement.students()) {
                jdbc.sql("INSERT INTO summary_statement_pupil (statement_id, student_id) VALUES (?, ?)")
                        .params(id, pupil.id()).update();
            }
        }
        return find(schoolId, academicYear, classId);
    }

    /** The class's name as its last frozen journal of the year has it (Q4 or H2), or the id. */
    public String className(String schoolId, String academicYear, String classId) {
        return jdbc.sql("SELECT * FROM frozen_journal WHERE school_id = ? AND academic_year = ? AND class_id = ?"
                        + " AND period_id IN ('Q4', 'H2') AND version = ?")
                .params(schoolId, academicYear, classId, FIRST_VERSION)
                .query(JournalFreezer::mapRow).optional().map(f -> f.journal().schoolClass().name()).orElse(classId);
    }

    /** The class's stored statement of the year, if built. */
    public Optional<Stored> find(String schoolId, String academicYear, String classId) {
        return jdbc.sql("""
                SELECT * FROM summary_statement
                WHERE school_id = ? AND academic_year = ? AND class_id = ? AND version = ?""")
                .params(schoolId, academicYear, classId, FIRST_VERSION)
                .query(this::mapRow).optional();
    }

    /** Every stored statement listing the pupil (source-system id), optionally of one school, oldest year first. */
    public List<Stored> forPupil(String studentId, String schoolId) {
        return jdbc.sql("""
                SELECT s.* FROM summary_statement s JOIN summary_statement_pupil p ON p.statement_id = s.id
                WHERE p.student_id = ? AND (CAST(? AS VARCHAR) IS NULL OR s.school_id = ?)
                ORDER BY s.academic_year, s.school_id, s.class_id, s.version""")
                .params(studentId, schoolId, schoolId)
                .query(this::mapRow).list();
    }

    /** The year-end retroactive changes recorded for a class's year, per earlier period. */
    public List<RetroactiveChangeReport> retroactiveChanges(String schoolId, String academicYear, String classId) {
        return jdbc.sql("""
                SELECT class_id, period_id, changes_json FROM year_end_change
                WHERE school_id = ? AND academic_year = ? AND class_id = ? ORDER BY period_id, detected_at""")
                .params(schoolId, academicYear, classId)
                .query((rs, n) -> new RetroactiveChangeReport(rs.getString(1), rs.getString(2),
                        List.of(MAPPER.readValue(rs.getString(3), RetroactiveChange[].class))))
                .list();
    }

    /** The canonical UTF-8 bytes of a statement: RFC 8785 (JCS); arrays keep their documented order. */
    public static byte[] canonical(SummaryStatement statement) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(statement)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a statement back from its canonical JSON. */
    public static SummaryStatement read(byte[] json) {
        return MAPPER.readValue(json, SummaryStatement.class);
    }

    private Stored mapRow(ResultSet rs, int row) throws SQLException {
        String schoolId = rs.getString("school_id");
        String year = rs.getString("academic_year");
        String classId = rs.getString("class_id");
        return new Stored(rs.getObject("id", UUID.class), schoolId, year, classId, rs.getString("class_name"),
                rs.getInt("grade"), rs.getInt("version"), rs.getString("sha256"), rs.getBytes("canonical_json"),
                rs.getTimestamp("built_at").toInstant(), retroactiveChanges(schoolId, year, classId));
    }
}
