package ru.journalarchive.archiving;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.Completeness;
import ru.journalarchive.freezing.RetroactiveChangeReport;
import ru.journalarchive.freezing.SummaryStatement;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistration;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.rendering.RenderedDocument;
import ru.journalarchive.rendering.SummaryStatementRenderer;
import ru.journalarchive.retention.RetentionPolicies;
import ru.journalarchive.retention.RetentionPolicy;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StoredObject;

/**
 * Archives one class's summary statement of final marks at the year close: builds it (once) from the frozen period
 * journals, renders the PDF/A-3B from the stored statement, writes PDF and JSON to every storage location (read back
 * and hash-checked) and registers it under the 25-year record class. Idempotent, so a restarted job repeats nothing.
 */
@Service
public class SummaryStatementArchiver {

    /** Document type and record class of a summary statement. */
    public static final String SUMMARY_STATEMENT = "summary-statement";
    /** The registry's period of a year document. */
    public static final String YEAR_PERIOD = "Y";

    private static final Logger log = LoggerFactory.getLogger(SummaryStatementArchiver.class);

    private final SummaryStatements statements;
    private final SummaryStatementRenderer renderer;
    private final StorageLocations locations;
    private final DocumentRegistry registry;
    private final RetentionPolicies retention;
    private final ElectronicOriginal electronicOriginal;
    private final ru.journalarchive.registry.PendingWrites pending;
    private final org.springframework.context.MessageSource messages;

    SummaryStatementArchiver(SummaryStatements statements, SummaryStatementRenderer renderer,
            StorageLocations locations, DocumentRegistry registry, RetentionPolicies retention,
            ElectronicOriginal electronicOriginal, ru.journalarchive.registry.PendingWrites pending,
            org.springframework.context.MessageSource messages) {
        this.pending = pending;
        this.messages = messages;
        this.electronicOriginal = electronicOriginal;
        this.statements = statements;
        this.renderer = renderer;
        this.locations = locations;
        this.registry = registry;
        this.retention = retention;
    }

    /**
     * How archiving one class's statement ended: archived (now or before), no marks kept (grade 1), pending, or
     * refused with nothing built: pupils present at the year's end lack the year mark, or the statement would hold
     * no marks at all.
     */
    public enum Status {
        ARCHIVED, ALREADY_ARCHIVED, NO_MARKS, PENDING, REFUSED_NO_YEAR_MARKS, REFUSED_EMPTY;

        /** Whether the year close refused the class (exit 4 on the CLI). */
        public boolean refused() {
            return this == REFUSED_NO_YEAR_MARKS || this == REFUSED_EMPTY;
        }
    }

    /**
     * The outcome for one class: status, document, pages, PDF copies, the year-end retroactive changes, and for a
     * class refused for lack of year marks, which pupil lacks it in which subject.
     */
    public record Result(String classId, String className, Status status, UUID documentId, int pageCount,
            List<String> pdfLocations, List<RetroactiveChangeReport> retroactiveChanges,
            List<Completeness.Missing> missingYearMarks) {

        Result(String classId, String className, Status status, UUID documentId, int pageCount,
                List<String> pdfLocations, List<RetroactiveChangeReport> retroactiveChanges) {
            this(classId, className, status, documentId, pageCount, pdfLocations, retroactiveChanges, List.of());
        }
    }

