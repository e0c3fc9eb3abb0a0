package io.evalflow.campaign;

import java.time.Instant;

/**
 * The campaign's results are public: raised once, in the transaction that publishes them.
 */
public record ResultsPublished(Long campaignId, Instant publishedAt) {
}
