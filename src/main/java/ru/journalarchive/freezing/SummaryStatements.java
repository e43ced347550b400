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
 * Builds and keeps the summary statements of final marks: per class and academic year, from the latest version of
 * each of the class's frozen period journals, stored once per version (canonical JSON, SHA-256, the moment it was
 * built) with the pupils it lists. An authorised correction of a period journal (its next frozen version) makes the
 * statement's next version, listing the corrections; earlier versions stay. Also records the year-end retroactive
 * changes of earlier periods' final marks and finds a pupil's latest statements across years.
 */
@Component
public class SummaryStatements {

    /** The first statement of a class's year; a correction of one of its period journals makes the next. */
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

    /** The classes of a school's year whose last period (Q4 or H2) is frozen, by id. */
    public List<String> classesClosingYear(String schoolId, String academicYear) {
        return jdbc.sql("""
                SELECT DISTINCT class_id FROM frozen_journal
                WHERE school_id = ? AND academic_year = ? AND period_id IN ('Q4', 'H2')
                ORDER BY class_id""")
                .params(schoolId, academicYear).query(String.class).list();
    }

    /**
     * Builds and returns the class's statement of the year from the latest version of each period journal, with the
     * retroactive changes of earlier periods' final marks recorded. Idempotent: while the journals it would be built
     * from are those of the latest stored version, that version is returned; a corrected journal (a newer frozen
     * version) makes the next version. Committed on its own so that a restarted job finds the same statement.
     *
     * @return empty when the class keeps no marks (a school's grade 1)
     * @throws IllegalStateException when the class's last period of the year is not frozen
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Stored> build(String schoolId, String academicYear, String classId) {
        Map<String, FrozenJournal> journals = latestJournals(schoolId, academicYear, classId);
        SummaryStatementBuilder.Result result = SummaryStatementBuilder.build(journals);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (SummaryStatementBuilder.Difference d : unexplained(result.differences())) {
            jdbc.sql("""
                    INSERT INTO year_end_change (id, school_id, academic_year, class_id, period_id, frozen_journal_id,
                        copy_journal_id, detected_at, changes_json, change_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (frozen_journal_id, copy_journal_id) DO NOTHING""")
                    .params(UUID.randomUUID(), schoolId, academicYear, classId, d.original().periodId(),
                            d.original().id(), d.copy().id(), Timestamp.from(now),
                            MAPPER.writeValueAsString(d.changes()), d.changes().size())
                    .update();
        }
        SummaryStatement statement = result.statement().withCorrections(corrections(schoolId, academicYear, classId,
                journals));
        if (!Completeness.keepsMarks(statement)) {
            return Optional.empty();
        }
        Optional<Stored> latest = find(schoolId, academicYear, classId);
        if (latest.isPresent() && latest.get().statement().periods().equals(statement.periods())) {
            return latest; // built from exactly these journals already
        }
        int version = latest.map(l -> l.version() + 1).orElse(FIRST_VERSION);
        byte[] canonical = canonical(statement);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO summary_statement (id, school_id, academic_year, class_id, class_name, grade, version,
                    sha256, canonical_json, built_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, academic_year, class_id, version) DO NOTHING""")
                .params(id, schoolId, academicYear, classId, statement.schoolClass().name(),
                        statement.schoolClass().grade(), version, CanonicalJson.sha256(canonical), canonical,
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

    /**
     * The statement the class's year would get now, built from the latest frozen journals and stored nowhere: what
     * the year close checks (year marks, any marks at all) before anything is built.
     *
     * @return empty when the class keeps no marks (grade 1)
     * @throws IllegalStateException when the class's last period of the year is not frozen
     */
    public Optional<SummaryStatement> preview(String schoolId, String academicYear, String classId) {
        SummaryStatement statement = SummaryStatementBuilder.build(latestJournals(schoolId, academicYear, classId))
                .statement();
        return Completeness.keepsMarks(statement) ? Optional.of(statement) : Optional.empty();
    }

