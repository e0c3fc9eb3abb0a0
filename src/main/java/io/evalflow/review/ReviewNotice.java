package io.evalflow.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reminder or overdue notice for one review and one due date, recorded before anybody
 * is told: the unique key (review, kind, due date) makes a second chase find it done.
 */
@Entity
@Table(name = "review_notice")
class ReviewNotice {

	/** What the expert is told. */
	enum Kind {

		/** The due date is near. */
		REMINDER,
		/** The due date has passed and the review is still open. */
		OVERDUE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long reviewId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private Instant dueAt;

	private Instant recordedAt;

	protected ReviewNotice() {
	}

	ReviewNotice(Long reviewId, Kind kind, Instant dueAt, Instant recordedAt) {
		this.reviewId = reviewId;
		this.kind = kind;
		this.dueAt = dueAt;
		this.recordedAt = recordedAt;
	}

	Long getReviewId() {
		return this.reviewId;
	}

	Kind getKind() {
		return this.kind;
	}

	Instant getDueAt() {
		return this.dueAt;
	}

	Instant getRecordedAt() {
		return this.recordedAt;
	}

}
