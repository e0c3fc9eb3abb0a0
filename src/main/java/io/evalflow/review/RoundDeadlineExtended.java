package io.evalflow.review;

import java.time.Instant;

/**
 * An organizer extended a whole round. Raised before the round and its reviews change, in
 * the same transaction: the workflow tells the round's process first, so that a deadline
 * timer firing at the same moment and this extension take their locks in the same order.
 */
public record RoundDeadlineExtended(Long campaignId, int roundNo, Long roundId, Instant deadline) {
}
