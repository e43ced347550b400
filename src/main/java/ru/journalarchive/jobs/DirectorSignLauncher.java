package ru.journalarchive.jobs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import ru.journalarchive.registry.DocumentQuery;

/**
 * Runs {@code directorSignJob} for a selection of documents: resumes the last run for the same selection if it did
 * not complete, otherwise starts a new run (documents archived since then may await signing).
 */
@Component
public class DirectorSignLauncher {

    private final JobRuns runs;
    private final Job job;

    DirectorSignLauncher(JobRuns runs, @Qualifier(DirectorSignJobConfiguration.JOB_NAME) Job job) {
        this.runs = runs;
        this.job = job;
    }

    /** Signs every unsigned document matching the query (synchronously). */
    public JobRun sign(DocumentQuery query) {
        return runs.startNextOrResume(job, generation -> parameters(query, generation));
    }

    private static JobParameters parameters(DocumentQuery query, long generation) {
        return new JobParametersBuilder()
                .addString(DirectorSignJobConfiguration.SCHOOL, nz(query.schoolId()))
                .addString(DirectorSignJobConfiguration.YEAR, nz(query.academicYear()))
                .addString(DirectorSignJobConfiguration.PERIOD, nz(query.periodId()))
                .addString(DirectorSignJobConfiguration.CLASS, nz(query.classId()))
                .addLong(DirectorSignJobConfiguration.GENERATION, generation)
                .toJobParameters();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
