package io.evalflow.review.web;

import java.time.Instant;

import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;

/**
 * A line of an expert's inbox: an open review and its deadline.
 */
record InboxEntryView(Long reviewId, Long applicationId, String title, Long roundId, int roundNo, String roundName,
		ReviewStatus status, Instant dueAt) {

	static InboxEntryView of(ReviewService.InboxItem item) {
		return new InboxEntryView(item.reviewId(), item.application().getId(), item.application().getTitle(),
				item.round().getId(), item.round().getRoundNo(), item.round().getName(), item.status(), item.dueAt());
	}

}
