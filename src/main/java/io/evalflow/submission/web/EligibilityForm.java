package io.evalflow.submission.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The organizer's formal-check conclusion on one application. The reason an application
 * is ineligible is required by the application itself; its length follows the column.
 */
class EligibilityForm {

	@NotNull(message = "{submission.formalCheck.eligible.required}")
	private Boolean eligible;

	@Size(max = 1000, message = "{submission.formalCheck.reason.size}")
	private String reason;

	public Boolean getEligible() {
		return this.eligible;
	}

	public void setEligible(Boolean eligible) {
		this.eligible = eligible;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
