package io.evalflow.campaign;

import java.time.Instant;

/**
 * A campaign's results were published: from now on its winners and finalists are public.
 * Raised once, in the transaction that publishes.
 */
public record ResultsPublished(Long campaignId, Instant publishedAt) {
}
