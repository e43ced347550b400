package ru.journalarchive.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * may be empty), in parallel slices. Each document is one committed step iteration whose position is saved, and
 * signing adopts a signed rendition already stored, so a killed run restarted signs every document exactly once.
 */
@Configuration(proxyBeanMethods = false)
class DirectorSignJobConfiguration {

    static final String JOB_NAME = "directorSignJob";
    static final String PARTITION_STEP = "directorSignJob.slices";
    static final String SLICE_STEP = "directorSignJob.signSlice";
    static final String SCHOOL = "schoolId";
    static final String YEAR = "academicYear";
    static final String PERIOD = "periodId";
    static final String CLASS = "classId";
    static final String GENERATION = "run";
    private static final String DOCUMENTS = "documentIds";
    private static final String POSITION = "position";

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
                .gridSize(properties.effectiveCloseThreads())
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step directorSignSliceStep(JobRepository repository, PlatformTransactionManager transactionManager,
            DocumentSigner signer) {
        return new StepBuilder(SLICE_STEP, repository)
                .tasklet((contribution, chunk) -> {
                    ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
                    String[] ids = context.getString(DOCUMENTS).isEmpty() ? new String[0]
                            : context.getString(DOCUMENTS).split(",");
                    int position = context.getInt(POSITION, 0);
                    if (position >= ids.length) {
                        return RepeatStatus.FINISHED;
                    }
                    signer.sign(UUID.fromString(ids[position]));
                    contribution.incrementWriteCount(1);
                    context.putInt(POSITION, position + 1); // saved with this iteration's commit
                    return RepeatStatus.CONTINUABLE;
                }, transactionManager)
                .build();
    }

    /** Slices the unsigned documents of the selection round-robin; the slices are kept for restarts. */
    @Bean
    @StepScope
    Partitioner unsignedDocuments(DocumentRegistry registry,
            @Value("#{jobParameters['" + SCHOOL + "']}") String school,
            @Value("#{jobParameters['" + YEAR + "']}") String year,
            @Value("#{jobParameters['" + PERIOD + "']}") String period,
            @Value("#{jobParameters['" + CLASS + "']}") String classId) {
        return gridSize -> {
            List<UUID> ids = registry.unsigned(new DocumentQuery(blankToNull(school), blankToNull(year),
                    blankToNull(period), blankToNull(classId)));
            int slices = Math.max(1, Math.min(gridSize, ids.size()));
            List<List<String>> parts = new ArrayList<>();
            for (int i = 0; i < slices; i++) {
                parts.add(new ArrayList<>());
            }
            for (int i = 0; i < ids.size(); i++) {
                parts.get(i % slices).add(ids.get(i).toString());
            }
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (int i = 0; i < slices; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putString(DOCUMENTS, String.join(",", parts.get(i)));
                partitions.put("slice:" + i, context);
            }
            return partitions;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
