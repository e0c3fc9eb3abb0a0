package io.evalflow.review;

import java.time.Instant;

/** A line of an expert's inbox as read from the review table. */
record InboxRow(Long reviewId, Long roundId, Long applicationId, ReviewStatus status, Instant dueAt) {
}
