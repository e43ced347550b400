package ru.journalarchive.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.journalarchive.audit.AuditEvent;
import ru.journalarchive.audit.AuditEventType;
import ru.journalarchive.audit.AuditLog;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.JournalCorrection;
import ru.journalarchive.registry.JournalCorrections;
import ru.journalarchive.registry.SignatureRegistration;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.retention.Hold;
import ru.journalarchive.retention.Holds;
import ru.journalarchive.retention.RetentionPolicies;
import ru.journalarchive.retention.RetentionPolicy;
import ru.journalarchive.retrieval.DocumentRetrieval;
import ru.journalarchive.search.ArchiveSearch;
import ru.journalarchive.search.SearchQuery;
import ru.journalarchive.search.SearchResult;
import ru.journalarchive.security.Caller;

/**
 * What the archivist's pages and API read, scoped by the caller's schools: the search, one document with its
 * replicas, fixity, signature, retention, versions and paper copies, and the verified copy handed out. A document of
 * another school is {@link NotFound}, exactly like one that does not exist.
 */
@Component
class ArchivistArchive {

    private final DocumentRegistry registry;
    private final ArchiveSearch search;
    private final DocumentRetrieval retrieval;
    private final AuditLog audit;
    private final Holds holds;
    private final JournalCorrections corrections;
    private final PaperCopies paperCopies;
    private final RetentionPolicies policies;
    private final Tombstones tombstones;

    ArchivistArchive(DocumentRegistry registry, ArchiveSearch search, DocumentRetrieval retrieval, AuditLog audit,
            Holds holds, JournalCorrections corrections, PaperCopies paperCopies, RetentionPolicies policies,
            Tombstones tombstones) {
        this.registry = registry;
        this.search = search;
        this.retrieval = retrieval;
        this.audit = audit;
        this.holds = holds;
        this.corrections = corrections;
        this.paperCopies = paperCopies;
        this.policies = policies;
        this.tombstones = tombstones;
    }

    /** Anything the caller may not see, or that does not exist: both answer 404. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }

    /** A replica with its last fixity result. */
    record ReplicaView(String role, String location, String key, Instant storedAt, Instant verifiedAt,
                       String lastCheck, Instant lastCheckAt) {
        /** Whether the last check (or the write, if never audited) found it intact. */
        public boolean intact() {
            return lastCheck == null || lastCheck.equals("intact") || lastCheck.equals("repaired");
        }
    }

    /** A document's retention: the term, from when it counts, the date it may be destroyed from, the holds. */
    record RetentionView(String recordClass, String title, int termYears, String termText, String trigger,
                         String legalBasis,
                         boolean epk, LocalDate eligibleForDestructionFrom, List<Hold> holds) {
    }

    /** Another version of the same document (a correction keeps the old one). */
    record VersionView(UUID id, int version, Instant createdAt, boolean current) {
    }

    /** Everything the document page and {@code GET /api/v1/documents/{id}} show. */
    record DocumentView(UUID id, String documentType, String schoolId, String academicYear, String classId,
                        String className, String periodId, int version, int pageCount, String pdfaFlavour,
                        Instant createdAt, String sha256, boolean destroyed, List<ReplicaView> replicas,
                        SignatureRegistration.SignatureInfo signature, RetentionView retention,
                        List<VersionView> versions, List<JournalCorrection> corrections,
                        List<PaperCopy> paperCopies) {
    }

    /** A verified copy ready to hand out, or why there is none. */
    record Copy(byte[] bytes, String sha256, String location, String fileName) {
    }

    /** The document if the caller may see it. */
    ArchivedDocument document(Caller caller, UUID id) {
        ArchivedDocument document;
        try {
            document = registry.get(id);
        } catch (IllegalArgumentException unknown) {
            throw new NotFound();
        }
        if (!caller.maySee(document.schoolId())) {
            throw new NotFound();
        }
        return document;
    }

    /**
     * Searches each of the caller's schools (or the one asked for, if the caller may see it), each search logged
     * with its text, purpose and requester; a school the caller may not see finds nothing.
     */
    List<SearchResult.DocumentHit> search(Caller caller, SearchQuery query, String purpose, String requester) {
        List<String> schools = query.schoolId() != null
                ? (caller.maySee(query.schoolId()) ? List.of(query.schoolId()) : List.of())
                : caller.schools().stream().sorted().toList();
        List<SearchResult.DocumentHit> hits = new ArrayList<>();
        for (String school : schools) {
            SearchQuery scoped = new SearchQuery(school, query.academicYear(), query.classId(), query.periodId(),
                    query.documentType(), query.name(), query.limit());
            hits.addAll(search.search(scoped, caller.name(), purpose, requester).documents());
        }
        return hits;
    }

