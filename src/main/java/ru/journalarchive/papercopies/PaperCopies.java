package ru.journalarchive.papercopies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ru.journalarchive.registry.Tombstones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.rendering.PrintPacketRenderer;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.Regulations;
import java.time.LocalDate;

/**
 * The registry of paper copies: a copy is registered when printed, then each step is recorded once, in order, in an
 * insert-only log (who did it, when, who recorded it, the step's details); the copy's state follows. A step out of
 * order, a repeated step, a subject not in the journal or a destruction without an executed act is refused with a
 * {@link PaperCopyException} before anything is written.
 */
@Component
public class PaperCopies {

    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{8}[0-9a-f-]{0,28}");

    private final JdbcClient jdbc;
    private final PrintPackets packets;
    private final Tombstones tombstones;
    private final Clock clock;
    private final Regulations regulations;
    private final PaperCustody custody;

    @Autowired
    PaperCopies(JdbcClient jdbc, PrintPackets packets, Tombstones tombstones, Regulations regulations,
            PaperCustody custody) {
        this(jdbc, packets, tombstones, regulations, custody, Clock.systemUTC());
    }

    PaperCopies(JdbcClient jdbc, PrintPackets packets, Tombstones tombstones, Regulations regulations,
            PaperCustody custody, Clock clock) {
        this.regulations = regulations;
        this.custody = custody;
        this.jdbc = jdbc;
        this.packets = packets;
        this.tombstones = tombstones;
        this.clock = clock;
    }

