package io.evalflow.review;

import java.math.BigDecimal;
import java.time.Instant;

/** A review the expert submitted, as read from the review table. */
record SubmittedRow(Long reviewId, Long roundId, Long applicationId, Instant submittedAt, BigDecimal total) {
}
