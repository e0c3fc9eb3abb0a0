package io.evalflow.ranking.web;

import java.time.Instant;

import io.evalflow.campaign.QuotaChange;

/**
 * A category's final quota lowered: before and after, why, by whom and when.
 */
record QuotaChangeView(Long categoryId, int oldQuota, int newQuota, String reason, String changedBy,
		Instant changedAt) {

	static QuotaChangeView of(QuotaChange change) {
		return new QuotaChangeView(change.getCategoryId(), change.getOldQuota(), change.getNewQuota(),
				change.getReason(), change.getChangedBy(), change.getChangedAt());
	}

}
