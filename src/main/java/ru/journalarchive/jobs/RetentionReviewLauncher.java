package ru.journalarchive.jobs;

import java.time.Year;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs {@code retentionReviewJob} for an act year and a school (or all): resumes an unfinished run of the same
 * year and school, otherwise starts the next.
 */
@Component
public class RetentionReviewLauncher {

    private final JobRuns runs;
    private final Job job;

    private final java.time.Clock clock;

    RetentionReviewLauncher(JobRuns runs, @Qualifier(RetentionReviewJobConfiguration.JOB_NAME) Job job,
            java.util.Optional<java.time.Clock> clock) {
        this.runs = runs;
        this.job = job;
        this.clock = clock.orElse(java.time.Clock.systemDefaultZone());
    }

    /** The current year by the application's clock: the act year when none is given. */
    public int currentYear() {
        return Year.now(clock).getValue();
    }

    /**
     * Reviews synchronously.
     *
     * @param actYear   the year the destruction act is drawn up in (the current year when null)
     * @param schoolId  null for every school
     * @param startedBy who asked, recorded in the review event
     */
    public JobRun review(Integer actYear, String schoolId, String startedBy) {
        int year = actYear == null ? currentYear() : actYear;
        String school = schoolId == null ? RetentionReviewJobConfiguration.ALL_SCHOOLS : schoolId;
        return runs.startNextOrResume(job, generation -> parameters(year, school, generation, startedBy));
    }

    private static JobParameters parameters(int year, String school, long generation, String startedBy) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLong(RetentionReviewJobConfiguration.ACT_YEAR, (long) year)
                .addString(RetentionReviewJobConfiguration.SCHOOL, school)
                .addLong(RetentionReviewJobConfiguration.RUN, generation);
        if (startedBy != null) {
            builder.addString(RetentionReviewJobConfiguration.STARTED_BY, startedBy, false); // not identifying
        }
        return builder.toJobParameters();
    }
}
