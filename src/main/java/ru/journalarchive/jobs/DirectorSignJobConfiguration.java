package ru.journalarchive.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import ru.journalarchive.archiving.DocumentSigner;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * {@code directorSignJob}: signs every unsigned archived document of a selection (school, year, period, class — any
 * may be empty), one partition per document, documents in parallel. A restart re-runs only the documents whose
 * partition did not complete, and signing adopts a signed rendition already stored, so a killed run restarted signs
 * every document exactly once.
 */
@Configuration(proxyBeanMethods = false)
class DirectorSignJobConfiguration {

    static final String JOB_NAME = "directorSignJob";
    static final String PARTITION_STEP = "directorSignJob.documents";
    static final String SLICE_STEP = "directorSignJob.signDocument";
    static final String SCHOOL = "schoolId";
    static final String YEAR = "academicYear";
    static final String PERIOD = "periodId";
    static final String CLASS = "classId";
    static final String GENERATION = "run";
    private static final String DOCUMENT = "documentId";

    @Bean(JOB_NAME)
    Job directorSignJob(JobRepository repository, Step directorSignSlicesStep) {
        return new JobBuilder(JOB_NAME, repository).start(directorSignSlicesStep).build();
    }

    @Bean
    Step directorSignSlicesStep(JobRepository repository, Step directorSignSliceStep, Partitioner unsignedDocuments,
            JobsProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sign-");
        executor.setConcurrencyLimit(properties.effectiveCloseThreads());
        return new StepBuilder(PARTITION_STEP, repository)
                .partitioner(SLICE_STEP, unsignedDocuments)
                .step(directorSignSliceStep)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step directorSignSliceStep(JobRepository repository, PlatformTransactionManager transactionManager,
            DocumentSigner signer) {
        return new StepBuilder(SLICE_STEP, repository)
                .tasklet((contribution, chunk) -> {
                    ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
                    signer.sign(UUID.fromString(context.getString(DOCUMENT)));
                    contribution.incrementWriteCount(1);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * One partition per unsigned document, named after the document: a restart re-runs exactly the documents whose
     * partition did not complete, whatever the partitioner returns then (signed documents are no longer listed).
     */
    @Bean
    @StepScope
    Partitioner unsignedDocuments(DocumentRegistry registry,
            @Value("#{jobParameters['" + SCHOOL + "']}") String school,
            @Value("#{jobParameters['" + YEAR + "']}") String year,
            @Value("#{jobParameters['" + PERIOD + "']}") String period,
            @Value("#{jobParameters['" + CLASS + "']}") String classId) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (UUID id : registry.unsigned(new DocumentQuery(blankToNull(school), blankToNull(year),
                    blankToNull(period), blankToNull(classId)))) {
                ExecutionContext context = new ExecutionContext();
                context.putString(DOCUMENT, id.toString());
                partitions.put("document:" + id, context);
            }
            return partitions;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