    /**
     * Registers a printed copy of an archived class journal or summary statement; a journal's copy with the subject
     * teachers who must sign it (the teachers of the journal's sheets, as the print packet names them) when the
     * school's routine has their signatures.
     *
     * @param sheets sheets printed; null: the print packet's sheet count
     * @throws PaperCopyException {@code noPaper} when the school's regulation keeps no paper copies (regime none),
     *                            {@code noFinalMarks} for a marked grade's journal without its final marks
     */
    @Transactional
    public PaperCopy print(UUID documentId, Integer sheets, StepDetails details) {
        PrintPackets.Source source = packets.source(documentId);
        RegulationProfile profile = regulations.forSchool(source.document().schoolId());
        if (profile.paper().regime() == RegulationProfile.PaperRegime.NONE) {
            throw new PaperCopyException("noPaper", profile.title(), profile.basis());
        }
        PrintPackets.requirePrintable(source);
        PaperRoutine routine = PaperRoutine.of(profile, source.document().documentType());
        int count = sheets == null ? source.document().pageCount() + 1 : sheets;
        if (count <= 0) {
            throw new PaperCopyException("sheets", count);
        }
        String performedBy = required("by", details.performedBy());
        String classTeacher = source.classTeacher();
        String director = source.director();
        int number = jdbc.sql("SELECT coalesce(max(copy_number), 0) + 1 FROM paper_copy WHERE document_id = ?")
                .param(documentId).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO paper_copy (id, document_id, copy_number, state, sheets, class_teacher, director,
                        created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, documentId, number, PaperStep.PRINTED.code(), count, blankToNull(classTeacher),
                            blankToNull(director), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) { // printed at the same moment by someone else
            throw new PaperCopyException("concurrentPrint", documentId);
        }
        List<PrintPacketRenderer.SubjectSigner> signers = source.journal() != null
                && routine.has(PaperStep.SUBJECT_SIGNED) ? PrintPacketRenderer.subjectSigners(source.journal())
                : List.of();
        for (PrintPacketRenderer.SubjectSigner signer : signers) {
            jdbc.sql("""
                    INSERT INTO paper_copy_signer (copy_id, subject_id, teacher_id, subject_name, teacher_name)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(id, signer.subjectId(), signer.teacherId(), signer.subjectName(), signer.teacherName())
                    .update();
        }
        insertEvent(id, PaperStep.PRINTED, performedBy, details, count, null, null, null);
        return get(id);
    }

    /**
     * Records a step after printing.
     *
     * @throws PaperCopyException naming what is missing: the step before it ({@code outOfOrder}), the subjects not
     *                            signed yet ({@code subjectsMissing}), the step already recorded ({@code repeated}), a
     *                            subject not in the journal, a missing place field, a missing destruction act
     */
    @Transactional
    public PaperCopy record(UUID copyId, PaperStep step, StepDetails details) {
        if (step == PaperStep.PRINTED) {
            throw new IllegalArgumentException("a copy is printed with print(), not record()");
        }
        lock(copyId);
        PaperCopy copy = get(copyId);
        if (copy.state() == PaperStep.DESTROYED) {
            throw new PaperCopyException("alreadyDestroyed", copy.copyNumber(), copy.event(PaperStep.DESTROYED)
                    .map(PaperCopy.Event::actNumber).orElse("—"));
        }
        RegulationProfile profile = regulations.forSchool(copy.document().schoolId());
        PaperRoutine routine = PaperRoutine.of(profile, copy.document().documentType());
        if (!routine.has(step)) {
            throw new PaperCopyException("notInRoutine", step.code(), copy.copyNumber(), profile.title(),
                    routine.sequence().stream().map(PaperStep::code).collect(Collectors.joining(", ")));
        }
        if (step == PaperStep.SUBJECT_SIGNED) {
            return signSubject(copy, details);
        }
        PaperStep effective = routine.effective(copy);
        if (routine.sequence().indexOf(effective) >= routine.sequence().indexOf(step)) {
            PaperCopy.Event done = copy.event(step).orElse(null);
            throw new PaperCopyException("repeated", step.code(), copy.copyNumber(),
                    done == null ? "—" : done.performedBy(), done == null ? null : done.performedAt());
        }
        PaperStep needed = routine.previous(step).orElseThrow();
        if (effective != needed) {
            if (effective == PaperStep.PRINTED && routine.has(PaperStep.SUBJECT_SIGNED)) {
                throw new PaperCopyException("subjectsMissing", step.code(), copy.copyNumber(),
                        describe(copy.missingSignatures()));
            }
            throw new PaperCopyException("outOfOrder", step.code(), copy.copyNumber(),
                    routine.next(effective).orElseThrow().code(), effective.code());
        }
        if (step == PaperStep.TRANSFERRED_TO_ARCHIVE && custody.withClassTeacher(copy.document().schoolId())
                && custody.graduated(copy.document()).isEmpty()) {
            // 003 §5.5: the copies stay with the group's class teacher until the group graduates.
            throw new PaperCopyException("notGraduated", copy.copyNumber(), copy.document().className(),
                    copy.classTeacher() == null ? "—" : copy.classTeacher());
        }
        String performedBy = details.performedBy();
        Integer sheets = null;
        String actNumber = null;
        switch (step) {
            case CLASS_TEACHER_CERTIFIED -> performedBy = performedBy == null ? copy.classTeacher() : performedBy;
            case DIRECTOR_SIGNED_SEALED -> performedBy = performedBy == null ? copy.director() : performedBy;
            case BOUND_NUMBERED -> {
                sheets = details.sheets() == null ? copy.sheets() : details.sheets();
                if (sheets <= 0) {
                    throw new PaperCopyException("sheets", sheets);
                }
            }
            case PLACED -> requirePlace(details);
            case DESTROYED -> actNumber = tombstones.of(copy.documentId()).map(Tombstones.Tombstone::actNumber).orElseThrow(
                    () -> new PaperCopyException("noTombstone", copy.copyNumber(), copy.documentId()));
            default -> { }
        }
        performedBy = required("by", performedBy);
        insertEvent(copyId, step, performedBy, details, sheets, null, null, actNumber);
        jdbc.sql("UPDATE paper_copy SET state = ? WHERE id = ?").params(step.code(), copyId).update();
        return get(copyId);
    }

    private PaperCopy signSubject(PaperCopy copy, StepDetails details) {
        if (copy.state() != PaperStep.PRINTED) {
            throw new PaperCopyException("repeated", PaperStep.SUBJECT_SIGNED.code(), copy.copyNumber(), "—", null);
        }
        String subject = required("subject", details.subjectId());
        List<PaperCopy.Signer> ofSubject = copy.signers().stream().filter(s -> s.subjectId().equals(subject))
                .toList();
        if (ofSubject.isEmpty()) {
            throw new PaperCopyException("unknownSubject", subject, copy.copyNumber(),
                    copy.signers().stream().map(s -> s.subjectId() + " (" + s.subjectName() + ")").distinct()
                            .collect(Collectors.joining(", ")));
        }
        PaperCopy.Signer signer;
        if (details.teacherId() != null) {
            signer = ofSubject.stream().filter(s -> s.teacherId().equals(details.teacherId())).findFirst()
                    .orElseThrow(() -> new PaperCopyException("unknownTeacher", details.teacherId(), subject,
                            describe(ofSubject)));
        } else if (ofSubject.size() > 1) {
            throw new PaperCopyException("teacherNeeded", subject, describe(ofSubject));
        } else {
            signer = ofSubject.get(0);
        }
        Optional<PaperCopy.Event> already = copy.events().stream().filter(e -> e.step() == PaperStep.SUBJECT_SIGNED
                && e.subjectId().equals(signer.subjectId()) && signer.teacherId().equals(e.teacherId())).findFirst();
        if (already.isPresent()) {
            throw new PaperCopyException("subjectRepeated", signer.subjectName(), copy.copyNumber(),
                    already.get().performedBy(), already.get().performedAt());
        }
        String performedBy = required("by", details.performedBy() != null ? details.performedBy()
                : blankToNull(signer.teacherName()));
        insertEvent(copy.id(), PaperStep.SUBJECT_SIGNED, performedBy, details, null, signer.subjectId(),
                signer.teacherId(), null);
        PaperCopy signed = get(copy.id());
        if (signed.missingSignatures().isEmpty()) {
            jdbc.sql("UPDATE paper_copy SET state = ? WHERE id = ?").params(PaperStep.SUBJECT_SIGNED.code(), copy.id())
                    .update();
            return get(copy.id());
        }
        return signed;
    }

    private void insertEvent(UUID copyId, PaperStep step, String performedBy, StepDetails details, Integer sheets,
            String subjectId, String teacherId, String actNumber) {
        Instant now = clock.instant();
        Instant at = details.performedAt() == null ? now : details.performedAt();
        boolean placed = step == PaperStep.PLACED;
        jdbc.sql("""
                INSERT INTO paper_copy_event (copy_id, step, performed_by, performed_at, recorded_by, recorded_at,
                    sheets, subject_id, teacher_id, room, cabinet, shelf, box, nomenclature_index, act_number, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(copyId, step.code(), performedBy, Timestamp.from(at),
                        required("recordedBy", details.recordedBy()), Timestamp.from(now), sheets, subjectId,
                        teacherId, placed ? details.room().strip() : null, placed ? details.cabinet().strip() : null,
                        placed ? details.shelf().strip() : null, placed ? details.box().strip() : null,
                        placed ? details.nomenclatureIndex().strip() : null, actNumber, blankToNull(details.note()))
                .update();
    }

    private static void requirePlace(StepDetails details) {
        List<String> missing = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("--room", details.room());
        fields.put("--cabinet", details.cabinet());
        fields.put("--shelf", details.shelf());
        fields.put("--box", details.box());
        fields.put("--index", details.nomenclatureIndex());
        fields.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty()) {
            throw new PaperCopyException("placeMissing", String.join(", ", missing));
        }
    }

    /** The steps a copy goes through under its school's regulation. */
    public PaperRoutine routine(PaperCopy copy) {
        return PaperRoutine.of(regulations.forSchool(copy.document().schoolId()), copy.document().documentType());
    }

    /** The step a copy has completed in its routine, and the next one (empty when there is none). */
    public Optional<PaperStep> nextStep(PaperCopy copy) {
        PaperRoutine routine = routine(copy);
        return routine.next(routine.effective(copy));
    }

    /**
     * A graduated group's copy (003 §5.5) with where it stands: to be transferred to the archive, or transferred.
     *
     * @param graduatedOn the last day of the group's last semester
     */
    public record Transfer(PaperCopy copy, LocalDate graduatedOn, boolean transferred) {
    }

    /**
     * The copies of a school's graduated groups, for transfer to the archive: each not destroyed copy of a group
     * whose last semester is closed, by group, document and copy number. Empty when the school keeps its copies in
     * the registry.
     */
    public List<Transfer> transfers(String schoolId) {
        if (!custody.withClassTeacher(schoolId)) {
            return List.of();
        }
        Map<String, Optional<LocalDate>> graduated = new LinkedHashMap<>();
        List<Transfer> result = new ArrayList<>();
        for (PaperCopy copy : list(new DocumentQuery(schoolId, null, null, null), null)) {
            Optional<LocalDate> on = graduated.computeIfAbsent(copy.document().classId() + "/"
                    + copy.document().academicYear(), c -> custody.graduated(copy.document()));
            if (on.isPresent() && copy.state() != PaperStep.DESTROYED) {
                result.add(new Transfer(copy, on.get(), copy.state().compareTo(PaperStep.TRANSFERRED_TO_ARCHIVE) >= 0));
            }
        }
        return result;
    }

    /** A copy with its history. */
    public PaperCopy get(UUID copyId) {
        return query("c.id = ?", List.of(copyId)).stream().findFirst()
                .orElseThrow(() -> new PaperCopyException("unknownCopy", copyId));
    }

    /**
     * The copy an id or an unambiguous id prefix (at least 8 hex digits, as {@code paper list} shows) names.
     *
     * @throws PaperCopyException {@code copyId} for a malformed id, {@code unknownCopy}, {@code ambiguousCopy}
     */
    public UUID resolve(String idOrPrefix) {
        String value = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (!ID_PREFIX.matcher(value).matches()) {
            throw new PaperCopyException("copyId", idOrPrefix);
        }
        List<UUID> ids = jdbc.sql("SELECT id FROM paper_copy WHERE id::text LIKE ? ORDER BY id LIMIT 2")
                .param(value + "%").query(UUID.class).list();
        if (ids.isEmpty()) {
            throw new PaperCopyException("unknownCopy", idOrPrefix);
        }
        if (ids.size() > 1) {
            throw new PaperCopyException("ambiguousCopy", idOrPrefix);
        }
        return ids.get(0);
    }

    /** The copies of the documents a query matches, optionally in one state, by document and copy number. */
    public List<PaperCopy> list(DocumentQuery q, PaperStep state) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter(where, params, "d.school_id", q.schoolId());
        filter(where, params, "d.academic_year", q.academicYear());
        filter(where, params, "d.period_id", q.periodId());
        filter(where, params, "d.class_id", q.classId());
        filter(where, params, "c.state", state == null ? null : state.code());
        return query(where.isEmpty() ? "TRUE" : String.join(" AND ", where), params);
    }

    /** The copies of documents destroyed under an executed act that are not yet marked destroyed themselves. */
    public List<PaperCopy> pendingDestruction(DocumentQuery q) {
        return list(q, null).stream().filter(c -> c.state() != PaperStep.DESTROYED)
                .filter(c -> tombstones.of(c.documentId()).isPresent()).toList();
    }

    /** The copies of one document. */
    public List<PaperCopy> ofDocument(UUID documentId) {
        return query("c.document_id = ?", List.of(documentId));
    }

    private void lock(UUID copyId) {
        jdbc.sql("SELECT id FROM paper_copy WHERE id = ? FOR UPDATE").param(copyId).query(UUID.class).optional()
                .orElseThrow(() -> new PaperCopyException("unknownCopy", copyId));
    }

    private List<PaperCopy> query(String condition, List<?> params) {
        Map<UUID, PaperCopy> copies = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.*, d.document_type, d.school_id, d.academic_year, d.class_id, d.class_name, d.period_id,
                       d.version
                FROM paper_copy c JOIN archived_document d ON d.id = c.document_id
                WHERE %s
                ORDER BY d.school_id, d.academic_year, d.period_id, d.class_id, d.version, c.copy_number"""
                        .formatted(condition))
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    copies.put(id, new PaperCopy(id, rs.getObject("document_id", UUID.class), rs.getInt("copy_number"),
                            PaperStep.of(rs.getString("state")).orElseThrow(), rs.getInt("sheets"),
                            rs.getString("class_teacher"), rs.getString("director"),
                            rs.getTimestamp("created_at").toInstant(),
                            new PaperCopy.Document(rs.getString("document_type"), rs.getString("school_id"),
                                    rs.getString("academic_year"), rs.getString("class_id"),
                                    rs.getString("class_name"), rs.getString("period_id"), rs.getInt("version")),
                            List.of(), List.of()));
                });
        if (copies.isEmpty()) {
            return List.of();
        }
        UUID[] ids = copies.keySet().toArray(new UUID[0]);
        Map<UUID, List<PaperCopy.Signer>> signers = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM paper_copy_signer WHERE copy_id = ANY(?) ORDER BY copy_id, subject_name, teacher_name")
                .param(ids)
                .query(rs -> {
                    signers.computeIfAbsent(rs.getObject("copy_id", UUID.class), k -> new ArrayList<>())
                            .add(new PaperCopy.Signer(rs.getString("subject_id"), rs.getString("teacher_id"),
                                    rs.getString("subject_name"), rs.getString("teacher_name")));
                });
        Map<UUID, List<PaperCopy.Event>> events = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM paper_copy_event WHERE copy_id = ANY(?) ORDER BY id").param(ids)
                .query(rs -> {
                    events.computeIfAbsent(rs.getObject("copy_id", UUID.class), k -> new ArrayList<>())
                            .add(event(rs));
                });
        return copies.values().stream().map(c -> new PaperCopy(c.id(), c.documentId(), c.copyNumber(), c.state(),
                c.sheets(), c.classTeacher(), c.director(), c.createdAt(), c.document(),
                List.copyOf(signers.getOrDefault(c.id(), List.of())),
                List.copyOf(events.getOrDefault(c.id(), List.of())))).toList();
    }

    private static PaperCopy.Event event(ResultSet rs) throws SQLException {
        return new PaperCopy.Event(rs.getLong("id"), PaperStep.of(rs.getString("step")).orElseThrow(),
                rs.getString("performed_by"), rs.getTimestamp("performed_at").toInstant(), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), (Integer) rs.getObject("sheets"),
                rs.getString("subject_id"), rs.getString("teacher_id"), rs.getString("room"), rs.getString("cabinet"),
                rs.getString("shelf"), rs.getString("box"), rs.getString("nomenclature_index"),
                rs.getString("act_number"), rs.getString("note"));
    }

    private static String describe(List<PaperCopy.Signer> signers) {
        return signers.stream().map(s -> s.subjectName() + " — " + (s.teacherName().isBlank() ? "?" : s.teacherName())
                + " (--subject " + s.subjectId() + (s.teacherId().isEmpty() ? "" : " --teacher " + s.teacherId())
                + ")").collect(Collectors.joining("; "));
    }

    private static void filter(List<String> where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.add(column + " = ?");
            params.add(value);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PaperCopyException("blank." + field);
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
