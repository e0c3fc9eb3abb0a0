package io.evalflow.ranking.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * The organizer's cut: the applications ticked to advance (or win) and, when that differs
 * from the proposal, the reason. Whether a reason is needed is the ranking service's
 * rule, not the form's.
 */
class CutForm {

	private List<Long> advanced = new ArrayList<>();

	@Size(max = 1000, message = "{ranking.cut.reason.tooLong}")
	private String reason;

	public List<Long> getAdvanced() {
		return this.advanced;
	}

	public void setAdvanced(List<Long> advanced) {
		this.advanced = (advanced != null) ? advanced : new ArrayList<>();
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
