package io.evalflow.review.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.evalflow.review.Review;
import io.evalflow.review.ReviewStatus;

/**
 * One expert's assignment to one application of a round, and how far the review is.
 */
record AssignmentView(Long reviewId, Long roundId, Long applicationId, Long expertId, ReviewStatus status,
		Instant assignedAt, Instant dueAt, Instant submittedAt, BigDecimal total) {

	static AssignmentView of(Review r) {
		return new AssignmentView(r.getId(), r.getRoundId(), r.getApplicationId(), r.getExpertId(), r.getStatus(),
				r.getAssignedAt(), r.getDueAt(), r.getSubmittedAt(), r.getTotal());
	}

}
