package io.evalflow.ranking;

import java.util.Set;

/**
 * A round's cut was confirmed and the round frozen: who confirmed it, whether it differs
 * from the proposal and why, which applications advanced, and the snapshot's hashes.
 */
public record CutConfirmed(Long campaignId, Long roundId, int roundNo, String actor, boolean override, String reason,
		Set<Long> advancedIds, String inputsHash, String figuresHash) {
}
