package ru.journalarchive.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Retention settings ({@code archive.retention.*}): where the policies are loaded from and when the annual review runs.
 *
 * @param policiesLocation a Spring resource location of a folder of {@code *.yaml} policies: the shipped
 *                         {@code classpath:retention-policies/} by default, or e.g. {@code file:./retention-policies/}
 *                         so a school edits terms without rebuilding
 * @param reviewCron       when {@code serve} runs {@code retentionReviewJob} for the current year (six fields:
 *                         second minute hour day month weekday); {@code -} for never. Default: 10 January, 07:00
 */
@ConfigurationProperties("archive.retention")
public record RetentionProperties(@DefaultValue(RetentionProperties.SHIPPED) String policiesLocation,
        @DefaultValue("0 0 7 10 1 *") String reviewCron) {

    static final String SHIPPED = "classpath:retention-policies/";
    /** Value of {@code review-cron} that disables the schedule. */
    static final String NEVER = "-";

    public RetentionProperties {
        if (reviewCron != null && !reviewCron.isBlank() && !NEVER.equals(reviewCron.strip())
                && !CronExpression.isValidExpression(reviewCron)) {
            throw new IllegalArgumentException(("archive.retention.review-cron '%s' is not a cron expression (six "
                    + "fields: second minute hour day month weekday, e.g. '0 0 7 10 1 *'), or '-' for never")
                    .formatted(reviewCron));
        }
    }

    /** The review schedule, or null if it is off. */
    public CronExpression reviewSchedule() {
        return reviewCron == null || reviewCron.isBlank() || NEVER.equals(reviewCron.strip()) ? null
                : CronExpression.parse(reviewCron);
    }
}
