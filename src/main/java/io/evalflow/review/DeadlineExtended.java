package io.evalflow.review;

import java.time.Instant;

/**
 * An organizer granted more time, as recorded: to one expert's open reviews in a round,
 * or (no expert) to the whole round. Raised after the extension is saved.
 */
public record DeadlineExtended(Long campaignId, Long roundId, Long expertId, Instant dueAt, Instant previousDue,
		int reviewCount, String reason, String actor) {
}