    /** The latest version of each of the class's frozen period journals of the year; the last period must be one. */
    private Map<String, FrozenJournal> latestJournals(String schoolId, String academicYear, String classId) {
        Map<String, FrozenJournal> journals = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (period_id) * FROM frozen_journal
                WHERE school_id = ? AND academic_year = ? AND class_id = ?
                ORDER BY period_id, version DESC""")
                .params(schoolId, academicYear, classId)
                .query(JournalFreezer::mapRow).list().forEach(j -> journals.put(j.periodId(), j));
        if (!journals.containsKey("Q4") && !journals.containsKey("H2")) {
            throw new IllegalStateException("class " + classId + " of " + schoolId + " " + academicYear
                    + " has no frozen last period (Q4 or H2)");
        }
        return journals;
    }

    /**
     * The differences that are retroactive changes: a later journal's copy of an earlier period's final mark that
     * equals that mark in a superseded version of the earlier period's journal is not one — it is the value an
     * authorised correction replaced, copied before the correction.
     */
    private List<SummaryStatementBuilder.Difference> unexplained(List<SummaryStatementBuilder.Difference> differences) {
        List<SummaryStatementBuilder.Difference> left = new java.util.ArrayList<>();
        for (SummaryStatementBuilder.Difference d : differences) {
            if (d.original().version() == FIRST_VERSION) {
                left.add(d);
                continue;
            }
            List<FrozenJournal> superseded = jdbc.sql("""
                    SELECT * FROM frozen_journal WHERE school_id = ? AND academic_year = ? AND class_id = ?
                      AND period_id = ? AND version < ? ORDER BY version""")
                    .params(d.original().schoolId(), d.original().academicYear(), d.original().classId(),
                            d.original().periodId(), d.original().version())
                    .query(JournalFreezer::mapRow).list();
            List<RetroactiveChange> changes = d.changes().stream().filter(c -> superseded.stream().noneMatch(j ->
                    j.journal().schoolClass().finalMarks().stream().anyMatch(f -> f.period().equals(c.period())
                            && f.student().equals(c.studentId()) && f.subject().equals(c.subjectId())
                            && java.util.Objects.equals(f.value(), c.newValue())
                            && java.util.Objects.equals(f.enteredAt(), c.newEnteredAt())
                            && java.util.Objects.equals(f.enteredBy(), c.newEnteredBy())))).toList();
            if (!changes.isEmpty()) {
                left.add(new SummaryStatementBuilder.Difference(d.original(), d.copy(), changes));
            }
        }
        return left;
    }

    /** The authorised corrections of the journals used (up to each one's version), in period and number order. */
    private List<SummaryStatement.Correction> corrections(String schoolId, String academicYear, String classId,
            Map<String, FrozenJournal> used) {
        return jdbc.sql("""
                SELECT period_id, new_version, correction_number, reason, authorised_by, corrected_at
                FROM journal_correction WHERE school_id = ? AND academic_year = ? AND class_id = ?
                ORDER BY period_id, correction_number""")
                .params(schoolId, academicYear, classId)
                .query((rs, n) -> new SummaryStatement.Correction(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                .list().stream()
                .filter(c -> used.containsKey(c.period()) && c.journalVersion() <= used.get(c.period()).version())
                .toList();
    }

    /** The class's name as its last frozen journal of the year has it (Q4 or H2), or the id. */
    public String className(String schoolId, String academicYear, String classId) {
        return jdbc.sql("SELECT * FROM frozen_journal WHERE school_id = ? AND academic_year = ? AND class_id = ?"
                        + " AND period_id IN ('Q4', 'H2') ORDER BY version DESC LIMIT 1")
                .params(schoolId, academicYear, classId)
                .query(JournalFreezer::mapRow).optional().map(f -> f.journal().schoolClass().name()).orElse(classId);
    }

    /** The class's latest stored statement of the year, if built. */
    public Optional<Stored> find(String schoolId, String academicYear, String classId) {
        return jdbc.sql("""
                SELECT * FROM summary_statement
                WHERE school_id = ? AND academic_year = ? AND class_id = ? ORDER BY version DESC LIMIT 1""")
                .params(schoolId, academicYear, classId)
                .query(this::mapRow).optional();
    }

    /**
     * The latest stored statement of every class and year listing the pupil (source-system id), optionally of one
     * school, oldest year first: what an extract is drawn from (a superseded version never is).
     */
    public List<Stored> forPupil(String studentId, String schoolId) {
        return jdbc.sql("""
                SELECT s.* FROM summary_statement s JOIN summary_statement_pupil p ON p.statement_id = s.id
                WHERE p.student_id = ? AND (CAST(? AS VARCHAR) IS NULL OR s.school_id = ?)
                  AND s.version = (SELECT max(v.version) FROM summary_statement v WHERE v.school_id = s.school_id
                                   AND v.academic_year = s.academic_year AND v.class_id = s.class_id)
                ORDER BY s.academic_year, s.school_id, s.class_id, s.version""")
                .params(studentId, schoolId, schoolId)
                .query(this::mapRow).list();
    }

    /**
     * The year-end retroactive changes recorded for a class's year, per earlier period, that still stand: a change
     * found against a period journal that an authorised correction has since superseded is resolved by it.
     */
    public List<RetroactiveChangeReport> retroactiveChanges(String schoolId, String academicYear, String classId) {
        return jdbc.sql("""
                SELECT c.class_id, c.period_id, c.changes_json FROM year_end_change c
                JOIN frozen_journal o ON o.id = c.frozen_journal_id
                WHERE c.school_id = ? AND c.academic_year = ? AND c.class_id = ?
                  AND NOT EXISTS (SELECT 1 FROM frozen_journal n WHERE n.school_id = o.school_id
                      AND n.academic_year = o.academic_year AND n.class_id = o.class_id AND n.period_id = o.period_id
                      AND n.version > o.version)
                ORDER BY c.period_id, c.detected_at""")
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
