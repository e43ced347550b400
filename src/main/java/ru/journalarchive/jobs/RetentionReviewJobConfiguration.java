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
import ru.journalarchive.retention.Holds;
import ru.journalarchive.retention.RetentionReviews;

/**
 * {@code retentionReviewJob}: the annual review for a destruction act drawn up in a year. Step 1 makes sure every
 * held record's replicas carry the storage's legal hold (records archived after a hold was placed, a location that
 * was down); step 2 reviews the registry and records the review's figures as a retention event. Both steps only
 * read or set idempotent state, so a failed run simply runs again.
 */
@Configuration(proxyBeanMethods = false)
class RetentionReviewJobConfiguration {

    static final String JOB_NAME = "retentionReviewJob";
    static final String HOLDS_STEP = "retentionReviewJob.reconcileHolds";
    static final String REVIEW_STEP = "retentionReviewJob.review";
    static final String ACT_YEAR = "actYear";
    static final String SCHOOL = "school";
    static final String RUN = "run";
    static final String STARTED_BY = "startedBy";
    /** The school parameter when every school is reviewed. */
    static final String ALL_SCHOOLS = "*";

    @Bean(JOB_NAME)
    Job retentionReviewJob(JobRepository repository, Step retentionReconcileHoldsStep, Step retentionReviewStep) {
        return new JobBuilder(JOB_NAME, repository).start(retentionReconcileHoldsStep).next(retentionReviewStep)
                .build();
    }

    @Bean
    Step retentionReconcileHoldsStep(JobRepository repository, PlatformTransactionManager transactionManager,
            Holds holds) {
        return new StepBuilder(HOLDS_STEP, repository)
                .tasklet((contribution, chunk) -> {
                    var failures = holds.reconcileStorage();
                    if (!failures.isEmpty()) {
                        throw new IllegalStateException(String.join("; ", failures));
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step retentionReviewStep(JobRepository repository, PlatformTransactionManager transactionManager,
            RetentionReviews reviews) {
        return new StepBuilder(REVIEW_STEP, repository)
                .tasklet((contribution, chunk) -> {
                    var parameters = chunk.getStepContext().getStepExecution().getJobParameters();
                    int year = parameters.getLong(ACT_YEAR).intValue();
                    String school = parameters.getString(SCHOOL);
                    var result = reviews.reviewAndRecord(year, ALL_SCHOOLS.equals(school) ? null : school,
                            parameters.getString(STARTED_BY));
                    contribution.incrementWriteCount(result.eligibleFiles());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
