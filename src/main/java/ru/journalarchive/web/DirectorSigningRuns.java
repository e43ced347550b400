package ru.journalarchive.web;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.archiving.DocumentSigner;
import ru.journalarchive.jobs.DirectorSignLauncher;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * Runs the director's signing with the server's token in the background, one run at a time in this process: the
 * selected documents are signed by {@code directorSignJob} ({@link DirectorSignLauncher}, as {@code sign} does), one
 * job run per selection of school, year, period and class, and the progress is counted from the signer's
 * {@link DocumentSigner.DocumentSigned} events for the page to poll.
 */
@Component
class DirectorSigningRuns {

    private static final Logger log = LoggerFactory.getLogger(DirectorSigningRuns.class);

    private final DirectorSignLauncher launcher;
    private final DocumentRegistry registry;
    private final AccessLog accessLog;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private final Map<String, Run> lastByActor = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "director-signing");
        t.setDaemon(true);
        return t;
    });

    DirectorSigningRuns(DirectorSignLauncher launcher, DocumentRegistry registry, AccessLog accessLog) {
        this.launcher = launcher;
        this.registry = registry;
        this.accessLog = accessLog;
    }

    /** The progress of a run as the page shows it. */
    record Progress(String id, String actor, int total, int signed, boolean finished, List<String> failures,
                    List<UUID> documentIds, Instant startedAt, Instant finishedAt) {
    }

    /** One run: the documents it signs and what has happened so far. */
    private static final class Run {
        final String id = UUID.randomUUID().toString();
        final String actor;
        final Set<UUID> documents;
        final Set<UUID> done = ConcurrentHashMap.newKeySet();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        final Instant startedAt = Instant.now();
        volatile Instant finishedAt;

        Run(String actor, Set<UUID> documents) {
            this.actor = actor;
            this.documents = documents;
        }

        Progress progress() {
            return new Progress(id, actor, documents.size(), done.size(), finishedAt != null,
                    List.copyOf(failures), List.copyOf(documents), startedAt, finishedAt);
        }
    }

    /**
     * Starts signing the documents (already checked to be the caller's and unsigned) in the background; empty when
     * another run is in progress.
     */
    java.util.Optional<Progress> start(String actor, Collection<ArchivedDocument> documents) {
        Map<DocumentQuery, List<UUID>> selections = new LinkedHashMap<>();
        Set<UUID> ids = new LinkedHashSet<>();
        for (ArchivedDocument d : documents) {
            DocumentQuery query = new DocumentQuery(d.schoolId(), d.academicYear(), d.periodId(), d.classId());
            selections.computeIfAbsent(query, q -> new ArrayList<>()).add(d.id());
        }
        // A selection signs every unsigned document it matches (an older version of the same class's journal too).
        selections.keySet().forEach(q -> ids.addAll(registry.unsigned(q)));
        Run run = new Run(actor, Set.copyOf(ids));
        if (!current.compareAndSet(null, run)) {
            return java.util.Optional.empty();
        }
        lastByActor.put(actor, run);
        executor.submit(() -> execute(run, selections.keySet()));
        return java.util.Optional.of(run.progress());
    }

    private void execute(Run run, Collection<DocumentQuery> selections) {
        try {
            for (DocumentQuery query : selections) {
                try {
                    JobRun result = launcher.sign(query);
                    if (!result.completed()) {
                        run.failures.addAll(result.failures().isEmpty() ? List.of(result.status()) : result.failures());
                    }
                } catch (RuntimeException e) {
                    log.warn("Signing {} failed: {}", query, e.getMessage());
                    run.failures.add(e.getMessage());
                }
            }
            for (UUID id : run.done) {
                accessLog.record(AccessEntry.of(run.actor, AccessAction.ACTION, id, null, null,
                        "sign: подписан электронной подписью директора (токен сервера)"));
            }
        } finally {
            run.finishedAt = Instant.now();
            current.set(null);
        }
    }

    /** Counts a document of the running run as done, whichever way its signing ended. */
    @EventListener
    void on(DocumentSigner.DocumentSigned event) {
        Run run = current.get();
        if (run != null && run.documents.contains(event.documentId())) {
            run.done.add(event.documentId());
        }
    }

    /** The caller's latest run (running or finished), if they started one since the application started. */
    java.util.Optional<Progress> lastOf(String actor) {
        return java.util.Optional.ofNullable(lastByActor.get(actor)).map(Run::progress);
    }

    /** Whether a run (anyone's) is in progress. */
    boolean busy() {
        return current.get() != null;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
