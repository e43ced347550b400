package ru.journalarchive.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
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
import ru.journalarchive.archiving.SummaryStatementArchiver;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.search.ArchiveSearch;

/**
 * {@code yearCloseJob}: builds and archives the summary statement of final marks of every class of a school whose
 * last period of the academic year is frozen, one partition per class, classes in parallel. Each run is a new
 * generation (a class closing its year later gets its statement by the next run); a failed generation is resumed,
 * re-running only the classes that did not finish, and each class's archiving is idempotent.
 */
@Configuration(proxyBeanMethods = false)
class YearCloseJobConfiguration {

    static final String JOB_NAME = "yearCloseJob";
    static final String PARTITION_STEP = "yearCloseJob.classes";
    static final String CLASS_STEP = "yearCloseJob.closeClass";
    static final String SCHOOL = "schoolId";
    static final String YEAR = "academicYear";
    static final String GENERATION = "generation";
    static final String CLASS_ID = "classId";

    @Bean(JOB_NAME)
    Job yearCloseJob(JobRepository repository, Step yearCloseClassesStep) {
        return new JobBuilder(JOB_NAME, repository)
                .validator(schoolAndYearRequired())
                .start(yearCloseClassesStep)
                .build();
    }

    @Bean
    Step yearCloseClassesStep(JobRepository repository, Step yearCloseClassStep, Partitioner yearClassPartitioner,
            JobsProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("year-close-");
        executor.setConcurrencyLimit(properties.effectiveCloseThreads());
        return new StepBuilder(PARTITION_STEP, repository)
                .partitioner(CLASS_STEP, yearClassPartitioner)
                .step(yearCloseClassStep)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step yearCloseClassStep(JobRepository repository, PlatformTransactionManager transactionManager,
            SummaryStatementArchiver archiver, ArchiveSearch search) {
        return new StepBuilder(CLASS_STEP, repository)
                .tasklet((contribution, chunk) -> {
                    var stepExecution = chunk.getStepContext().getStepExecution();
                    var parameters = stepExecution.getJobParameters();
                    SummaryStatementArchiver.Result result = archiver.archive(parameters.getString(SCHOOL),
                            parameters.getString(YEAR), stepExecution.getExecutionContext().getString(CLASS_ID));
                    if (result.documentId() != null) {
                        // The archivist finds the statement by pupil name; idempotent, so a restart indexes again.
                        search.indexRegistered(result.documentId());
                    }
                    contribution.setExitStatus(contribution.getExitStatus().and(
                            new ExitStatus(result.status().name())));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** One partition per class whose last period is frozen, named after the class so restarts find the same ones. */
    @Bean
    @StepScope
    Partitioner yearClassPartitioner(SummaryStatements statements,
            @Value("#{jobParameters['schoolId']}") String schoolId,
            @Value("#{jobParameters['academicYear']}") String academicYear) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String classId : statements.classesClosingYear(schoolId, academicYear)) {
                ExecutionContext context = new ExecutionContext();
                context.putString(CLASS_ID, classId);
                partitions.put("class:" + classId, context);
            }
            return partitions;
        };
    }

    private static JobParametersValidator schoolAndYearRequired() {
        return parameters -> {
            String school = parameters == null ? null : parameters.getString(SCHOOL);
            String year = parameters == null ? null : parameters.getString(YEAR);
            if (school == null || school.isBlank() || year == null || !year.matches("[0-9]{4}/[0-9]{4}")) {
                throw new InvalidJobParametersException("schoolId and academicYear (YYYY/YYYY) are required: "
                        + school + ", " + year);
            }
        };
    }
}
