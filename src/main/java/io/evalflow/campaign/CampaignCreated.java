package io.evalflow.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign was defined; its process starts in the same transaction.
 */
public record CampaignCreated(Long campaignId, Instant submissionDeadline, List<Integer> roundNumbers) {
}
