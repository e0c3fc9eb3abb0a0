package io.evalflow.submission;

public enum ApplicationStatus {

	DRAFT, SUBMITTED, WITHDRAWN, INELIGIBLE,
	/** Eligible and taking part in round {@code roundNo}. */
	IN_REVIEW,
	/** Not advanced past round {@code roundNo}. */
	NOT_ADVANCED,
	/** Reached the final round (入围) but not chosen. */
	FINALIST,
	/** Chosen in the final round (获奖). */
	WINNER;

	public boolean isFinal() {
		return this == WITHDRAWN || this == INELIGIBLE || this == NOT_ADVANCED || this == FINALIST || this == WINNER;
	}

}
