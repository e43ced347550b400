package ru.journalarchive.freezing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.snapshot.ClassJournal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freezes class journals: stores the canonical JSON and its SHA-256 once per school, year, class and period, and
 * refuses (and records) a later snapshot whose content differs — unless it only adds exam, final or year marks after
 * the close, which is frozen as the next version and recorded as a supplement.
 */
@Component
public class JournalFreezer {

    /** A close freezes version 1; corrections and supplements freeze versions 2, 3 … ({@link #freezeVersion}). */
    static final int FIRST_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JournalSupplements supplements;

    JournalFreezer(JdbcClient jdbc, Optional<Clock> clock, JournalSupplements supplements) {
        this.jdbc = jdbc;
        this.supplements = supplements;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Freezes one class journal of an accepted snapshot; idempotent for identical content. Commits on its own
     * (a new transaction) so that the frozen moment, which the rendered PDF carries, survives a crash after it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public FreezeResult freeze(ClassJournal journal, UUID importId) {
        byte[] canonical = CanonicalJson.of(journal);
        String sha256 = CanonicalJson.sha256(canonical);
        var schoolClass = journal.schoolClass();
        // PostgreSQL keeps microseconds: truncate so the value read back later is the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String schoolId = journal.school().id();
        String periodId = schoolClass.period().id();
        if (versions(schoolId, journal.academicYear(), schoolClass.id(), periodId).isEmpty()) {
            jdbc.sql("""
                    INSERT INTO frozen_journal (id, school_id, academic_year, class_id, period_id, version, sha256,
                                                canonical_json, frozen_at, import_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (school_id, academic_year, class_id, period_id, version) DO NOTHING""")
                    .params(UUID.randomUUID(), schoolId, journal.academicYear(), schoolClass.id(), periodId,
                            FIRST_VERSION, sha256, canonical, Timestamp.from(now), importId)
                    .update();
        }
        List<FrozenJournal> versions = versions(schoolId, journal.academicYear(), schoolClass.id(), periodId);
        // Content equal to any frozen version (the original, a correction or a supplement) is already archived.
        Optional<FrozenJournal> same = versions.stream().filter(v -> v.sha256().equals(sha256)).findFirst();
        if (same.isPresent()) {
            // A version a supplement created is rendered with its sheet whoever closes it; a restarted close of the
            // import that brought the supplement resumes it (the version and its record committed together).
            Optional<JournalSupplement> supplement = supplements.ofVersion(same.get().id());
            if (supplement.isPresent() && supplement.get().importId().equals(importId)) {
                return new FreezeResult(FreezeResult.Outcome.SUPPLEMENT, same.get(), List.of(), supplement.get());
            }
            boolean fresh = same.get().frozenAt().equals(now);
            return new FreezeResult(fresh ? FreezeResult.Outcome.FROZEN : FreezeResult.Outcome.ALREADY_FROZEN,
                    same.get(), List.of(), supplement.orElse(null));
        }
        FrozenJournal frozen = versions.get(versions.size() - 1);
        List<RetroactiveChange> changes = RetroactiveChangeDetector.differences(frozen.journal(), journal);
        Optional<List<JournalSupplement.AddedMark>> added = RetroactiveChangeDetector.supplement(frozen.journal(),
                journal, changes);
        if (added.isPresent()) {
            // Only exam, final or year marks added after the close: the next version, with its record, at once.
            FrozenJournal next = freezeVersion(journal, importId, frozen.version() + 1, now);
            JournalSupplement supplement = supplements.record(importId, frozen, next, added.get(), now);
            return new FreezeResult(FreezeResult.Outcome.SUPPLEMENT, next, changes, supplement);
        }
        jdbc.sql("""
                INSERT INTO retroactive_change (id, frozen_journal_id, import_id, incoming_sha256, detected_at,
                                                changes_json, change_count)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (frozen_journal_id, import_id) DO NOTHING""")
                .params(UUID.randomUUID(), frozen.id(), importId, sha256, Timestamp.from(now),
                        MAPPER.writeValueAsString(changes), changes.size())
                .update();
        return new FreezeResult(FreezeResult.Outcome.RETROACTIVE_CHANGE, frozen, changes);
    }

    /**
     * Freezes an authorised correction of a class journal as the next version, in the caller's transaction (so that
     * the correction's record commits with it); the previous versions stay.
     *
     * @param version the new version: one more than the latest frozen version
     * @throws IllegalStateException if that version exists with other content
     */
    @Transactional
    public FrozenJournal freezeVersion(ClassJournal journal, UUID importId, int version, Instant frozenAt) {
        byte[] canonical = CanonicalJson.of(journal);
        String sha256 = CanonicalJson.sha256(canonical);
        var schoolClass = journal.schoolClass();
        jdbc.sql("""
                INSERT INTO frozen_journal (id, school_id, academic_year, class_id, period_id, version, sha256,
                                            canonical_json, frozen_at, import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, academic_year, class_id, period_id, version) DO NOTHING""")
                .params(UUID.randomUUID(), journal.school().id(), journal.academicYear(), schoolClass.id(),
                        schoolClass.period().id(), version, sha256, canonical,
                        Timestamp.from(frozenAt.truncatedTo(ChronoUnit.MICROS)), importId)
                .update();
        FrozenJournal frozen = versions(journal.school().id(), journal.academicYear(), schoolClass.id(),
                schoolClass.period().id()).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
        if (!frozen.sha256().equals(sha256)) {
            throw new IllegalStateException("version " + version + " of class " + schoolClass.id()
                    + " is frozen with other content");
        }
        return frozen;
    }

    /** The frozen journal of a class and period in its first version, if it was frozen. */
    public Optional<FrozenJournal> find(String schoolId, String academicYear, String classId, String periodId) {
        return jdbc.sql("""
                SELECT * FROM frozen_journal
                WHERE school_id = ? AND academic_year = ? AND class_id = ? AND period_id = ? AND version = ?""")
                .params(schoolId, academicYear, classId, periodId, FIRST_VERSION)
                .query(JournalFreezer::mapRow).optional();
    }

    /** Every frozen version of a class's period journal, oldest first (version 1 is the close, later ones corrections). */
    public List<FrozenJournal> versions(String schoolId, String academicYear, String classId, String periodId) {
        return jdbc.sql("""
                SELECT * FROM frozen_journal
                WHERE school_id = ? AND academic_year = ? AND class_id = ? AND period_id = ? ORDER BY version""")
                .params(schoolId, academicYear, classId, periodId)
                .query(JournalFreezer::mapRow).list();
    }

    /** A frozen journal by its id (an archived document's {@code frozenJournalId}), if there is one. */
    public Optional<FrozenJournal> get(UUID frozenJournalId) {
        return jdbc.sql("SELECT * FROM frozen_journal WHERE id = ?").param(frozenJournalId)
                .query(JournalFreezer::mapRow).optional();
    }

    /** What differs between two journals of the same class and period (the retroactive-change report). */
    public List<RetroactiveChange> differences(ClassJournal before, ClassJournal after) {
        return RetroactiveChangeDetector.differences(before, after);
    }

    /** The supplements after the close accepted from a snapshot import, by class. */
    public List<JournalSupplement> supplements(UUID importId) {
        return supplements.ofImport(importId);
    }

    /** A re-close refused for one class of an import: the recorded change and the frozen version it was refused by. */
    public record RefusedChange(UUID id, FrozenJournal refusedBy, List<RetroactiveChange> changes) {
    }

    /** The retroactive change refused for a class of an import, if its re-close was refused. */
    public Optional<RefusedChange> refusedChange(UUID importId, String classId) {
        return jdbc.sql("""
                SELECT r.id AS change_id, r.changes_json, f.* FROM retroactive_change r
                JOIN frozen_journal f ON f.id = r.frozen_journal_id
                WHERE r.import_id = ? AND f.class_id = ? ORDER BY f.version DESC LIMIT 1""")
                .params(importId, classId)
                .query((rs, n) -> new RefusedChange(rs.getObject("change_id", UUID.class), mapRow(rs, n),
                        List.of(MAPPER.readValue(rs.getString("changes_json"), RetroactiveChange[].class))))
                .optional();
    }

    /** The retroactive changes recorded for a snapshot import. */
    public List<RetroactiveChangeReport> retroactiveChanges(UUID importId) {
        return jdbc.sql("""
                SELECT f.class_id, f.period_id, r.changes_json FROM retroactive_change r
                JOIN frozen_journal f ON f.id = r.frozen_journal_id
                WHERE r.import_id = ? ORDER BY f.class_id""")
                .param(importId)
                .query((rs, n) -> new RetroactiveChangeReport(rs.getString(1), rs.getString(2),
                        List.of(MAPPER.readValue(rs.getString(3), RetroactiveChange[].class))))
                .list();
    }

    static FrozenJournal mapRow(ResultSet rs, int row) throws SQLException {
        return new FrozenJournal(rs.getObject("id", UUID.class), rs.getString("school_id"),
                rs.getString("academic_year"), rs.getString("class_id"), rs.getString("period_id"),
                rs.getInt("version"), rs.getString("sha256"), rs.getBytes("canonical_json"),
                rs.getTimestamp("frozen_at").toInstant());
    }
}
