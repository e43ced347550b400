package ru.journalarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.jobs.BackgroundCloses;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.security.Caller;
import ru.journalarchive.snapshot.SnapshotRejectedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/snapshots}: a journal system uploads its school's snapshot (validated whole, registered or rejected
 * with every violation, nothing stored; accepted: its close starts in the background), and anyone who may see the
 * school reads the close's status per class. A body over {@code archive.web.max-snapshot-size} answers 413.
 */
@RestController
@RequestMapping("/api/v1/snapshots")
class SnapshotController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SnapshotIntake intake;
    private final SnapshotImports imports;
    private final AccessLog accessLog;
    private final BackgroundCloses closes;
    private final long maxBytes;
    private final ru.journalarchive.archiving.IncompleteCloses incomplete;
    private final org.springframework.context.MessageSource messages;

    SnapshotController(SnapshotIntake intake, SnapshotImports imports, AccessLog accessLog, BackgroundCloses closes,
            WebApiProperties properties, ru.journalarchive.archiving.IncompleteCloses incomplete,
            org.springframework.context.MessageSource messages) {
        this.incomplete = incomplete;
        this.messages = messages;
        this.intake = intake;
        this.imports = imports;
        this.accessLog = accessLog;
        this.closes = closes;
        this.maxBytes = properties.maxSnapshotSize().toBytes();
    }

    /** The answer to an accepted upload. */
    record Accepted(UUID importId, String schoolId, String academicYear, int classes, boolean alreadyImported) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(HttpServletRequest request, @AuthenticationPrincipal Caller caller) throws IOException {
        byte[] body = bounded(request);
        if (body == null) {
            reject(caller, "too large: " + request.getContentLengthLong() + " bytes");
            return problem(Problems.field(HttpStatus.CONTENT_TOO_LARGE, "snapshot-too-large", "Снимок слишком велик",
                    "body", "Тело запроса больше допустимого размера снимка ("
                            + DeputyPages.megabytes(DataSize.ofBytes(maxBytes))
                            + " МБ, archive.web.max-snapshot-size). Ничего не сохранено."));
        }
        String claimed = claimedSchool(body);
        if (claimed != null && !caller.maySee(claimed)) {
            // Checked before anything is validated or stored: a key writes for its own school only.
            reject(caller, "other-school");
            return problem(Problems.field(HttpStatus.FORBIDDEN, "wrong-school", "Чужая школа", "$.school.id",
                    "Ключ выдан для школы «" + String.join(", ", caller.schools())
                            + "», а снимок относится к школе «" + claimed + "»."));
        }
        Path dir = Files.createTempDirectory("api-upload");
        Path file = dir.resolve("api-upload.json");
        try {
            Files.write(file, body);
            ImportResult result = intake.importFile(file);
            ImportedSnapshot s = result.snapshot();
            accessLog.record(new AccessEntry(caller.name(), AccessAction.UPLOAD, null, null, null, null, null,
                    "import " + s.id()));
            // The journal system does not wait for the close: it polls GET /api/v1/snapshots/{id}.
            closes.start(s.id());
            return ResponseEntity.accepted().location(URI.create("/api/v1/snapshots/" + s.id()))
                    .body(new Accepted(s.id(), s.schoolId(), s.academicYear(), s.classes().size(),
                            result.alreadyImported()));
        } catch (SnapshotRejectedException e) {
            reject(caller, e.total() + " violations");
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "snapshot-rejected",
                    "Снимок отклонён",
                    "Снимок не соответствует формату journal-snapshot/1: нарушений — " + e.total()
                            + ". Ничего не сохранено.");
            // The body is bounded: the first SnapshotRejectedException.SHOWN violations, then how many more.
            problem.setProperty("errors", e.shown().stream()
                    .map(v -> Map.of("field", v.path(), "reason", v.message())).toList());
            problem.setProperty("total", e.total());
            String more = e.notShownNote(messages);
            if (more != null) {
                problem.setProperty("notShown", e.notShown());
                problem.setProperty("more", more);
            }
            return problem(problem);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> status(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        ImportedSnapshot s;
        try {
            s = imports.get(id);
        } catch (IllegalArgumentException e) {
            s = null;
        }
        if (s == null || !caller.maySee(s.schoolId())) {
            // The same answer whether it does not exist or belongs to another school: nothing leaks.
            return problem(Problems.field(HttpStatus.NOT_FOUND, "not-found", "Не найдено", "id",
                    "Загрузка " + id + " не найдена среди школ, доступных вам."));
        }
        accessLog.record(new AccessEntry(caller.name(), AccessAction.STATUS, null, null, null, null, null,
                "import " + id));
        ImportedSnapshot shown = s;
        return ResponseEntity.ok(SnapshotStatus.of(s, c -> messages.getMessage("deputy.status." + c.status().name(),
                null, c.status().name(), java.util.Locale.forLanguageTag("ru")), c -> incomplete.describe(shown, c)));
    }

    /** The request body, or null if it is larger than the cap (read no further than the cap). */
    private byte[] bounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return body.length > maxBytes ? null : body;
        }
    }

    private void reject(Caller caller, String detail) {
        accessLog.record(new AccessEntry(caller.name(), AccessAction.UPLOAD_REJECTED, null, null, null, null, null,
                detail));
    }

    /** The snapshot's {@code school.id}, if the body is JSON that has one; validation reports everything else. */
    static String claimedSchool(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("school").path("id");
            return id.isString() ? id.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The close status of an import, per class. */
    record SnapshotStatus(UUID importId, String schoolId, String academicYear, String receivedAt,
                          List<ClassStatus> classes) {

        static SnapshotStatus of(ImportedSnapshot s,
                java.util.function.Function<ImportedSnapshot.ImportedClass, String> statusText,
                java.util.function.Function<ImportedSnapshot.ImportedClass, List<String>> details) {
            return new SnapshotStatus(s.id(), s.schoolId(), s.academicYear(), s.receivedAt().toString(),
                    s.classes().stream().map(c -> new ClassStatus(c.classId(), c.className(), c.periodId(),
                            c.status().name(), c.message(), c.documentId(), statusText.apply(c), details.apply(c)))
                            .toList());
        }
    }

    /**
     * One class's close; {@code statusText} in Russian («не закрыт: нет итоговых отметок»), and for a class refused
     * as incomplete {@code details}: the period's end against the export, or one line per pupil — subject.
     */
    record ClassStatus(String classId, String className, String periodId, String status, String message,
                       UUID documentId, String statusText, List<String> details) {
    }
}
