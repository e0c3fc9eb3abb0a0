package io.evalflow.campaign;

/**
 * How a round's cut is proposed. Ties at the line are never broken silently: top-N rules
 * take everyone tied at the line and flag them; category quotas need exactly the quota,
 * so a tie there waits for the organizer.
 */
public enum AdvancementRule {

	/** The best {@code ruleCount} of the round, across categories. */
	TOP_N_OVERALL,
	/** The best {@code ruleCount} of each category. */
	TOP_N_PER_CATEGORY,
	/** Exactly each category's quota: the final round's winners. */
	CATEGORY_QUOTA

}
