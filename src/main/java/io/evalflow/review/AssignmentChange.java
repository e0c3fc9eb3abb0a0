package io.evalflow.review;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.evalflow.review.assignment.Constraint;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change the organizer made by hand to a proposed assignment: who, when, why, and the
 * rules it overrode, if any. The record outlives the proposal row it changed.
 */
@Entity
@Table(name = "assignment_change")
public class AssignmentChange {

	/** What the organizer did to the application's experts. */
	public enum Kind {

		ADD, REMOVE, SWAP

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long roundId;

	private Long applicationId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private Long expertId;

	private Long replacementId;

	private String overridden;

	private String reason;

	private String changedBy;

	private Instant changedAt;

	protected AssignmentChange() {
	}

	/**
	 * @param expertId the expert added or removed, or the one taken off in a swap
	 * @param replacementId the expert put on in a swap, otherwise {@code null}
	 * @param overridden the rules the change breaks, empty for none
	 */
	AssignmentChange(Long roundId, Long applicationId, Kind kind, Long expertId, Long replacementId,
			List<Constraint> overridden, String reason, String actor, Instant now) {
		this.roundId = roundId;
		this.applicationId = applicationId;
		this.kind = kind;
		this.expertId = expertId;
		this.replacementId = replacementId;
		this.overridden = overridden.isEmpty() ? null
				: overridden.stream().map(Constraint::name).collect(Collectors.joining(","));
		this.reason = reason;
		this.changedBy = actor;
		this.changedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	public Long getApplicationId() {
		return this.applicationId;
	}

	public Kind getKind() {
		return this.kind;
	}

	public Long getExpertId() {
		return this.expertId;
	}

	public Long getReplacementId() {
		return this.replacementId;
	}

	/** The rules the organizer overrode with this change, in {@link Constraint} order. */
	public List<Constraint> getOverridden() {
		return (this.overridden == null) ? List.of()
				: Arrays.stream(this.overridden.split(",")).map(Constraint::valueOf).toList();
	}

	public String getReason() {
		return this.reason;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

}
