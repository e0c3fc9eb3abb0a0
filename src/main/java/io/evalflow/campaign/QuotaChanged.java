package io.evalflow.campaign;

import java.time.Instant;

/**
 * A category's final quota was lowered to what its finalists can fill, with the
 * organizer's reason; for the audit trail.
 */
public record QuotaChanged(Long campaignId, Long categoryId, Long roundId, int oldQuota, int newQuota, String actor,
		String reason, Instant changedAt) {
}
