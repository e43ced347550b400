package ru.journalarchive.jobs;

import java.util.List;
import java.util.UUID;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import ru.journalarchive.disposition.Disposition;

/**
 * {@code dispositionJob}: executes one approved destruction act (job parameter {@code actId}; {@code by} who runs
 * it). Step 1 re-checks the act and marks its documents as being destroyed; step 2 destroys one document per chunk
 * (every object in every location, certificate, tombstone), reading only the act's documents not yet tombstoned, so
 * a restart finishes the rest; step 3 flags the backup media and marks the act executed.
 */
@Configuration(proxyBeanMethods = false)
class DispositionJobConfiguration {

    static final String JOB_NAME = "dispositionJob";
    static final String BEGIN_STEP = "dispositionJob.begin";
    static final String DESTROY_STEP = "dispositionJob.destroyDocuments";
    static final String FINISH_STEP = "dispositionJob.finish";
    static final String ACT = "actId";
    static final String BY = "by";

    @Bean(JOB_NAME)
    Job dispositionJob(JobRepository repository, Step dispositionBeginStep, Step dispositionDestroyStep,
            Step dispositionFinishStep) {
        return new JobBuilder(JOB_NAME, repository).start(dispositionBeginStep).next(dispositionDestroyStep)
                .next(dispositionFinishStep).build();
    }

    @Bean
    Step dispositionBeginStep(JobRepository repository, PlatformTransactionManager tx, Disposition disposition) {
        return new StepBuilder(BEGIN_STEP, repository).tasklet((contribution, chunk) -> {
            var params = chunk.getStepContext().getJobParameters();
            disposition.begin(UUID.fromString((String) params.get(ACT)), (String) params.get(BY));
            return RepeatStatus.FINISHED;
        }, tx).allowStartIfComplete(true).build();
    }

    @Bean
    Step dispositionDestroyStep(JobRepository repository, PlatformTransactionManager tx,
            ListItemReader<UUID> remainingDocuments, Disposition disposition) {
        return new StepBuilder(DESTROY_STEP, repository).<UUID, UUID>chunk(1).transactionManager(tx)
                .reader(remainingDocuments)
                .writer(chunk -> {
                    var params = org.springframework.batch.core.scope.context.StepSynchronizationManager.getContext()
                            .getJobParameters();
                    for (UUID document : chunk) {
                        disposition.destroy(UUID.fromString((String) params.get(ACT)), document,
                                (String) params.get(BY));
                    }
                })
                .build();
    }

    /** The act's documents without a tombstone, read afresh on every (re)start: never a document outside the act. */
    @Bean
    @StepScope
    ListItemReader<UUID> remainingDocuments(Disposition disposition,
            @Value("#{jobParameters['" + ACT + "']}") String actId) {
        List<UUID> remaining = disposition.remaining(UUID.fromString(actId));
        return new ListItemReader<>(remaining);
    }

    @Bean
    Step dispositionFinishStep(JobRepository repository, PlatformTransactionManager tx, Disposition disposition) {
        return new StepBuilder(FINISH_STEP, repository).tasklet((contribution, chunk) -> {
            var params = chunk.getStepContext().getJobParameters();
            disposition.finish(UUID.fromString((String) params.get(ACT)), (String) params.get(BY));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
