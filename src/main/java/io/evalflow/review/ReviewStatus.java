package io.evalflow.review;

public enum ReviewStatus {

	/** Assigned; the expert has not saved anything yet. */
	ASSIGNED,
	/** Saved as a draft. */
	DRAFT,
	/** Submitted and locked. */
	SUBMITTED,
	/** The round closed before the expert submitted. */
	CLOSED;

	public boolean isOpen() {
		return this == ASSIGNED || this == DRAFT;
	}

}
