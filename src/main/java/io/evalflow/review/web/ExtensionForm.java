package io.evalflow.review.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * An organizer's extension as the screen takes it: for one expert (then {@code expertId}
 * is set) or for the whole round. The new due date is typed in the organizer's time zone;
 * whether it is acceptable is the service's call.
 */
class ExtensionForm {

	private Long expertId;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime dueAt;

	private String reason;

	/** The new due date as an instant, read in the zone the screens show times in. */
	java.time.Instant dueInstant() {
		return (this.dueAt != null) ? this.dueAt.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

	public Long getExpertId() {
		return this.expertId;
	}

	public void setExpertId(Long expertId) {
		this.expertId = expertId;
	}

	public LocalDateTime getDueAt() {
		return this.dueAt;
	}

	public void setDueAt(LocalDateTime dueAt) {
		this.dueAt = dueAt;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
