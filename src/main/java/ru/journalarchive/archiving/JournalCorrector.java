package ru.journalarchive.archiving;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.FrozenJournal;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.freezing.RetroactiveChange;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.JournalCorrection;
import ru.journalarchive.registry.JournalCorrections;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.rendering.ClassJournalRenderer;
import ru.journalarchive.rendering.CorrectionNote;
import ru.journalarchive.rendering.RenderedDocument;
import ru.journalarchive.snapshot.ClassJournal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes an authorised correction of a frozen period journal: accepts the content of a re-close that was refused as a
 * retroactive change, with a reason and an authorising person. The content is frozen as the next version together
 * with the correction's record (one transaction, before anything is rendered), rendered with a correction note
 * («Исправление № … от …»), stored in every location and registered as that version; the previous versions stay
 * registered, retrievable and verifiable. A restarted correction resumes from its record; a second correction of the
 * same change is refused.
 */
@Service
public class JournalCorrector {

    private static final Logger log = LoggerFactory.getLogger(JournalCorrector.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SnapshotImports imports;
    private final JournalFreezer freezer;
    private final JournalCorrections corrections;
    private final DocumentRegistry registry;
    private final ClassJournalRenderer renderer;
    private final ClassArchiver archiver;
    private final CorrectionTexts texts;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Tombstones tombstones;

    JournalCorrector(SnapshotImports imports, JournalFreezer freezer, JournalCorrections corrections,
            DocumentRegistry registry, ClassJournalRenderer renderer, ClassArchiver archiver, CorrectionTexts texts,
            AccessLog accessLog, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            Optional<Clock> clock, Tombstones tombstones) {
        this.tombstones = tombstones;
        this.imports = imports;
        this.freezer = freezer;
        this.corrections = corrections;
        this.registry = registry;
        this.renderer = renderer;
        this.archiver = archiver;
        this.texts = texts;
        this.accessLog = accessLog;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What an archivist asks to correct, and on whose authority. */
    public record CorrectionRequest(UUID importId, String classId, String reason, String authorisedBy,
                                    String correctedBy) {
    }

    /**
     * Corrects the class's journal with the content of the import whose re-close was refused.
     *
     * @throws CorrectionRefusedException (nothing written) if the reason, the authoriser or the actor is empty, the
     *                                    import or class is unknown, the class's re-close was not refused, or the
     *                                    change was corrected already
     */
    public CorrectionResult correct(CorrectionRequest request) {
        require(request.reason(), CorrectionRefusedException.Reason.REASON_MISSING);
        require(request.authorisedBy(), CorrectionRefusedException.Reason.AUTHORISER_MISSING);
        require(request.correctedBy(), CorrectionRefusedException.Reason.ACTOR_MISSING);
        ImportedSnapshot snapshot;
        try {
            snapshot = imports.get(request.importId());
        } catch (IllegalArgumentException unknown) {
            throw new CorrectionRefusedException(CorrectionRefusedException.Reason.NO_SUCH_IMPORT, unknown.getMessage());
        }
        ImportedSnapshot.ImportedClass importedClass = snapshot.classes().stream()
                .filter(c -> c.classId().equals(request.classId())).findFirst()
                .orElseThrow(() -> new CorrectionRefusedException(CorrectionRefusedException.Reason.NO_SUCH_CLASS,
                        "import " + request.importId() + " has no class " + request.classId()));
        // A destroyed period journal is never given a new version (a change refused before its destruction included).
        tombstones.retiredBy(ClassArchiver.CLASS_JOURNAL, snapshot.schoolId(), snapshot.academicYear(),
                request.classId(), importedClass.periodId()).ifPresent(act -> {
                    throw new CorrectionRefusedException(CorrectionRefusedException.Reason.DESTROYED,
                            "the period journal of class " + request.classId() + " was destroyed under act " + act);
                });
        JournalFreezer.RefusedChange refused = freezer.refusedChange(request.importId(), request.classId())
                .orElseThrow(() -> new CorrectionRefusedException(CorrectionRefusedException.Reason.NO_REFUSED_CHANGE,
                        "no refused re-close of class " + request.classId() + " in import " + request.importId()));
        Optional<JournalCorrection> recorded = corrections.forRetroactiveChange(refused.id());
        JournalCorrection correction;
        if (recorded.isPresent()) {
            correction = recorded.get();
            Optional<ArchivedDocument> done = document(correction, correction.newVersion());
            if (done.isPresent() && archiver.hasEveryReplica(done.get())) {
                throw new CorrectionRefusedException(CorrectionRefusedException.Reason.ALREADY_CORRECTED,
                        "the change was corrected already as version " + correction.newVersion());
            }
            log.info("Resuming correction {} of class {} (version {})", correction.number(), correction.classId(),
                    correction.newVersion());
        } else {
            correction = begin(request, refused);
        }
        FrozenJournal frozen = freezer.get(correction.newFrozenJournalId()).orElseThrow();
        List<RetroactiveChange> changes = List.of(JSON.readValue(correction.changesJson(), RetroactiveChange[].class));
        CorrectionNote note = new CorrectionNote(correction.number(), correction.correctedAt(), correction.reason(),
                correction.authorisedBy(), correction.oldVersion(), texts.describe(changes));
        // Rendered from the frozen version and the recorded correction only: a restart produces the same bytes.
        RenderedDocument pdf = renderer.render(frozen.journal(), frozen.canonicalJson(), frozen.frozenAt(), note, null,
                archiver.titleNotes(frozen.schoolId()));
        ArchivedDocument document = archiver.store(frozen, importedClass.className(), pdf);
        ArchivedDocument previous = document(correction, correction.oldVersion()).orElse(null);
        // The import's class is archived now, as this version: closing that import again finds nothing refused.
        imports.recordClose(correction.importId(), correction.classId(), ImportedSnapshot.CloseStatus.CLOSED,
                "corrected: version " + correction.newVersion(), document.id());
        accessLog.record(AccessEntry.of(correction.correctedBy(), AccessAction.CORRECT, document.id(),
                correction.reason(), null, "v" + correction.oldVersion() + " → v" + correction.newVersion()
                        + ", authorised by " + correction.authorisedBy()));
        log.info("Class {} of {} {}: correction {} registered as version {} (document {})", correction.classId(),
                correction.schoolId(), correction.periodId(), correction.number(), correction.newVersion(),
                document.id());
        events.publishEvent(new JournalCorrected(correction.schoolId(), correction.academicYear(),
                correction.classId(), correction.periodId(), correction.newVersion(), document.id(),
                previous == null ? null : previous.id()));
        return new CorrectionResult(correction, document, previous);
    }

    private JournalCorrection begin(CorrectionRequest request, JournalFreezer.RefusedChange refused) {
        ClassJournal incoming = CanonicalJson.read(imports.journalJson(request.importId(), request.classId()));
        String sha256 = CanonicalJson.sha256(CanonicalJson.of(incoming));
        FrozenJournal base = refused.refusedBy();
        List<FrozenJournal> versions = freezer.versions(base.schoolId(), base.academicYear(), base.classId(),
                base.periodId());
        if (versions.stream().anyMatch(v -> v.sha256().equals(sha256))) {
            throw new CorrectionRefusedException(CorrectionRefusedException.Reason.ALREADY_CORRECTED,
                    "this content is archived already");
        }
        FrozenJournal latest = versions.get(versions.size() - 1);
        List<RetroactiveChange> changes = freezer.differences(latest.journal(), incoming);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int version = latest.version() + 1;
        return transaction.execute(status -> {
            FrozenJournal frozen = freezer.freezeVersion(incoming, request.importId(), version, now);
            JournalCorrection correction = new JournalCorrection(UUID.randomUUID(), refused.id(), request.importId(),
                    latest.schoolId(), latest.academicYear(), latest.classId(), latest.periodId(), version - 1,
                    latest.version(), version, latest.id(), frozen.id(), request.reason().strip(),
                    request.authorisedBy().strip(), request.correctedBy().strip(), frozen.frozenAt(),
                    JSON.writeValueAsString(changes), changes.size());
            corrections.register(correction);
            return correction;
        });
    }

    private Optional<ArchivedDocument> document(JournalCorrection c, int version) {
        return registry.find(ClassArchiver.CLASS_JOURNAL, c.schoolId(), c.academicYear(), c.classId(), c.periodId(),
                version);
    }

    private static void require(String value, CorrectionRefusedException.Reason reason) {
        if (value == null || value.isBlank()) {
            throw new CorrectionRefusedException(reason, reason.name());
        }
    }
}
