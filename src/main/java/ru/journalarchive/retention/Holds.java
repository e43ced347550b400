package ru.journalarchive.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Places and releases holds and answers whether a document is held. The registry is the authority (a held document
 * is never eligible, whatever the storage says); where a location enforces legal holds itself (S3 Object Lock) every
 * replica of a covered document gets one too, lifted only when no other active hold covers the document. A
 * permanent record's replicas carry a storage legal hold from the moment they are stored ({@code
 * StorageLocation.PERMANENT}); releasing a hold never lifts it.
 */
@Component
public class Holds {

    private static final Logger log = LoggerFactory.getLogger(Holds.class);

    /** SQL condition: hold {@code h} covers document {@code d}. */
    static final String COVERS = """
            h.school_id = d.school_id AND (h.scope = 'school'
                OR (h.scope = 'academic-year' AND h.academic_year = d.academic_year)
                OR (h.scope = 'class' AND h.academic_year = d.academic_year AND h.class_id = d.class_id)
                OR (h.scope = 'document' AND h.document_id = d.id))""";
    private static final String COLUMNS = "h.id, h.scope, h.school_id, h.academic_year, h.class_id, h.document_id, "
            + "h.reason, h.placed_by, h.placed_at, h.released_by, h.released_at, h.release_reason";

    private final JdbcClient jdbc;
    private final RetentionEvents events;
    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final Tombstones tombstones;

    Holds(JdbcClient jdbc, RetentionEvents events, DocumentRegistry registry, StorageLocations locations,
            Tombstones tombstones) {
        this.tombstones = tombstones;
        this.jdbc = jdbc;
        this.events = events;
        this.registry = registry;
        this.locations = locations;
    }

    /** A placed or released hold, the documents it covers and the storage legal holds that could not be set. */
    public record HoldResult(Hold hold, int documents, int storageHolds, List<String> storageFailures) {
    }

