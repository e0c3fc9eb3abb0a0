package io.evalflow.campaign;

/**
 * What happens to applications tied at a round's cut line. Whatever the rule, a tie is
 * shown to the organizer, never broken silently.
 */
public enum TieRule {

	/** Everyone tied at the line advances; the line moves down. Not for exact quotas. */
	TAKE_ALL,
	/**
	 * The round's named criteria, in the declared order, break the tie (higher mean score
	 * on the criterion first); a tie they leave is the organizer's to decide.
	 */
	CRITERIA,
	/** The organizer decides which of the tied advance, with a reason. */
	ORGANIZER;

	/** The rule of a round that declares none: as evalflow always behaved. */
	public static TieRule defaultFor(AdvancementRule rule) {
		return (rule == AdvancementRule.CATEGORY_QUOTA) ? ORGANIZER : TAKE_ALL;
	}

}
