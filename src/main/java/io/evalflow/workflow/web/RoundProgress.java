package io.evalflow.workflow.web;

import java.util.Map;

import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ReviewStatus;

/**
 * A round with its reviews counted by status; the bar shows the share submitted of the
 * places, not counting reviews their experts declined or recused.
 */
record RoundProgress(ReviewRound round, Map<ReviewStatus, Long> counts, long total, long submitted, int percent) {

	static RoundProgress of(ReviewRound round, Map<ReviewStatus, Long> counts) {
		long total = counts.entrySet()
			.stream()
			.filter(e -> e.getKey().holdsPlace())
			.mapToLong(Map.Entry::getValue)
			.sum();
		long submitted = counts.getOrDefault(ReviewStatus.SUBMITTED, 0L);
		return new RoundProgress(round, counts, total, submitted, percent(submitted, total));
	}

	/** Whole percent, rounded down so that 100 means every review is in. */
	static int percent(long part, long whole) {
		return (whole == 0) ? 0 : (int) (part * 100 / whole);
	}

}
