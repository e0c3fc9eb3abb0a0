package io.evalflow.review.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How near a review's deadline is, as the inbox flags it: a task is flagged two days
 * before it becomes overdue, so the expert still has time.
 */
enum DueState {

	ON_TIME, DUE_SOON, OVERDUE;

	static final Duration SOON = Duration.ofDays(2);

	static DueState of(Instant due, Instant now) {
		if (due == null) {
			return ON_TIME;
		}
		if (!now.isBefore(due)) {
			return OVERDUE;
		}
		return now.plus(SOON).isAfter(due) ? DUE_SOON : ON_TIME;
	}

}
