package io.evalflow.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An extension an organizer granted, with its reason: of one expert's open reviews in a
 * round, or of the whole round (no expert).
 */
@Entity
@Table(name = "deadline_extension")
public class DeadlineExtension {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long roundId;

	private Long expertId;

	private Instant dueAt;

	private Instant previousDue;

	private int reviewCount;

	private String reason;

	private String extendedBy;

	private Instant extendedAt;

	protected DeadlineExtension() {
	}

	DeadlineExtension(Long roundId, Long expertId, Instant dueAt, Instant previousDue, int reviewCount, String reason,
			String extendedBy, Instant extendedAt) {
		this.roundId = roundId;
		this.expertId = expertId;
		this.dueAt = dueAt;
		this.previousDue = previousDue;
		this.reviewCount = reviewCount;
		this.reason = reason;
		this.extendedBy = extendedBy;
		this.extendedAt = extendedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	/** The expert whose reviews were extended, or {@code null} for the whole round. */
	public Long getExpertId() {
		return this.expertId;
	}

	public boolean isWholeRound() {
		return this.expertId == null;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	/** The latest due date it replaced. */
	public Instant getPreviousDue() {
		return this.previousDue;
	}

	/** How many open reviews it moved. */
	public int getReviewCount() {
		return this.reviewCount;
	}

	public String getReason() {
		return this.reason;
	}

	public String getExtendedBy() {
		return this.extendedBy;
	}

	public Instant getExtendedAt() {
		return this.extendedAt;
	}

}
