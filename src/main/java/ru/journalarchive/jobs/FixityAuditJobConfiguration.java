package ru.journalarchive.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import ru.journalarchive.audit.AuditMode;
import ru.journalarchive.audit.AuditProperties;
import ru.journalarchive.audit.AuditedReplica;
import ru.journalarchive.audit.FixityAudit;

/**
 * {@code fixityAuditJob}: audits every replica ({@code mode=full}) or the share verified longest ago
 * ({@code mode=rolling}), repairing what is missing or damaged. One step walks the replicas in location-and-key
 * order, a page per committed iteration hashed in parallel, and saves the last replica done; a restarted run resumes
 * after it. A repeated check finds a repaired replica intact, so nothing is ever repaired twice.
 */
@Configuration(proxyBeanMethods = false)
class FixityAuditJobConfiguration {

    static final String JOB_NAME = "fixityAuditJob";
    static final String STEP = "fixityAuditJob.check";
    static final String MODE = "mode";
    static final String GENERATION = "run";
    static final String AGENT = "agent";
    /** The agent recorded in events: the job and the version of its audit rules. */
    static final String JOB_AGENT = JOB_NAME + "/1";
    private static final String PLANNED = "planned";
    private static final String CUTOFF = "verifiedUpTo";
    private static final String AFTER_LOCATION = "afterLocation";
    private static final String AFTER_KEY = "afterKey";
    private static final int PAGE_PER_THREAD = 16;

    @Bean(JOB_NAME)
    Job fixityAuditJob(JobRepository repository, Step fixityAuditCheckStep) {
        return new JobBuilder(JOB_NAME, repository).start(fixityAuditCheckStep).build();
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService fixityAuditExecutor(AuditProperties properties) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.effectiveThreads(), r -> {
            Thread thread = new Thread(r, "audit-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    Step fixityAuditCheckStep(JobRepository repository, PlatformTransactionManager transactionManager,
            FixityAudit audit, AuditProperties properties, ExecutorService fixityAuditExecutor) {
        int pageSize = properties.effectiveThreads() * PAGE_PER_THREAD;
        return new StepBuilder(STEP, repository)
                .tasklet((contribution, chunk) -> {
                    StepExecution step = chunk.getStepContext().getStepExecution();
                    ExecutionContext context = step.getExecutionContext();
                    if (!context.containsKey(PLANNED)) {
                        if (AuditMode.of(step.getJobParameters().getString(MODE)) == AuditMode.ROLLING) {
                            Optional<Instant> cutoff = audit.rollingCutoff(properties.rollingShare());
                            if (cutoff.isEmpty()) {
                                return RepeatStatus.FINISHED;
                            }
                            context.putString(CUTOFF, cutoff.get().toString());
                        }
                        context.putString(PLANNED, "yes");
                    }
                    Instant cutoff = context.containsKey(CUTOFF) ? Instant.parse(context.getString(CUTOFF)) : null;
                    List<AuditedReplica> page = audit.page(context.getString(AFTER_LOCATION, ""),
                            context.getString(AFTER_KEY, ""), cutoff, pageSize);
                    if (page.isEmpty()) {
                        return RepeatStatus.FINISHED;
                    }
                    String agent = step.getJobParameters().getString(AGENT, JOB_AGENT);
                    String run = runId(step.getJobExecution().getJobInstance().getInstanceId());
                    audit.checkAll(page, agent, run, fixityAuditExecutor);
                    AuditedReplica last = page.get(page.size() - 1);
                    context.putString(AFTER_LOCATION, last.location()); // saved with this iteration's commit
                    context.putString(AFTER_KEY, last.key());
                    contribution.incrementReadCount();
                    contribution.incrementWriteCount(page.size());
                    return RepeatStatus.CONTINUABLE;
                }, transactionManager)
                .build();
    }

    /** The run id recorded in the audit events of a job instance. */
    static String runId(long instanceId) {
        return JOB_NAME + "#" + instanceId;
    }
}