    /**
     * Archives the class's statement of the year; refuses, building and storing nothing, a class whose pupils lack
     * year marks or whose statement would hold no marks (never a statement without marks).
     */
    public Result archive(String schoolId, String academicYear, String classId) {
        Optional<Result> refused = refusal(schoolId, academicYear, classId);
        if (refused.isPresent()) {
            log.warn("Class {} of {} {}: year close refused ({}, {} year marks missing); no statement", classId,
                    schoolId, academicYear, refused.get().status(), refused.get().missingYearMarks().size());
            return refused.get();
        }
        Optional<SummaryStatements.Stored> built = statements.build(schoolId, academicYear, classId);
        if (built.isEmpty()) {
            return new Result(classId, statements.className(schoolId, academicYear, classId), Status.NO_MARKS, null,
                    0, List.of(), List.of());
        }
        SummaryStatements.Stored stored = built.get();
        if (!stored.retroactiveChanges().isEmpty()) {
            log.warn("Class {} of {} {}: {} earlier periods carry changed final marks at the year end; the frozen"
                    + " values are kept", classId, schoolId, academicYear, stored.retroactiveChanges().size());
        }
        Optional<ArchivedDocument> before = registry.find(SUMMARY_STATEMENT, schoolId, academicYear, classId,
                YEAR_PERIOD, stored.version());
        boolean complete = before.isPresent() && hasEveryReplica(before.get());
        ArchivedDocument document = complete ? before.get() : store(stored);
        List<String> pdfs = document.object(ArchivedDocument.ROLE_PDF).orElseThrow().replicas().stream()
                .map(r -> locations.get(r.location()).describe(r.key())).toList();
        return new Result(classId, stored.className(), complete ? Status.ALREADY_ARCHIVED : Status.ARCHIVED,
                document.id(), document.pageCount(), pdfs, stored.retroactiveChanges());
    }

    /** The refusal of the class's statement as it would be built now, if it lacks year marks or any marks. */
    private Optional<Result> refusal(String schoolId, String academicYear, String classId) {
        Optional<SummaryStatement> preview = statements.preview(schoolId, academicYear, classId);
        if (preview.isEmpty()) {
            return Optional.empty(); // grade 1: no statement, nothing to refuse
        }
        SummaryStatement statement = preview.get();
        String name = statement.schoolClass().name();
        if (statement.subjects().isEmpty() || statement.marks().isEmpty()) {
            return Optional.of(new Result(classId, name, Status.REFUSED_EMPTY, null, 0, List.of(), List.of()));
        }
        List<Completeness.Missing> missing = Completeness.missingYearMarks(statement);
        return missing.isEmpty() ? Optional.empty() : Optional.of(new Result(classId, name,
                Status.REFUSED_NO_YEAR_MARKS, null, 0, List.of(), List.of(), missing));
    }

    /** The classes of a school's year whose last period is frozen, and where each one's statement stands. */
    public List<Result> archived(String schoolId, String academicYear) {
        List<Result> results = new ArrayList<>();
        for (String classId : statements.classesClosingYear(schoolId, academicYear)) {
            Optional<SummaryStatements.Stored> stored = statements.find(schoolId, academicYear, classId);
            Optional<ArchivedDocument> document = stored.flatMap(s -> registry.find(SUMMARY_STATEMENT, schoolId,
                    academicYear, classId, YEAR_PERIOD, s.version())).filter(this::hasEveryReplica);
            if (document.isPresent()) {
                List<String> pdfs = document.get().object(ArchivedDocument.ROLE_PDF).orElseThrow().replicas().stream()
                        .map(r -> locations.get(r.location()).describe(r.key())).toList();
                results.add(new Result(classId, document.get().className(), Status.ARCHIVED, document.get().id(),
                        document.get().pageCount(), pdfs, stored.map(SummaryStatements.Stored::retroactiveChanges)
                                .orElse(List.of())));
            } else if (stored.isEmpty() && refusal(schoolId, academicYear, classId).isPresent()) {
                results.add(refusal(schoolId, academicYear, classId).get());
            } else {
                results.add(new Result(classId, stored.map(SummaryStatements.Stored::className)
                        .orElseGet(() -> statements.className(schoolId, academicYear, classId)),
                        stored.isPresent() ? Status.PENDING : Status.NO_MARKS, null, 0, List.of(),
                        statements.retroactiveChanges(schoolId, academicYear, classId)));
            }
        }
        return results;
    }

