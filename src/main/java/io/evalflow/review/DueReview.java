package io.evalflow.review;

import java.time.Instant;

/** An open review with its due date, as the chase and the overdue list read it. */
record DueReview(Long reviewId, Long expertId, Long applicationId, ReviewStatus status, Instant dueAt) {
}
