package ru.journalarchive.web;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.security.Caller;
import ru.journalarchive.snapshot.SnapshotRejectedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/snapshots}: a journal system uploads its school's snapshot (validated whole, registered or rejected
 * with every violation, nothing stored), and anyone who may see the school reads the close's status per class.
 */
@RestController
@RequestMapping("/api/v1/snapshots")
class SnapshotController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SnapshotIntake intake;
    private final SnapshotImports imports;
    private final AccessLog accessLog;

    SnapshotController(SnapshotIntake intake, SnapshotImports imports, AccessLog accessLog) {
        this.intake = intake;
        this.imports = imports;
        this.accessLog = accessLog;
    }

    /** The answer to an accepted upload. */
    record Accepted(UUID importId, String schoolId, String academicYear, int classes, boolean alreadyImported) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(@RequestBody byte[] body, @AuthenticationPrincipal Caller caller) throws IOException {
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
            return ResponseEntity.accepted().location(URI.create("/api/v1/snapshots/" + s.id()))
                    .body(new Accepted(s.id(), s.schoolId(), s.academicYear(), s.classes().size(),
                            result.alreadyImported()));
        } catch (SnapshotRejectedException e) {
            reject(caller, e.violations().size() + " violations");
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "snapshot-rejected",
                    "Снимок отклонён",
                    "Снимок не соответствует формату journal-snapshot/1: нарушений — " + e.violations().size()
                            + ". Ничего не сохранено.");
            problem.setProperty("errors", e.violations().stream()
                    .map(v -> Map.of("field", v.path(), "reason", v.message())).toList());
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
        return ResponseEntity.ok(SnapshotStatus.of(s));
    }

    private void reject(Caller caller, String detail) {
        accessLog.record(new AccessEntry(caller.name(), AccessAction.UPLOAD_REJECTED, null, null, null, null, null,
                detail));
    }

    /** The snapshot's {@code school.id}, if the body is JSON that has one; validation reports everything else. */
    private static String claimedSchool(byte[] body) {
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

        static SnapshotStatus of(ImportedSnapshot s) {
            return new SnapshotStatus(s.id(), s.schoolId(), s.academicYear(), s.receivedAt().toString(),
                    s.classes().stream().map(c -> new ClassStatus(c.classId(), c.className(), c.periodId(),
                            c.status().name(), c.message(), c.documentId())).toList());
        }
    }

    /** One class's close. */
    record ClassStatus(String classId, String className, String periodId, String status, String message,
                       UUID documentId) {
    }
}
