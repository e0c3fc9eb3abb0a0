package io.evalflow.campaign;

public enum RoundStatus {

	/** Not started yet. */
	PENDING,
	/** Experts assigned, reviews under way. */
	OPEN,
	/** Reviews closed and ranked; the cut awaits the organizer. */
	RANKED,
	/** The organizer confirmed the cut. */
	DECIDED

}
