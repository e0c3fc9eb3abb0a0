package io.evalflow.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a state change tells the log, before it is numbered, timed and chained.
 *
 * @param action what happened, e.g. {@code application.submitted}
 * @param subjectType the kind of thing that changed
 * @param subjectId its id
 * @param campaignId its campaign, where known
 * @param actor who, when the event says; otherwise the signed-in user or {@code system}
 * @param reason why, where the actor gave a reason
 * @param details the rest, in the order given
 */
record AuditEntry(String action, String subjectType, Long subjectId, Long campaignId, String actor, String reason,
		Map<String, Object> details) {

	AuditEntry {
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	static Builder of(String action, String subjectType, Long subjectId) {
		return new Builder(action, subjectType, subjectId);
	}

	static final class Builder {

		private final String action;

		private final String subjectType;

		private final Long subjectId;

		private Long campaignId;

		private String actor;

		private String reason;

		private final Map<String, Object> details = new LinkedHashMap<>();

		private Builder(String action, String subjectType, Long subjectId) {
			this.action = action;
			this.subjectType = subjectType;
			this.subjectId = subjectId;
		}

		Builder campaign(Long campaignId) {
			this.campaignId = campaignId;
			return this;
		}

		Builder actor(String actor) {
			this.actor = actor;
			return this;
		}

		Builder reason(String reason) {
			this.reason = reason;
			return this;
		}

		/** Adds a detail; a {@code null} value is left out. */
		Builder detail(String key, Object value) {
			if (value != null) {
				this.details.put(key, value);
			}
			return this;
		}

		AuditEntry build() {
			return new AuditEntry(this.action, this.subjectType, this.subjectId, this.campaignId, this.actor,
					this.reason, this.details);
		}

	}

}
