package io.evalflow.review;

public enum ReviewStatus {

	/** Drawn and shown to the organizer; not yet released to the expert. */
	PROPOSED,
	/** Assigned; the expert has not saved anything yet. */
	ASSIGNED,
	/** Saved as a draft. */
	DRAFT,
	/** Submitted and locked. */
	SUBMITTED,
	/** The round closed before the expert submitted. */
	CLOSED,
	/** The expert declined the invitation; another expert took the place. */
	DECLINED,
	/** The expert declared a conflict of interest; another expert took the place. */
	RECUSED,
	/** The organizer took the expert off the application. */
	REMOVED;

	public boolean isOpen() {
		return this == ASSIGNED || this == DRAFT;
	}

	/** Whether the review holds one of the application's places. */
	public boolean holdsPlace() {
		return this != DECLINED && this != RECUSED && this != REMOVED;
	}

}
