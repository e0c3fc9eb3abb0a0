package io.evalflow.review.web;

import java.time.Instant;

import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;

/**
 * A line of an expert's inbox: an open review and its deadline.
 */
record InboxEntryView(Long reviewId, Long applicationId, String title, Long roundId, int roundNo, String roundName,
		ReviewStatus status, Instant dueAt) {

	/**
	 * @param title the application's title as the expert may read it (see
	 * {@link ExpertReading})
	 */
	static InboxEntryView of(ReviewService.InboxItem item, String title) {
		return new InboxEntryView(item.reviewId(), item.application().getId(), title, item.round().getId(),
				item.round().getRoundNo(), item.round().getName(), item.status(), item.dueAt());
	}

}
