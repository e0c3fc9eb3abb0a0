package io.evalflow.review;

import java.time.Instant;

import io.evalflow.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A round's assignment: the seed of its draw, whether the organizer has confirmed the
 * proposal, and how far its release into review tasks has got.
 */
@Entity
@Table(name = "round_assignment")
public class RoundAssignment {

	/** Where an assignment stands. */
	public enum Status {

		/** Being drawn and written. */
		PLANNING,
		/** Drawn; the organizer may look, change and confirm. */
		PROPOSED,
		/** Confirmed; the reviews are being released chunk by chunk. */
		RELEASING,
		/** Every review is with its expert. */
		RELEASED

	}

	@Id
	private Long roundId;

	private long seed;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int applicationCount;

	private int releasedCount;

	private int chunkSize;

	private Instant plannedAt;

	private Instant confirmedAt;

	private String confirmedBy;

	private Instant releasedAt;

	@Version
	private long version;

	protected RoundAssignment() {
	}

	RoundAssignment(Long roundId, long seed, int applicationCount, int chunkSize, Instant now) {
		this.roundId = roundId;
		this.seed = seed;
		this.status = Status.PLANNING;
		this.applicationCount = applicationCount;
		this.chunkSize = chunkSize;
		this.plannedAt = now;
	}

	/** A new draw with another seed; only while the organizer has not confirmed. */
	void redraw(long seed, int applicationCount, Instant now) {
		requireProposed();
		this.seed = seed;
		this.status = Status.PLANNING;
		this.applicationCount = applicationCount;
		this.plannedAt = now;
	}

	void proposed() {
		if (this.status == Status.PLANNING) {
			this.status = Status.PROPOSED;
		}
	}

	void confirm(String actor, Instant now) {
		requireProposed();
		this.status = Status.RELEASING;
		this.confirmedBy = actor;
		this.confirmedAt = now;
	}

	void released(int applications, Instant now) {
		this.releasedCount = Math.min(this.applicationCount, this.releasedCount + applications);
		if (this.releasedCount >= this.applicationCount) {
			this.status = Status.RELEASED;
			this.releasedAt = now;
		}
	}

	void requireProposed() {
		if (this.status != Status.PROPOSED) {
			throw new DomainException("assignment.error.notProposed");
		}
	}

	/** How many chunks the release takes. */
	public int chunks() {
		return (this.applicationCount + this.chunkSize - 1) / this.chunkSize;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	public long getSeed() {
		return this.seed;
	}

	public Status getStatus() {
		return this.status;
	}

	public int getApplicationCount() {
		return this.applicationCount;
	}

	public int getReleasedCount() {
		return this.releasedCount;
	}

	public int getChunkSize() {
		return this.chunkSize;
	}

	public Instant getPlannedAt() {
		return this.plannedAt;
	}

	public Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	public String getConfirmedBy() {
		return this.confirmedBy;
	}

	public Instant getReleasedAt() {
		return this.releasedAt;
	}

}
