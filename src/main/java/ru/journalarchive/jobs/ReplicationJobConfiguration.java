package ru.journalarchive.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import ru.journalarchive.archiving.ReplicationService;

/**
 * {@code replicationJob}: gives every archived object a verified copy in every configured location, one copy per
 * committed iteration. The work list is recomputed from the registry at each iteration, so a killed or failed run,
 * restarted, makes exactly the copies still missing.
 */
@Configuration(proxyBeanMethods = false)
class ReplicationJobConfiguration {

    static final String JOB_NAME = "replicationJob";
    static final String STEP = "replicationJob.copyMissing";
    static final String RUN = "run";

    @Bean(JOB_NAME)
    Job replicationJob(JobRepository repository, Step replicationCopyMissingStep) {
        return new JobBuilder(JOB_NAME, repository).start(replicationCopyMissingStep).build();
    }

    @Bean
    Step replicationCopyMissingStep(JobRepository repository, PlatformTransactionManager transactionManager,
            ReplicationService replication) {
        return new StepBuilder(STEP, repository)
                .tasklet((contribution, chunk) -> {
                    var missing = replication.missing();
                    if (missing.isEmpty()) {
                        return RepeatStatus.FINISHED;
                    }
                    replication.copy(missing.get(0));
                    contribution.incrementWriteCount(1);
                    return RepeatStatus.CONTINUABLE;
                }, transactionManager)
                .build();
    }
}
