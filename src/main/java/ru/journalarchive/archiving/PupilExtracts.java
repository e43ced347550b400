package ru.journalarchive.archiving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import org.slf4j.Logger;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.PupilExtract;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.rendering.PupilExtractRenderer;
import ru.journalarchive.rendering.RenderedDocument;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.signing.SignedPdf;
import ru.journalarchive.signing.StampPlacement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues pupil extracts: draws one pupil's final marks from every summary statement that lists them, renders the
 * PDF/A-3B, signs it with the director's token (with a timestamp) and records it in the extract register with who
 * asked, why, when, from which statements, the SHA-256 and the signed PDF itself (the school's copy).
 */
@Service
public class PupilExtracts {

    private static final Logger log = LoggerFactory.getLogger(PupilExtracts.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Moscow");

    private final SummaryStatements statements;
    private final PupilExtractRenderer renderer;
    private final DirectorSignature signature;
    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final Clock clock;

    PupilExtracts(SummaryStatements statements, PupilExtractRenderer renderer, DirectorSignature signature,
            JdbcClient jdbc, AccessLog accessLog, Optional<Clock> clock) {
        this.accessLog = accessLog;
        this.statements = statements;
        this.renderer = renderer;
        this.signature = signature;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A request: the pupil (source id), optionally the school, the purpose, the requester and who issues it. */
    public record Request(String studentId, String schoolId, String purpose, String requester, String issuedBy) {
    }

    /** An issued extract: register id and number, the signed PDF, its signature and the statements used. */
    public record Issued(UUID id, long number, byte[] pdf, String sha256, SignedPdf signed, PupilExtract extract) {
    }

    /** The statements an extract for the pupil would be drawn from (empty: the archive has none for them). */
    public List<SummaryStatements.Stored> sources(String studentId, String schoolId) {
        return statements.forPupil(studentId, schoolId);
    }

    /**
     * Issues an extract: builds, renders, signs and records it in one transaction (nothing is recorded if signing
     * fails).
     *
     * @throws IllegalArgumentException when no statement lists the pupil
     */
    @Transactional
    public Issued issue(Request request) {
        List<SummaryStatements.Stored> sources = sources(request.studentId(), request.schoolId());
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no summary statement lists pupil " + request.studentId());
        }
        long number = jdbc.sql("SELECT nextval(pg_get_serial_sequence('pupil_extract', 'number'))")
                .query(Long.class).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PupilExtract extract = PupilExtract.of(number, request.studentId(), sources,
                LocalDate.ofInstant(now, SCHOOL_ZONE), request.purpose(), request.requester());
        if (withoutMarks(extract)) {
            // Never rendered, signed or registered (the transaction rolls the number back to nothing recorded).
            throw new IllegalStateException("the extract of pupil " + request.studentId() + " would hold no marks");
        }
        byte[] json = canonical(extract);
        RenderedDocument pdf = renderer.render(extract, json, now);
        SignedPdf signed = signature.sign(pdf.pdf(), StampPlacement.LAST_PAGE);
        String sha256 = CanonicalJson.sha256(signed.pdf());
        UUID id = UUID.randomUUID();
        String used = MAPPER.writeValueAsString(sources.stream().map(s -> new Source(s.id(), s.schoolId(),
                s.academicYear(), s.classId(), s.version(), s.sha256())).toList());
        jdbc.sql("""
                INSERT INTO pupil_extract (id, number, school_id, student_id, purpose, requester, issued_by, issued_at,
                    statements_json, sha256, size_bytes, signer_subject, signing_time, pdf)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, extract.school().id(), request.studentId(), extract.purpose(),
                        extract.requester(), request.issuedBy(), Timestamp.from(now), used, sha256,
                        signed.pdf().length, signed.signerSubject(), Timestamp.from(signed.signingTime()),
                        signed.pdf())
                .update();
        // In the same transaction: an extract is issued and logged, or neither.
        accessLog.record(AccessEntry.of(request.issuedBy() == null || request.issuedBy().isBlank() ? "?"
                : request.issuedBy(), AccessAction.EXTRACT, null, extract.purpose(), extract.requester(),
                "extract " + number + " pupil=" + request.studentId() + " statements=" + sources.size() + " sha256="
                        + sha256));
        log.info("Pupil extract {} issued from {} statements, SHA-256 {}", number, sources.size(), sha256);
        return new Issued(id, number, signed.pdf(), sha256, signed, extract);
    }

    /**
     * Whether an extract for the pupil would hold no marks at all (every year's marks table empty): such an extract is
     * refused, never issued.
     */
    public boolean wouldHoldNoMarks(String studentId, String schoolId) {
        List<SummaryStatements.Stored> sources = sources(studentId, schoolId);
        return !sources.isEmpty() && withoutMarks(PupilExtract.of(0, studentId, sources, LocalDate.now(clock),
                "-", "-"));
    }

    private static boolean withoutMarks(PupilExtract extract) {
        return extract.years().stream().allMatch(y -> y.subjects().isEmpty());
    }

    /** A statement an extract was drawn from, as recorded in the register. */
    record Source(UUID statementId, String schoolId, String academicYear, String classId, int version,
            String sha256) {
    }

    private static byte[] canonical(PupilExtract extract) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(extract)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
