package ru.journalarchive.jobs;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads Spring Batch's execution metadata for IT: every job execution newest first (paged), one execution with its
 * steps, and whether an execution may be restarted and, if not, why.
 */
@Component
public class JobExecutions {

    private final JobRepository repository;
    private final JdbcClient jdbc;
    private final LocalDateTime processStart;

    JobExecutions(JobRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.processStart = LocalDateTime.ofInstant(
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), ZoneId.systemDefault());
    }

    /** One job execution. */
    public record Execution(long id, long instanceId, String jobName, Map<String, String> parameters, String status,
                            LocalDateTime createdAt, LocalDateTime startedAt, LocalDateTime endedAt,
                            String exitCode, String exitDescription, List<Step> steps, Restartability restart) {
    }

    /** One step execution of a job execution. */
    public record Step(long id, String name, String status, long readCount, long writeCount, long skipCount,
                       long filterCount, long commitCount, long rollbackCount, LocalDateTime startedAt,
                       LocalDateTime endedAt, String exitCode, String exitDescription, List<String> failures) {
    }

    /**
     * Whether an execution may be restarted now.
     *
     * @param possible   true if {@code JobOperator.restart} may be asked for it
     * @param reason     why not (a code: {@code completed}, {@code abandoned}, {@code running}, {@code superseded}),
     *                   or null
     * @param recover    true if a crash left it running and it is to be marked failed first
     * @param supersededBy the newer execution of the same instance, if any
     */
    public record Restartability(boolean possible, String reason, boolean recover, Long supersededBy) {
    }

    /** A page of executions, newest first. */
    public record Page(List<Execution> executions, long total, int page, int size) {

        /** The number of pages. */
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** Executions newest first, {@code size} per page, page numbers from 0. */
    public Page list(int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT job_execution_id FROM batch_job_execution ORDER BY job_execution_id DESC "
                        + "LIMIT ? OFFSET ?").params(size, (long) page * size).query(Long.class).list();
        List<Execution> executions = ids.stream().map(this::raw)
                .filter(java.util.Objects::nonNull).map(e -> view(e, false)).toList();
        return new Page(executions, total, page, size);
    }

    /**
     * Executions newest first whose identifying and other parameters pass {@code visible} (an IT administrator sees
     * the executions of their schools only), {@code size} per page, page numbers from 0.
     */
    public Page list(int page, int size, java.util.function.Predicate<Map<String, String>> visible) {
        Map<Long, Map<String, String>> parameters = new LinkedHashMap<>();
        jdbc.sql("SELECT e.job_execution_id, p.parameter_name, p.parameter_value FROM batch_job_execution e "
                        + "LEFT JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id "
                        + "ORDER BY e.job_execution_id DESC")
                .query(rs -> {
                    Map<String, String> of = parameters.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>());
                    if (rs.getString(2) != null) {
                        of.put(rs.getString(2), rs.getString(3));
                    }
                });
        List<Long> ids = parameters.entrySet().stream().filter(e -> visible.test(e.getValue()))
                .map(Map.Entry::getKey).toList();
        List<Execution> executions = ids.stream().skip((long) page * size).limit(size).map(this::raw)
                .filter(java.util.Objects::nonNull).map(e -> view(e, false)).toList();
        return new Page(executions, ids.size(), page, size);
    }

    /** One execution with its steps, if it exists. */
    public Optional<Execution> get(long executionId) {
        return Optional.ofNullable(raw(executionId)).map(e -> view(e, true));
    }

    /** Whether the execution may be restarted, and why not. */
    Restartability restartability(JobExecution execution) {
        JobExecution last = repository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != execution.getId()) {
            return new Restartability(false, "superseded", false, last.getId());
        }
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return new Restartability(false, "completed", false, null);
        }
        if (status == BatchStatus.ABANDONED) {
            return new Restartability(false, "abandoned", false, null);
        }
        if (status.isRunning()) {
            // Only this process holds the archive: an execution started before it cannot be running any more.
            LocalDateTime started = execution.getStartTime() != null ? execution.getStartTime()
                    : execution.getCreateTime();
            boolean crashLeft = started != null && started.isBefore(processStart);
            return crashLeft ? new Restartability(true, null, true, null)
                    : new Restartability(false, "running", false, null);
        }
        return new Restartability(true, null, false, null);
    }

    /** The execution, or null if there is none (the JDBC repository throws for an unknown id). */
    JobExecution raw(long executionId) {
        try {
            return repository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return null;
        }
    }

    private Execution view(JobExecution e, boolean withSteps) {
        Map<String, String> parameters = new LinkedHashMap<>();
        e.getJobParameters().parameters().stream().sorted(Comparator.comparing(JobParameter::name))
                .forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        List<Step> steps = withSteps ? e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId)).map(JobExecutions::step).toList() : List.of();
        return new Execution(e.getId(), e.getJobInstanceId(), e.getJobInstance().getJobName(), parameters,
                e.getStatus().name(), e.getCreateTime(), e.getStartTime(), e.getEndTime(),
                e.getExitStatus().getExitCode(), blankToNull(e.getExitStatus().getExitDescription()), steps,
                restartability(e));
    }

    private static Step step(StepExecution s) {
        return new Step(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                s.getSkipCount(), s.getFilterCount(), s.getCommitCount(), s.getRollbackCount(), s.getStartTime(),
                s.getEndTime(), s.getExitStatus().getExitCode(), blankToNull(s.getExitStatus().getExitDescription()),
                s.getFailureExceptions().stream().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                        .toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
