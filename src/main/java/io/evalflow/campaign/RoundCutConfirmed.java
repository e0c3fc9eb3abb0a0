package io.evalflow.campaign;

/**
 * An organizer confirmed a round's cut; the round is decided.
 *
 * @param campaignId the campaign
 * @param roundId the round
 * @param roundNo its number
 * @param actor who confirmed
 * @param note the reason given, required when the cut differs from the proposal
 */
public record RoundCutConfirmed(Long campaignId, Long roundId, int roundNo, String actor, String note) {
}
