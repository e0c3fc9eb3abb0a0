package io.evalflow.review.web;

/**
 * The organizer's choice for a vacant place: the expert's user name, and why a rule of
 * the draw is overridden where one is.
 */
public class VacancyForm {

	private String username;

	private String overrideReason;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getOverrideReason() {
		return this.overrideReason;
	}

	public void setOverrideReason(String overrideReason) {
		this.overrideReason = overrideReason;
	}

}