    private ArchivedDocument store(SummaryStatements.Stored stored) {
        SummaryStatement statement = stored.statement();
        if (statement.subjects().isEmpty() || statement.marks().isEmpty()) {
            // Never rendered, stored or registered: an archive must not certify an empty record.
            throw new IllegalStateException("summary statement of class " + stored.classId() + " holds no marks");
        }
        // Rendered from the stored statement and its build moment: a restarted job produces the same bytes.
        RenderedDocument pdf = renderer.render(stored.statement(), stored.canonicalJson(), stored.builtAt(),
                electronicOriginal.notes(stored.schoolId()));
        String pdfKey = ObjectKeys.documentKey(stored.schoolId(), stored.academicYear(), YEAR_PERIOD,
                stored.classId(), SUMMARY_STATEMENT, stored.version(), "summary-statement.pdf");
        String jsonKey = ObjectKeys.documentKey(stored.schoolId(), stored.academicYear(), YEAR_PERIOD,
                stored.classId(), SUMMARY_STATEMENT, stored.version(), "summary-statement.json");
        RetentionPolicy policy = retention.get(SUMMARY_STATEMENT);
        java.time.LocalDate eligible = retention.eligibleForDestructionFrom(SUMMARY_STATEMENT, stored.academicYear());
        List<ArchivedDocument.Replica> pdfReplicas = new ArrayList<>();
        List<ArchivedDocument.Replica> jsonReplicas = new ArrayList<>();
        // Recorded before writing, so that objects of a statement that fails to register are never orphans.
        String what = messages.getMessage("yearclose.pendingWrite", new Object[] {stored.academicYear()},
                java.util.Locale.forLanguageTag("ru"));
        java.time.Instant now = java.time.Instant.now();
        pending.record(List.of(
                new ru.journalarchive.registry.PendingWrites.PendingWrite(pdfKey, CanonicalJson.sha256(pdf.pdf()),
                        pdf.pdf().length, stored.schoolId(), stored.className(), what, null, now),
                new ru.journalarchive.registry.PendingWrites.PendingWrite(jsonKey, stored.sha256(),
                        stored.canonicalJson().length, stored.schoolId(), stored.className(), what, null, now)));
        for (StorageLocation location : locations.all()) {
            // Every location, or the class fails (and the restarted job completes it): a 25-year record.
            pdfReplicas.add(replica(location.put(pdfKey, pdf.pdf(), eligible)));
            jsonReplicas.add(replica(location.put(jsonKey, stored.canonicalJson(), eligible)));
        }
        byte[] bytes = pdf.pdf();
        return registry.register(new DocumentRegistration(SUMMARY_STATEMENT, stored.schoolId(),
                stored.academicYear(), stored.classId(), stored.className(), YEAR_PERIOD, stored.version(), null,
                ClassArchiver.PDFA_FLAVOUR, pdf.pageCount(),
                List.of(new DocumentRegistration.ObjectRegistration(ArchivedDocument.ROLE_PDF, pdfKey,
                                "application/pdf", CanonicalJson.sha256(bytes), bytes.length, pdfReplicas),
                        new DocumentRegistration.ObjectRegistration(ArchivedDocument.ROLE_SOURCE_JSON, jsonKey,
                                "application/json", stored.sha256(), stored.canonicalJson().length, jsonReplicas)),
                new ArchivedDocument.Retention(policy.recordClass(), policy.termYears(), eligible)));
    }

    private boolean hasEveryReplica(ArchivedDocument document) {
        return document.objects().stream().allMatch(o -> locations.all().stream()
                .allMatch(l -> o.replicas().stream().anyMatch(r -> r.location().equals(l.name()))));
    }

    private static ArchivedDocument.Replica replica(StoredObject stored) {
        return new ArchivedDocument.Replica(stored.location(), stored.key(), stored.sha256(), stored.verifiedAt(),
                stored.verifiedAt());
    }
}
