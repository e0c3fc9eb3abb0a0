package io.evalflow.review.assignment;

/**
 * The hard constraints of an assignment, in the order the engine applies them. A
 * shortfall names the first one that left too few experts.
 */
public enum Constraint {

	/** The expert covers the application's category. */
	CATEGORY,

	/**
	 * The expert's unit is not the lead or a co-applicant unit, nor a parent or child of
	 * one of them.
	 */
	UNIT,

	/** The expert is not from an applicant unit's region, where the campaign says so. */
	REGION,

	/** The expert has not declared a conflict with the application or its units. */
	DECLARED,

	/**
	 * The expert did not review the application in an earlier round, where the round says
	 * so.
	 */
	EARLIER_ROUND,

	/** The expert is within their load cap for the round and the campaign. */
	LOAD

}
