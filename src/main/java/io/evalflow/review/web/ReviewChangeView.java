package io.evalflow.review.web;

import java.time.Instant;

import io.evalflow.review.Review;
import io.evalflow.review.ReviewStatus;
import io.evalflow.review.assignment.Constraint;

/**
 * A review after it changed hands or was reopened: its status and why, the review that
 * took its place, the rule that left a place vacant, and who reopened it.
 */
record ReviewChangeView(Long reviewId, Long roundId, Long applicationId, ReviewStatus status, String statusReason,
		Long replacedBy, boolean vacant, Constraint vacantBinding, Instant dueAt, String assignedBy,
		String overrideReason, Instant reopenedAt, String reopenedBy, String reopenReason) {

	static ReviewChangeView of(Review r) {
		return new ReviewChangeView(r.getId(), r.getRoundId(), r.getApplicationId(), r.getStatus(), r.getStatusReason(),
				r.getReplacedBy(), r.isVacant(), r.getVacantBinding(), r.getDueAt(), r.getAssignedBy(),
				r.getOverrideReason(), r.getReopenedAt(), r.getReopenedBy(), r.getReopenReason());
	}

}