    /** The document page's data; opening it is logged as {@code open}. */
    DocumentView view(Caller caller, UUID id) {
        ArchivedDocument d = document(caller, id);
        search.opened(d.id(), caller.name(), null, null);
        return new DocumentView(d.id(), d.documentType(), d.schoolId(), d.academicYear(), d.classId(), d.className(),
                d.periodId(), d.version(), d.pageCount(), d.pdfaFlavour(), d.createdAt(),
                handedOut(d).map(ArchivedDocument.ArchivedObject::sha256).orElse(null),
                tombstones.of(d.id()).isPresent() || tombstones.isRetired(d.id()), replicas(d),
                registry.signature(d.id()).orElse(null), retention(d), versions(d),
                corrections.of(d.schoolId(), d.academicYear(), d.classId(), d.periodId()),
                paperCopies.ofDocument(d.id()));
    }

    /** Each replica of each object with its last fixity result. */
    List<ReplicaView> replicas(ArchivedDocument d) {
        List<ReplicaView> views = new ArrayList<>();
        for (ArchivedDocument.ArchivedObject object : d.objects()) {
            for (ArchivedDocument.Replica replica : object.replicas()) {
                Optional<AuditEvent> last = audit.ofReplica(object.id(), replica.location()).stream()
                        .reduce((a, b) -> b);
                views.add(new ReplicaView(object.role(), replica.location(), replica.key(), replica.storedAt(),
                        replica.verifiedAt(), last.map(ArchivistArchive::outcome).orElse(null),
                        last.map(AuditEvent::occurredAt).orElse(null)));
            }
        }
        return views;
    }

    private static String outcome(AuditEvent event) {
        if (event.type() == AuditEventType.FIXITY_CHECK) {
            return "intact";
        }
        if (event.type() == AuditEventType.REPAIR && event.success()) {
            return "repaired";
        }
        return "damaged";
    }

    private RetentionView retention(ArchivedDocument d) {
        ArchivedDocument.Retention r = d.retention();
        if (r == null) {
            return null;
        }
        RetentionPolicy policy;
        try {
            policy = policies.get(r.recordClass());
        } catch (RuntimeException unknown) {
            policy = null;
        }
        return new RetentionView(r.recordClass(), policy == null ? r.recordClass() : policy.title(), r.termYears(),
                policy == null ? String.valueOf(r.termYears()) : policy.termText(),
                policy == null ? null : policy.trigger(), policy == null ? null : policy.legalBasis(),
                policy != null && policy.epk(), r.eligibleForDestructionFrom(), holds.activeCovering(d.id()));
    }

    private List<VersionView> versions(ArchivedDocument d) {
        return registry.list(new DocumentQuery(d.schoolId(), d.academicYear(), d.periodId(), d.classId())).stream()
                .filter(o -> o.documentType().equals(d.documentType()))
                .sorted(Comparator.comparingInt(ArchivedDocument::version))
                .map(o -> new VersionView(o.id(), o.version(), o.createdAt(), o.id().equals(d.id()))).toList();
    }

    /** The object a copy is made of: the signed rendition if there is one, else the PDF. */
    private static Optional<ArchivedDocument.ArchivedObject> handedOut(ArchivedDocument d) {
        return d.object(ArchivedDocument.ROLE_SIGNED_PDF).or(() -> d.object(ArchivedDocument.ROLE_PDF));
    }

    /**
     * The verified copy (the retrieval hashes it against the registry as it copies and logs {@code retrieve}); empty
     * when no replica is intact (nothing handed out, {@code retrieve-failed} logged).
     *
     * @throws ru.journalarchive.retrieval.RetrievalRefusedException for a request the retrieval refuses
     */
    Optional<Copy> verifiedCopy(Caller caller, UUID id, String purpose, String requester) {
        ArchivedDocument d = document(caller, id);
        return VerifiedBytes.of(retrieval, d.id(), caller.name(), purpose, requester).map(c -> new Copy(c.bytes(),
                c.result().object().sha256(), c.result().location(), fileName(d)));
    }

    /** The file name of a copy, e.g. {@code class-journal-sosh-7-2024-2025-5a-Q1-v1.pdf}. */
    static String fileName(ArchivedDocument d) {
        return (d.documentType() + "-" + d.schoolId() + "-" + d.academicYear() + "-" + d.classId() + "-"
                + d.periodId() + "-v" + d.version()).replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf";
    }
}
