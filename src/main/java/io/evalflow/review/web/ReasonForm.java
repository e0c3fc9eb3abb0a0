package io.evalflow.review.web;

/**
 * A reason typed into a form: why an expert declines or declares a conflict, why an
 * organizer reopens a review. The services check it; the form only carries it.
 */
public class ReasonForm {

	private String reason;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
