package io.evalflow.campaign;

/**
 * How a round's cut is proposed. Ties at the line follow the round's {@link TieRule} and
 * are never broken silently.
 */
public enum AdvancementRule {

	/** The best {@code ruleCount} of the round, across categories. */
	TOP_N_OVERALL,
	/** The best {@code ruleCount} of each category. */
	TOP_N_PER_CATEGORY,
	/**
	 * {@code ruleCount} places shared among the categories in proportion to their
	 * applications in the round (largest remainder), the best of each category taking
	 * them.
	 */
	CATEGORY_SHARE,
	/** Every application whose aggregate reaches {@code ruleThreshold}. */
	SCORE_THRESHOLD,
	/** Exactly each category's quota: the final round's winners. */
	CATEGORY_QUOTA

}