    /**
     * Places a hold and mirrors it to the locations that enforce legal holds.
     *
     * @throws HoldException naming the option at fault: blank reason or name, a field the scope needs missing, or a
     *                       scope that covers no archived document (a mistyped class or year)
     */
    @Transactional
    public HoldResult place(HoldRequest request) {
        Hold hold = validated(request);
        jdbc.sql("""
                INSERT INTO retention_hold (id, scope, school_id, academic_year, class_id, document_id, reason,
                    placed_by, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(hold.id(), hold.scope(), hold.schoolId(), hold.academicYear(), hold.classId(),
                        hold.documentId(), hold.reason(), hold.placedBy(), Timestamp.from(hold.placedAt()))
                .update();
        List<UUID> covered = covered(hold.id());
        if (covered.isEmpty()) {
            throw new HoldException(switch (request.scope()) {
                case DOCUMENT -> "document";
                case CLASS -> "class";
                case ACADEMIC_YEAR -> "year";
                case SCHOOL -> "school";
            }, RetentionMessages.get("hold.nothingCovered", describe(hold)));
        }
        events.record("hold-placed", null, hold.documentId(), hold.id(), RetentionMessages.get("hold.event.placed",
                describe(hold), covered.size(), hold.reason()), hold.placedBy());
        Mirror mirror = mirror(covered, true);
        return new HoldResult(hold, covered.size(), mirror.set(), mirror.failures());
    }

    /**
     * Releases an active hold; storage legal holds are lifted from the documents no other active hold covers.
     *
     * @throws HoldException for an unknown or already released hold, or a blank reason or name
     */
    @Transactional
    public HoldResult release(UUID holdId, String reason, String releasedBy) {
        requireText("reason", reason);
        requireText("by", releasedBy);
        Hold hold = find(holdId).orElseThrow(() -> new HoldException("hold",
                RetentionMessages.get("hold.unknown", holdId)));
        if (!hold.active()) {
            throw new HoldException("hold", RetentionMessages.get("hold.alreadyReleased", holdId,
                    hold.releasedAt().toString(), hold.releasedBy()));
        }
        List<UUID> covered = covered(holdId);
        jdbc.sql("UPDATE retention_hold SET released_by = ?, released_at = ?, release_reason = ? WHERE id = ?")
                .params(releasedBy.strip(), Timestamp.from(Instant.now()), reason.strip(), holdId).update();
        events.record("hold-released", null, hold.documentId(), holdId, RetentionMessages.get("hold.event.released",
                describe(hold), reason.strip()), releasedBy.strip());
        List<UUID> free = covered.stream().filter(id -> !isHeld(id)).toList();
        Mirror mirror = mirror(free, false);
        return new HoldResult(find(holdId).orElseThrow(), covered.size(), mirror.set(), mirror.failures());
    }

    /** Whether an active hold covers the document. */
    public boolean isHeld(UUID documentId) {
        return !activeCovering(documentId).isEmpty();
    }

    /** The active holds that cover a document, oldest first. */
    public List<Hold> activeCovering(UUID documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention_hold h JOIN archived_document d ON " + COVERS
                        + " WHERE d.id = ? AND h.released_at IS NULL ORDER BY h.placed_at, h.id")
                .param(documentId).query(Holds::hold).list();
    }

    /** Holds of a school (all schools when {@code null}); only active ones unless {@code includeReleased}. */
    public List<Hold> list(String schoolId, boolean includeReleased) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention_hold h WHERE (CAST(? AS TEXT) IS NULL OR h.school_id = ?)"
                        + (includeReleased ? "" : " AND h.released_at IS NULL") + " ORDER BY h.placed_at, h.id")
                .params(schoolId, schoolId).query(Holds::hold).list();
    }

    /** A hold by id. */
    public java.util.Optional<Hold> find(UUID holdId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retention_hold h WHERE h.id = ?").param(holdId)
                .query(Holds::hold).optional();
    }

    /**
     * Sets the storage legal hold on every replica of every document an active hold covers (documents archived after
     * the hold was placed, a location that was down) and of every permanent record (stored before permanent records
     * were held); idempotent. Returns the failures, each naming location and key.
     */
    public List<String> reconcileStorage() {
        List<UUID> held = jdbc.sql("SELECT DISTINCT d.id FROM archived_document d JOIN retention_hold h ON " + COVERS
                        + " WHERE h.released_at IS NULL UNION SELECT r.document_id FROM document_retention r"
                        + " WHERE r.eligible_for_destruction_from IS NULL ORDER BY 1").query(UUID.class).list();
        return mirror(held, true).failures();
    }

    private record Mirror(int set, List<String> failures) {
    }

    private Mirror mirror(List<UUID> documentIds, boolean on) {
        int set = 0;
        List<String> failures = new ArrayList<>();
        for (UUID documentId : documentIds) {
            // Destroyed, or being destroyed by an executing act: a storage legal hold would only jam the execution.
            if (tombstones.isRetired(documentId)) {
                continue;
            }
            ArchivedDocument document = registry.get(documentId);
            if (!on && document.retention().eligibleForDestructionFrom() == null) {
                continue; // a permanent record keeps its storage legal hold for good: no hold release lifts it
            }
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                for (ArchivedDocument.Replica replica : object.replicas()) {
                    StorageLocation location = locations.get(replica.location());
                    if (!location.supportsLegalHold()) {
                        continue;
                    }
                    try {
                        location.legalHold(replica.key(), on);
                        set++;
                    } catch (RuntimeException e) {
                        log.warn("Legal hold {} on {} in {} failed: {}", on ? "set" : "lift", replica.key(),
                                replica.location(), e.getMessage());
                        failures.add(RetentionMessages.get("hold.storage.failed", replica.location(), replica.key(),
                                String.valueOf(e.getMessage())));
                    }
                }
            }
        }
        return new Mirror(set, failures);
    }


    private List<UUID> covered(UUID holdId) {
        return jdbc.sql("SELECT d.id FROM archived_document d JOIN retention_hold h ON " + COVERS
                        + " WHERE h.id = ? ORDER BY d.academic_year, d.class_id, d.period_id, d.version, d.id")
                .param(holdId).query(UUID.class).list();
    }

    private Hold validated(HoldRequest r) {
        requireText("reason", r.reason());
        requireText("by", r.placedBy());
        String school = r.schoolId();
        String year = r.academicYear();
        String classId = r.classId();
        UUID documentId = r.documentId();
        switch (r.scope()) {
            case DOCUMENT -> {
                if (documentId == null) {
                    throw new HoldException("document", RetentionMessages.get("hold.field.required", "--document",
                            r.scope().code()));
                }
                ArchivedDocument document;
                try {
                    document = registry.get(documentId);
                } catch (IllegalArgumentException e) {
                    throw new HoldException("document", RetentionMessages.get("hold.document.unknown", documentId));
                }
                if (school != null && !school.equals(document.schoolId())) {
                    throw new HoldException("school", RetentionMessages.get("hold.document.otherSchool", documentId,
                            document.schoolId(), school));
                }
                school = document.schoolId();
                year = null;
                classId = null;
            }
            case CLASS -> {
                requireField("school", "--school", school, r.scope());
                requireField("year", "--year", year, r.scope());
                requireField("class", "--class", classId, r.scope());
                documentId = null;
            }
            case ACADEMIC_YEAR -> {
                requireField("school", "--school", school, r.scope());
                requireField("year", "--year", year, r.scope());
                classId = null;
                documentId = null;
            }
            case SCHOOL -> {
                requireField("school", "--school", school, r.scope());
                year = null;
                classId = null;
                documentId = null;
            }
        }
        if (year != null && !year.matches("\\d{4}/\\d{4}")) {
            throw new HoldException("year", RetentionMessages.get("retention.academicYear.invalid", year));
        }
        return new Hold(UUID.randomUUID(), r.scope().code(), school, year, classId, documentId, r.reason().strip(),
                r.placedBy().strip(), Instant.now(), null, null, null);
    }

    private static void requireField(String field, String option, String value, HoldScope scope) {
        if (value == null || value.isBlank()) {
            throw new HoldException(field, RetentionMessages.get("hold.field.required", option, scope.code()));
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new HoldException(field, RetentionMessages.get("hold.text.required", "--" + field));
        }
    }

    /** The hold's coverage in words, for events and messages: «класс 5a, 2024/2025, школа sosh-7». */
    static String describe(Hold hold) {
        return switch (hold.scope()) {
            case "document" -> RetentionMessages.get("hold.describe.document", hold.documentId(), hold.schoolId());
            case "class" -> RetentionMessages.get("hold.describe.class", hold.classId(), hold.academicYear(),
                    hold.schoolId());
            case "academic-year" -> RetentionMessages.get("hold.describe.year", hold.academicYear(), hold.schoolId());
            default -> RetentionMessages.get("hold.describe.school", hold.schoolId());
        };
    }

    private static Hold hold(ResultSet rs, int n) throws SQLException {
        Timestamp released = rs.getTimestamp(11);
        return new Hold(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getString(10), released == null ? null : released.toInstant(),
                rs.getString(12));
    }
}
