package ru.journalarchive.retention;

import org.springframework.stereotype.Component;

/**
 * Runs a review and records its figures as a {@code review} retention event, so the log shows when each annual
 * review was made, by whom, and what it found.
 */
@Component
public class RetentionReviews {

    private final RetentionReview review;
    private final RetentionEvents events;

    RetentionReviews(RetentionReview review, RetentionEvents events) {
        this.review = review;
        this.events = events;
    }

    /** Reviews and records; {@code schoolId} null for every school. */
    public RetentionReviewResult reviewAndRecord(int actYear, String schoolId, String by) {
        RetentionReviewResult result = review.review(actYear, schoolId);
        events.record("review", null, null, null, RetentionMessages.get("review.event", String.valueOf(actYear),
                schoolId == null ? "*" : schoolId, result.eligibleFiles(), result.eligible().size(),
                result.epk().size(), result.held().size()), by == null ? RetentionTerms.AGENT : by);
        return result;
    }
}
