package ru.journalarchive.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.journalarchive.retrieval.RetrievalRefusedException;
import ru.journalarchive.search.SearchResult;
import ru.journalarchive.security.Caller;

/**
 * The archivist's REST API for staff (HTTP Basic), scoped by the caller's schools: {@code GET /api/v1/search},
 * {@code GET /api/v1/documents/{id}} (the document page's data), {@code …/content} (the verified copy, logged
 * {@code retrieve}) and {@code …/verification} (the last fixity result per replica). Anything of another school is
 * 404 as if it did not exist; journal systems (API keys) are refused.
 */
@RestController
@RequestMapping("/api/v1")
class ArchivistApiController {

    private final ArchivistArchive archive;
    private final MessageSource messages;

    ArchivistApiController(ArchivistArchive archive, MessageSource messages) {
        this.archive = archive;
        this.messages = messages;
    }

    /** What a search returns. */
    record SearchResponse(int documents, List<SearchResult.DocumentHit> results) {
    }

    /** The last fixity result of each replica of a document. */
    record Verification(UUID documentId, boolean allIntact, List<ArchivistArchive.ReplicaView> replicas) {
    }

    @GetMapping(path = "/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> search(@RequestParam(required = false) String school,
            @RequestParam(required = false) String year, @RequestParam(name = "class", required = false) String classId,
            @RequestParam(required = false) String period, @RequestParam(required = false) String type,
            @RequestParam(required = false) String name, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String requester, @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal Caller caller) {
        if (caller.journalSystem()) {
            return staffOnly();
        }
        ArchivistSearchForm form = new ArchivistSearchForm(school, year, classId, period, type, name, purpose,
                requester, limit);
        List<ArchivistSearchForm.FieldError> errors = form.errors();
        if (!errors.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-search", "Неверный запрос поиска",
                    messages.getMessage(errors.get(0).key(), errors.get(0).args(), ArchivistPages.RU));
            problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "reason",
                    messages.getMessage(e.key(), e.args(), ArchivistPages.RU))).toList());
            return SnapshotController.problem(problem);
        }
        List<SearchResult.DocumentHit> hits = archive.search(caller, form.query(), form.purpose(), form.requester());
        return ResponseEntity.ok(new SearchResponse(hits.size(), hits));
    }

    @GetMapping(path = "/documents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> document(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        if (caller.journalSystem()) {
            return staffOnly();
        }
        return ResponseEntity.ok(archive.view(caller, ArchivistDocumentPage.id(id)));
    }

    @GetMapping(path = "/documents/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> verification(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        if (caller.journalSystem()) {
            return staffOnly();
        }
        var document = archive.document(caller, ArchivistDocumentPage.id(id));
        List<ArchivistArchive.ReplicaView> replicas = archive.replicas(document);
        return ResponseEntity.ok(new Verification(document.id(),
                replicas.stream().allMatch(ArchivistArchive.ReplicaView::intact), replicas));
    }

    @GetMapping(path = "/documents/{id}/content")
    ResponseEntity<?> content(@PathVariable String id, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String requester, @AuthenticationPrincipal Caller caller) {
        if (caller.journalSystem()) {
            return staffOnly();
        }
        UUID documentId = ArchivistDocumentPage.id(id);
        archive.document(caller, documentId);
        if (purpose == null || purpose.isBlank()) {
            return SnapshotController.problem(Problems.field(HttpStatus.BAD_REQUEST, "purpose-missing",
                    "Не указана цель", "purpose", text("archivist.copy.error.purpose")));
        }
        Optional<ArchivistArchive.Copy> copy;
        try {
            copy = archive.verifiedCopy(caller, documentId, purpose, requester);
        } catch (RetrievalRefusedException refused) {
            return SnapshotController.problem(Problems.of(HttpStatus.CONFLICT, "retrieval-refused",
                    "Выдача невозможна", text("archivist.copy.refused." + refused.reason().name())));
        }
        if (copy.isEmpty()) {
            return SnapshotController.problem(Problems.of(HttpStatus.CONFLICT, "no-intact-replica",
                    "Нет целой копии", text("archivist.copy.error.damaged")));
        }
        return ArchivistDocumentPage.pdf(copy.get().bytes(), copy.get().fileName(), copy.get().sha256());
    }

    @ExceptionHandler(ArchivistArchive.NotFound.class)
    ResponseEntity<ProblemDetail> notFound() {
        return SnapshotController.problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Не найдено",
                "Документ не найден."));
    }

    private static ResponseEntity<ProblemDetail> staffOnly() {
        return SnapshotController.problem(Problems.of(HttpStatus.FORBIDDEN, "staff-only", "Только для сотрудников",
                "Поиск и выдача документов доступны только сотрудникам школы (вход по логину и паролю)."));
    }

    private String text(String key) {
        return messages.getMessage(key, null, ArchivistPages.RU);
    }
}
