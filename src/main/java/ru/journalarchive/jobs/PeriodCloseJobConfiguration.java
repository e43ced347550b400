package ru.journalarchive.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
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
import ru.journalarchive.archiving.ClassArchiver;
import ru.journalarchive.archiving.ClassCloseResult;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SnapshotImports;

/**
 * {@code periodCloseJob}: closes every class of an imported snapshot, one partition per class, classes in parallel.
 * Restarted after a failure or a crash, it re-runs only the classes that did not finish; each class's close is
 * idempotent, so nothing is duplicated and nothing is lost.
 */
@Configuration(proxyBeanMethods = false)
class PeriodCloseJobConfiguration {

    static final String JOB_NAME = "periodCloseJob";
    static final String PARTITION_STEP = "periodCloseJob.classes";
    static final String CLASS_STEP = "periodCloseJob.closeClass";
    static final String IMPORT_ID = "importId";
    static final String CLASS_ID = "classId";
    /** Absent in an import's first run; 2, 3 … in the runs that close classes overridden after it. */
    static final String GENERATION = "generation";

    @Bean(JOB_NAME)
    Job periodCloseJob(JobRepository repository, Step periodCloseClassesStep) {
        return new JobBuilder(JOB_NAME, repository)
                .validator(importIdRequired())
                .start(periodCloseClassesStep)
                .build();
    }

    @Bean
    Step periodCloseClassesStep(JobRepository repository, Step periodCloseClassStep, Partitioner classPartitioner,
            JobsProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("close-");
        executor.setConcurrencyLimit(properties.effectiveCloseThreads());
        return new StepBuilder(PARTITION_STEP, repository)
                .partitioner(CLASS_STEP, classPartitioner)
                .step(periodCloseClassStep)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step periodCloseClassStep(JobRepository repository, PlatformTransactionManager transactionManager,
            ClassArchiver archiver) {
        return new StepBuilder(CLASS_STEP, repository)
                .tasklet((contribution, chunk) -> {
                    var stepExecution = chunk.getStepContext().getStepExecution();
                    UUID importId = UUID.fromString(stepExecution.getJobParameters().getString(IMPORT_ID));
                    String classId = stepExecution.getExecutionContext().getString(CLASS_ID);
                    ClassCloseResult result = archiver.close(importId, classId);
                    contribution.setExitStatus(contribution.getExitStatus().and(
                            new ExitStatus(result.status().name())));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * One partition per class of the import, named after the class so restarts find the same partitions; a later
     * generation has one per class still refused as incomplete (the overridden ones close, the others are refused
     * again), so classes already closed are not touched.
     */
    @Bean
    @StepScope
    Partitioner classPartitioner(SnapshotImports imports, @Value("#{jobParameters['importId']}") String importId,
            @Value("#{jobParameters['generation']}") Long generation) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (ImportedSnapshot.ImportedClass c : imports.get(UUID.fromString(importId)).classes()) {
                if (generation != null && !c.status().incomplete()) {
                    continue;
                }
                ExecutionContext context = new ExecutionContext();
                context.putString(CLASS_ID, c.classId());
                partitions.put("class:" + c.classId(), context);
            }
            return partitions;
        };
    }

    private static JobParametersValidator importIdRequired() {
        return parameters -> {
            String id = parameters == null ? null : parameters.getString(IMPORT_ID);
            try {
                UUID.fromString(String.valueOf(id));
            } catch (IllegalArgumentException e) {
                throw new InvalidJobParametersException("importId must be the UUID of an accepted snapshot: " + id);
            }
        };
    }
}
