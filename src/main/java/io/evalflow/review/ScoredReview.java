package io.evalflow.review;

import java.math.BigDecimal;

/**
 * A submitted review as ranking reads it: who scored which application, and the total.
 */
public record ScoredReview(Long reviewId, Long expertId, Long applicationId, BigDecimal total) {
}
