package ru.journalarchive.archiving;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.Completeness;
import ru.journalarchive.freezing.FreezeResult;
import ru.journalarchive.freezing.FrozenJournal;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.freezing.JournalSupplement;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.CloseOverrides.CloseOverride;
import ru.journalarchive.registry.DocumentRegistration;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.ImportedSnapshot.CloseStatus;
import ru.journalarchive.registry.PendingWrites;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.rendering.ClassJournalRenderer;
import ru.journalarchive.rendering.RenderedDocument;
import ru.journalarchive.rendering.SupplementNote;
import ru.journalarchive.retention.RetentionPolicies;
import ru.journalarchive.retention.RetentionPolicy;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.storage.ObjectConflictException;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StoredObject;

/**
 * Closes one class of an imported snapshot: refuses it, with nothing archived, when its period had not ended by the
 * export or final marks are missing (unless a deputy overrode that with a reason), else freezes its journal, renders the PDF/A-3 class journal from the frozen
 * copy, writes the PDF and the canonical JSON to every storage location (read back and hash-checked), and registers
 * the document with its retention. Every step is idempotent, so a restarted close repeats nothing and loses nothing.
 *
 * <p>Write, register, or explain: the objects are recorded as pending writes (committed) before the first byte is
 * written, and their registration ends that record; a close that fails in between leaves the class {@link
 * CloseStatus#FAILED} with a Russian reason and its written objects named «незавершённое закрытие» by {@code verify},
 * until its rerun writes the same bytes under the same keys (nothing new) and registers them.
 */
@Service
public class ClassArchiver {

    /** Document type of a period class journal. */
    public static final String CLASS_JOURNAL = "class-journal";
    /** The PDF/A flavour of rendered journals. */
    static final String PDFA_FLAVOUR = "PDF/A-3B";

    private static final Logger log = LoggerFactory.getLogger(ClassArchiver.class);

    private final SnapshotImports imports;
    private final JournalFreezer freezer;
    private final ClassJournalRenderer renderer;
    private final StorageLocations locations;
    private final DocumentRegistry registry;
    private final RetentionPolicies retention;
    private final ApplicationEventPublisher events;
    private final ArchivingProperties properties;
    private final Tombstones tombstones;
    private final ElectronicOriginal electronicOriginal;
    private final IncompleteCloses incomplete;
    private final PendingWrites pending;
    private final CloseFailures failures;

    ClassArchiver(SnapshotImports imports, JournalFreezer freezer, ClassJournalRenderer renderer,
            StorageLocations locations, DocumentRegistry registry, RetentionPolicies retention,
            ApplicationEventPublisher events, ArchivingProperties properties, Tombstones tombstones,
            ElectronicOriginal electronicOriginal, IncompleteCloses incomplete, PendingWrites pending,
            CloseFailures failures) {
        this.pending = pending;
        this.failures = failures;
        this.electronicOriginal = electronicOriginal;
        this.incomplete = incomplete;
        this.tombstones = tombstones;
        this.events = events;
        this.properties = properties;
        this.imports = imports;
        this.freezer = freezer;
        this.renderer = renderer;
        this.locations = locations;
        this.registry = registry;
        this.retention = retention;
    }

    /**
     * Closes one class of an import; if that fails, the class is recorded {@link CloseStatus#FAILED} (with a Russian
     * reason, once the caller's transaction has rolled back) and the failure is rethrown.
     */
    public ClassCloseResult close(UUID importId, String classId) {
        try {
            return closeClass(importId, classId);
        } catch (RuntimeException e) {
            failures.record(importId, classId, e);
            throw e;
        }
    }

