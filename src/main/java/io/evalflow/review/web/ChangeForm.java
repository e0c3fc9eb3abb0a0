package io.evalflow.review.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One manual change to a proposed assignment as the organizer types it: the application
 * (from the page), the expert's number, for a swap the number of the expert who takes the
 * place, and a reason, required by the service to override a rule.
 */
class ChangeForm {

	@NotNull
	private Long applicationId;

	@NotNull(message = "{assignment.form.expertRequired}")
	private Long expertId;

	private Long replacementId;

	@Size(max = 500, message = "{assignment.form.reasonSize}")
	private String reason;

	public Long getApplicationId() {
		return this.applicationId;
	}

	public void setApplicationId(Long applicationId) {
		this.applicationId = applicationId;
	}

	public Long getExpertId() {
		return this.expertId;
	}

	public void setExpertId(Long expertId) {
		this.expertId = expertId;
	}

	public Long getReplacementId() {
		return this.replacementId;
	}

	public void setReplacementId(Long replacementId) {
		this.replacementId = replacementId;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
