package io.evalflow.review;

import java.util.List;

/**
 * An organizer changed a proposed assignment by hand, as recorded in the change log.
 *
 * @param campaignId the campaign
 * @param roundId the round
 * @param applicationId the application
 * @param kind add, remove or swap
 * @param expertId the expert added or taken off (the outgoing one of a swap)
 * @param replacementId the incoming expert of a swap, otherwise {@code null}
 * @param overridden the draw's rules the change breaks, by name: an override
 * @param reason why, as the organizer gave it
 * @param actor who
 */
public record AssignmentChanged(Long campaignId, Long roundId, Long applicationId, AssignmentChange.Kind kind,
		Long expertId, Long replacementId, List<String> overridden, String reason, String actor) {

	public AssignmentChanged {
		overridden = List.copyOf(overridden);
	}

}
