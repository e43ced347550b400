package ru.journalarchive.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.DispositionException;
import ru.journalarchive.jobs.JobExecutions;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.security.Caller;

/**
 * Which job executions an IT administrator may see and restart ({@code /api/v1/jobs}, {@code /it/jobs}): those of
 * their schools. An execution's school comes from its job parameters: {@code importId} (a period's close: the
 * import's school), {@code actId} (a destruction act's execution: the act's school), {@code schoolId} (the year's close,
 * the director's signing) or {@code school} (the retention review). A job over the whole archive — the fixity audit,
 * replication, a review of every school ({@code school=*}), a signing without a school — has no school: it concerns
 * the installation's storage and runs, which every IT administrator looks after, so every IT administrator sees it.
 * An execution whose import or act is gone is shown to no one.
 */
@Component
class ItJobScope {

    private final JobExecutions executions;
    private final SnapshotImports imports;
    private final DestructionActs acts;

    ItJobScope(JobExecutions executions, SnapshotImports imports, DestructionActs acts) {
        this.executions = executions;
        this.imports = imports;
        this.acts = acts;
    }

    /** A page of the executions the caller may see, newest first. */
    JobExecutions.Page list(Caller caller, int page, int size) {
        return executions.list(page, size, visibleTo(caller));
    }

    /** One execution, if it exists and the caller may see it (otherwise it is 404, as if it did not exist). */
    Optional<JobExecutions.Execution> get(Caller caller, long id) {
        return executions.get(id).filter(e -> visibleTo(caller).test(e.parameters()));
    }

    /** Whether the caller may see an execution with these parameters (schools looked up once per call). */
    Predicate<Map<String, String>> visibleTo(Caller caller) {
        Map<String, Optional<String>> schools = new HashMap<>();
        return parameters -> {
            Optional<String> school = school(parameters, schools);
            return school == null || school.isPresent() && caller.maySee(school.get());
        };
    }

    /** The execution's school; empty if it is unknown (shown to no one); null if the job has no school (global). */
    private Optional<String> school(Map<String, String> parameters, Map<String, Optional<String>> cache) {
        String importId = parameters.get("importId");
        if (importId != null) {
            return cache.computeIfAbsent("import:" + importId, k -> {
                try {
                    return Optional.of(imports.get(UUID.fromString(importId)).schoolId());
                } catch (IllegalArgumentException gone) {
                    return Optional.empty();
                }
            });
        }
        String actId = parameters.get("actId");
        if (actId != null) {
            return cache.computeIfAbsent("act:" + actId, k -> {
                try {
                    return Optional.of(acts.find(actId).schoolId());
                } catch (DispositionException | IllegalArgumentException gone) {
                    return Optional.empty();
                }
            });
        }
        for (String name : new String[] {"schoolId", "school"}) {
            String school = parameters.get(name);
            if (school != null && !school.isBlank() && !"*".equals(school)) {
                return Optional.of(school);
            }
        }
        return null;
    }
}
