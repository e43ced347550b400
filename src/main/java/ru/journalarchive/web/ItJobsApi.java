package ru.journalarchive.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.jobs.JobExecutions;
import ru.journalarchive.jobs.JobRestarts;
import ru.journalarchive.security.Caller;
import ru.journalarchive.security.Role;

/**
 * {@code /api/v1/jobs} and {@code /api/v1/storage}, for the IT administrator only (403 problem otherwise): job
 * executions of the caller's schools ({@link ItJobScope}; another school's is 404) newest first, one with its steps, the restart of a failed or stopped one in the background (409 problem
 * with the reason if it cannot be restarted), and the storage locations' health.
 */
@RestController
@RequestMapping("/api/v1")
class ItJobsApi {

    private final ItJobScope executions;
    private final JobRestarts restarts;
    private final ItStorageHealth health;
    private final AccessLog accessLog;

    ItJobsApi(ItJobScope executions, JobRestarts restarts, ItStorageHealth health, AccessLog accessLog) {
        this.executions = executions;
        this.restarts = restarts;
        this.health = health;
        this.accessLog = accessLog;
    }

    /** A page of executions (without their steps). */
    record ExecutionPage(int page, int size, long total, List<JobExecutions.Execution> executions) {
    }

    /** A location's health as the API shows it. */
    record LocationHealth(String location, String type, String description, boolean reachable, String health,
                          long objects, long bytes, String allVerifiedSince, String since, long failures,
                          long repairs, long repairFailures, long unresolved, String oldestVerifiedAt) {
    }

    @GetMapping(path = "/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal Caller caller) {
        if (!it(caller)) {
            return forbidden();
        }
        if (page < 0 || size < 1 || size > 200) {
            return SnapshotController.problem(Problems.field(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    "Неверный параметр", page < 0 ? "page" : "size",
                    page < 0 ? "Номер страницы не может быть отрицательным." : "Размер страницы — от 1 до 200."));
        }
        JobExecutions.Page result = executions.list(caller, page, size);
        accessLog.record(new AccessEntry(caller.name(), AccessAction.LIST, null, "jobs page=" + page,
                result.executions().size(), null, null, null));
        return ResponseEntity.ok(new ExecutionPage(page, size, result.total(), result.executions()));
    }

    @GetMapping(path = "/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        if (!it(caller)) {
            return forbidden();
        }
        return executions.get(caller, id).<ResponseEntity<?>>map(e -> {
            accessLog.record(new AccessEntry(caller.name(), AccessAction.STATUS, null, null, null, null, null,
                    "job execution " + id));
            return ResponseEntity.ok(e);
        }).orElseGet(() -> notFound(id));
    }

    @PostMapping(path = "/jobs/{id}/restart", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> restart(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        if (!it(caller)) {
            return forbidden();
        }
        if (executions.get(caller, id).isEmpty()) {
            return notFound(id); // another school's execution: as if it did not exist
        }
        try {
            restarts.start(id);
        } catch (JobRestarts.RestartRefusedException e) {
            if ("not-found".equals(e.reason())) {
                return notFound(id);
            }
            var problem = Problems.of(HttpStatus.CONFLICT, "job-not-restartable", "Перезапуск невозможен",
                    reason(id, e));
            problem.setProperty("reason", e.reason());
            if (e.supersededBy() != null) {
                problem.setProperty("supersededBy", e.supersededBy());
            }
            return SnapshotController.problem(problem);
        }
        accessLog.record(new AccessEntry(caller.name(), AccessAction.ACTION, null, null, null, null, null,
                "restart job execution " + id));
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id))
                .body(Map.of("executionId", id, "restart", "queued"));
    }

    @GetMapping(path = "/storage", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> storage(@AuthenticationPrincipal Caller caller) {
        if (!it(caller)) {
            return forbidden();
        }
        List<LocationHealth> locations = health.locations().stream().map(l -> {
            var r = l.report();
            return new LocationHealth(r.location(), r.type(), r.description(), l.reachable(), l.health(),
                    r.objects(), r.bytes(), str(r.allVerifiedSince()), str(r.since()), r.failures(), r.repairs(),
                    r.repairFailures(), r.unresolved(), str(r.oldestVerifiedAt()));
        }).toList();
        accessLog.record(new AccessEntry(caller.name(), AccessAction.STATUS, null, null, null, null, null,
                "storage report"));
        return ResponseEntity.ok(Map.of("locations", locations));
    }

    private static String reason(long id, JobRestarts.RestartRefusedException e) {
        return switch (e.reason()) {
            case "completed" -> "Выполнение " + id + " завершено успешно: перезапускать нечего.";
            case "abandoned" -> "Выполнение " + id + " оставлено (ABANDONED) и не перезапускается.";
            case "running" -> "Выполнение " + id + " идёт сейчас или уже перезапускается.";
            case "superseded" -> "Выполнение " + id + " уже перезапущено: последнее выполнение этого задания — "
                    + e.supersededBy() + ".";
            default -> "Выполнение " + id + " нельзя перезапустить (" + e.reason() + ").";
        };
    }

    private static boolean it(Caller caller) {
        return caller != null && caller.role() == Role.IT_ADMIN;
    }

    private static ResponseEntity<?> forbidden() {
        return SnapshotController.problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Доступ запрещён",
                "Задания и хранилища доступны только ИТ-администратору."));
    }

    private static ResponseEntity<?> notFound(long id) {
        return SnapshotController.problem(Problems.field(HttpStatus.NOT_FOUND, "not-found", "Не найдено", "id",
                "Выполнение задания " + id + " не найдено."));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
