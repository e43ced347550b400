package ru.journalarchive.web;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.security.Caller;

/** {@code GET /api/v1/documents?school=&year=}: the registry's live documents of the schools the caller may see. */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

    private final DocumentRegistry registry;
    private final AccessLog accessLog;

    DocumentController(DocumentRegistry registry, AccessLog accessLog) {
        this.registry = registry;
        this.accessLog = accessLog;
    }

    /** One document as listed. */
    record DocumentEntry(UUID id, String documentType, String schoolId, String academicYear, String classId,
                         String className, String periodId, int version, int pageCount, String createdAt) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@RequestParam(required = false) String school, @RequestParam(required = false) String year,
            @AuthenticationPrincipal Caller caller) {
        if (school != null && !caller.maySee(school)) {
            return SnapshotController.problem(Problems.field(HttpStatus.FORBIDDEN, "school-not-permitted",
                    "Школа недоступна", "school", "Школа «" + school + "» не входит в число доступных вам."));
        }
        List<String> schools = school != null ? List.of(school) : caller.schools().stream().sorted().toList();
        List<DocumentEntry> documents = schools.stream()
                .flatMap(s -> registry.list(new DocumentQuery(s, year, null, null)).stream())
                .map(DocumentController::entry).toList();
        accessLog.record(new AccessEntry(caller.name(), AccessAction.LIST, null,
                "school=" + String.join(",", schools) + (year == null ? "" : " year=" + year), documents.size(),
                null, null, null));
        return ResponseEntity.ok(documents);
    }

    private static DocumentEntry entry(ArchivedDocument d) {
        return new DocumentEntry(d.id(), d.documentType(), d.schoolId(), d.academicYear(), d.classId(),
                d.className(), d.periodId(), d.version(), d.pageCount(), d.createdAt().toString());
    }
}