    private ClassCloseResult closeClass(UUID importId, String classId) {
        ImportedSnapshot snapshot = imports.get(importId);
        ImportedSnapshot.ImportedClass importedClass = snapshot.classes().stream()
                .filter(c -> c.classId().equals(classId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("import " + importId + " has no class " + classId));
        // A destroyed period journal is never archived again: a re-exported snapshot must not bring it back, and what
        // it sent of that journal is not kept either.
        Optional<String> destroyedBy = tombstones.retiredBy(CLASS_JOURNAL, snapshot.schoolId(),
                snapshot.academicYear(), classId, importedClass.periodId());
        if (destroyedBy.isPresent()) {
            log.warn("Class {} of import {}: its period journal was destroyed under act {}; nothing archived", classId,
                    importId, destroyedBy.get());
            tombstones.purgeImportedClass(importId, classId);
            imports.recordClose(importId, classId, CloseStatus.REFUSED_DESTROYED,
                    "destroyed under act " + destroyedBy.get(), null);
            return published(importId, new ClassCloseResult(classId, importedClass.className(),
                    CloseStatus.REFUSED_DESTROYED, null, 0, List.of(), List.of()));
        }
        ClassJournal incoming = CanonicalJson.read(imports.journalJson(importId, classId));
        // The completeness gate, before anything is frozen, rendered, stored or registered.
        Completeness.Result completeness = Completeness.check(incoming, snapshot.exportedAt());
        Optional<CloseOverride> override = completeness.complete() ? Optional.empty()
                : incomplete.override(importId, classId);
        if (!completeness.complete()) {
            if (override.isEmpty()) {
                CloseStatus status = completeness.periodEnded() ? CloseStatus.REFUSED_MISSING_FINAL_MARKS
                        : CloseStatus.REFUSED_PERIOD_NOT_ENDED;
                log.warn("Class {} of import {}: not closed, {}", classId, importId, completeness.periodEnded()
                        ? "missing final marks: " + completeness.missing().size()
                        : "period ends " + completeness.periodEnd() + ", exported " + completeness.exportedOn());
                String message = incomplete.refusalNote(completeness);
                imports.recordClose(importId, classId, status, message, null);
                return published(importId, new ClassCloseResult(classId, importedClass.className(), status, null,
                        0, List.of(), List.of()));
            }
            log.info("Class {} of import {}: incomplete, closed on the override of {}", classId, importId,
                    override.get().overriddenAt());
        }
        FreezeResult freeze = freezer.freeze(incoming, importId);
        if (!freeze.accepted()) {
            log.warn("Class {} of import {}: re-close refused, {} retroactive changes", classId, importId,
                    freeze.changes().size());
            imports.recordClose(importId, classId, CloseStatus.REFUSED_RETROACTIVE_CHANGE,
                    "retroactive changes: " + freeze.changes().size(), null);
            return published(importId, new ClassCloseResult(classId, importedClass.className(),
                    CloseStatus.REFUSED_RETROACTIVE_CHANGE, null, 0, List.of(), freeze.changes()));
        }
        FrozenJournal frozen = freeze.frozen();
        Optional<ArchivedDocument> before = registry.find(CLASS_JOURNAL, frozen.schoolId(), frozen.academicYear(),
                frozen.classId(), frozen.periodId(), frozen.version());
        ArchivedDocument document = before.filter(this::hasEveryReplica).orElseGet(() -> archive(frozen, importedClass,
                freeze.supplement(), override.map(incomplete::titleNote).orElse(null)));
        boolean supplemented = freeze.outcome() == FreezeResult.Outcome.SUPPLEMENT;
        CloseStatus status = supplemented ? CloseStatus.SUPPLEMENTED
                : before.isPresent() && freeze.outcome() == FreezeResult.Outcome.ALREADY_FROZEN
                && hasEveryReplica(before.get()) ? CloseStatus.ALREADY_CLOSED : CloseStatus.CLOSED;
        if (supplemented) {
            log.info("Class {} of import {}: supplement {} accepted as version {}, {} marks", classId, importId,
                    freeze.supplement().number(), frozen.version(), freeze.supplement().marks().size());
        }
        imports.recordClose(importId, classId, status, null, document.id());
        List<String> pdfs = document.object(ArchivedDocument.ROLE_PDF).orElseThrow().replicas().stream()
                .map(r -> locations.get(r.location()).describe(r.key())).toList();
        return published(importId, new ClassCloseResult(classId, importedClass.className(), status, document.id(),
                document.pageCount(), pdfs, List.of()));
    }

    /** The title-page notes the school's regulation puts on its journals (the electronic original under none). */
    List<String> titleNotes(String schoolId) {
        return electronicOriginal.notes(schoolId);
    }

    private ClassCloseResult published(UUID importId, ClassCloseResult result) {
        events.publishEvent(new ClassClosed(importId, result));
        return result;
    }

    private ArchivedDocument archive(FrozenJournal frozen, ImportedSnapshot.ImportedClass importedClass,
            JournalSupplement supplement, String overrideNote) {
        ClassJournal journal = frozen.journal();
        // Rendered from the frozen copy (and the supplement's and the override's insert-only records),
        // deterministically: a restarted close produces the same bytes. The title page carries the override's note and
        // what the school's regulation says («электронный оригинал»).
        List<String> titleNotes = new ArrayList<>();
        if (overrideNote != null) {
            titleNotes.add(overrideNote);
        }
        titleNotes.addAll(electronicOriginal.notes(frozen.schoolId()));
        RenderedDocument pdf = renderer.render(journal, frozen.canonicalJson(), frozen.frozenAt(), null,
                supplement == null ? null : note(supplement, frozen.schoolId()), titleNotes);
        return store(frozen, importedClass.className(), pdf);
    }

    private SupplementNote note(JournalSupplement supplement, String schoolId) {
        return new SupplementNote(supplement.number(), supplement.recordedAt(), supplement.oldVersion(),
                supplement.marks().stream().map(m -> new SupplementNote.Mark(m.studentId(), m.subjectId(), m.kind(),
                        m.value(), m.enteredBy(), m.enteredAt())).toList(), electronicOriginal.zone(schoolId));
    }

    /**
     * Writes a rendered class journal of a frozen version and its canonical JSON to every location (read back and
     * hash-checked) and registers it as that version; idempotent.
     */
    ArchivedDocument store(FrozenJournal frozen, String className, RenderedDocument pdf) {
        String pdfKey = ObjectKeys.classJournalPdf(frozen.schoolId(), frozen.academicYear(), frozen.periodId(),
                frozen.classId(), frozen.version());
        String jsonKey = ObjectKeys.classJournalJson(frozen.schoolId(), frozen.academicYear(), frozen.periodId(),
                frozen.classId(), frozen.version());
        RetentionPolicy policy = retention.get(CLASS_JOURNAL);
        java.time.LocalDate eligible = retention.eligibleForDestructionFrom(CLASS_JOURNAL, frozen.academicYear());
        java.time.LocalDate lockUntil = StorageLocation.lockUntil(eligible); // a permanent class: a legal hold
        List<ArchivedDocument.Replica> pdfReplicas = new ArrayList<>();
        List<ArchivedDocument.Replica> jsonReplicas = new ArrayList<>();
        List<String> down = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        String periodName = frozen.journal().schoolClass().period().name();
        pending.record(List.of(
                new PendingWrites.PendingWrite(pdfKey, CanonicalJson.sha256(pdf.pdf()), pdf.pdf().length,
                        frozen.schoolId(), className, periodName, null, now),
                new PendingWrites.PendingWrite(jsonKey, frozen.sha256(), frozen.canonicalJson().length,
                        frozen.schoolId(), className, periodName, null, now)));
        for (StorageLocation location : locations.all()) {
            try {
                // Locations that lock objects (S3 Object Lock) keep them locked until the record may be destroyed.
                ArchivedDocument.Replica pdfReplica = replica(location.put(pdfKey, pdf.pdf(), lockUntil));
                ArchivedDocument.Replica jsonReplica = replica(location.put(jsonKey, frozen.canonicalJson(),
                        lockUntil));
                pdfReplicas.add(pdfReplica);
                jsonReplicas.add(jsonReplica);
            } catch (ObjectConflictException conflict) {
                throw conflict; // something else sits at the key: never a matter of a location being down
            } catch (RuntimeException unavailable) {
                if (!properties.closeOnHealthyLocations()) {
                    throw new CloseFailures.LocationUnavailable(location.name(), frozen.classId(), unavailable);
                }
                log.warn("Location {} unavailable for class {}: {}", location.name(), frozen.classId(),
                        unavailable.getMessage());
                down.add(location.name());
            }
        }
        if (pdfReplicas.size() < locations.minimumCopies()) {
            throw new CloseFailures.CopiesShort(frozen.classId(), pdfReplicas.size(), locations.minimumCopies(), down);
        }
        DocumentRegistration registration = new DocumentRegistration(CLASS_JOURNAL, frozen.schoolId(),
                frozen.academicYear(), frozen.classId(), className, frozen.periodId(),
                frozen.version(), frozen.id(), PDFA_FLAVOUR, pdf.pageCount(),
                List.of(new DocumentRegistration.ObjectRegistration(ArchivedDocument.ROLE_PDF, pdfKey,
                                "application/pdf", CanonicalJson.sha256(pdf.pdf()), pdf.pdf().length, pdfReplicas),
                        new DocumentRegistration.ObjectRegistration(ArchivedDocument.ROLE_SOURCE_JSON, jsonKey,
                                "application/json", frozen.sha256(), frozen.canonicalJson().length, jsonReplicas)),
                new ArchivedDocument.Retention(policy.recordClass(), policy.termYears(), eligible));
        return registry.register(registration);
    }

    /** Whether every object of the document has its copies (every location, or the minimum when so configured). */
    boolean hasEveryReplica(ArchivedDocument document) {
        if (properties.closeOnHealthyLocations()) {
            // Closed with the minimum of copies; replicationJob completes the rest.
            return document.objects().stream().allMatch(o -> o.replicas().size() >= locations.minimumCopies());
        }
        return document.objects().stream().allMatch(o -> locations.all().stream()
                .allMatch(l -> o.replicas().stream().anyMatch(r -> r.location().equals(l.name()))));
    }

    private static ArchivedDocument.Replica replica(StoredObject stored) {
        return new ArchivedDocument.Replica(stored.location(), stored.key(), stored.sha256(), stored.verifiedAt(),
                stored.verifiedAt());
    }
}
