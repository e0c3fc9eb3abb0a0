package io.evalflow.campaign;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a round aggregates and settles ties: the aggregation method; the share of totals
 * trimmed at each end for a trimmed mean; how many reviews an expert needs before their
 * totals are normalised; the standard deviation above which an application's reviews are
 * flagged as disagreeing; the tie rule and, for {@link TieRule#CRITERIA}, the criteria
 * (by name, in order) that break a tie. Null fields take the defaults.
 */
public record ScoringSettings(Aggregation aggregation, BigDecimal trimShare, Integer minReviewsPerExpert,
		BigDecimal disagreementThreshold, TieRule tieRule, List<String> tieCriteria) {

	public static final BigDecimal DEFAULT_TRIM_SHARE = new BigDecimal("0.20");

	public static final int DEFAULT_MIN_REVIEWS = 5;

	public static final BigDecimal DEFAULT_DISAGREEMENT = new BigDecimal("15");

	/** Plain mean; the defaults for the rest; the rule's default tie rule. */
	public static ScoringSettings defaults() {
		return new ScoringSettings(null, null, null, null, null, null);
	}

	public static ScoringSettings of(Aggregation aggregation, TieRule tieRule, String... tieCriteria) {
		return new ScoringSettings(aggregation, null, null, null, tieRule, List.of(tieCriteria));
	}

}
