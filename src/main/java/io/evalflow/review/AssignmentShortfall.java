package io.evalflow.review;

import io.evalflow.review.assignment.Constraint;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An application short of experts: left short by the draw, with the constraint that bound
 * it, or by the organizer's removal of an expert, with none.
 */
@Entity
@Table(name = "assignment_shortfall")
public class AssignmentShortfall {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long roundId;

	private Long applicationId;

	private int missing;

	@Enumerated(EnumType.STRING)
	private Constraint binding;

	protected AssignmentShortfall() {
	}

	AssignmentShortfall(Long roundId, Long applicationId, int missing, Constraint binding) {
		this.roundId = roundId;
		this.applicationId = applicationId;
		this.missing = missing;
		this.binding = binding;
	}

	/** A place the organizer opened by taking an expert off. */
	static AssignmentShortfall opened(Long roundId, Long applicationId) {
		return new AssignmentShortfall(roundId, applicationId, 1, null);
	}

	/** One more place is open. */
	void open() {
		this.missing++;
	}

	/**
	 * One place is filled.
	 * @return whether the application now has all its experts
	 */
	boolean fill() {
		this.missing = Math.max(0, this.missing - 1);
		return this.missing == 0;
	}

	public Long getApplicationId() {
		return this.applicationId;
	}

	public int getMissing() {
		return this.missing;
	}

	/**
	 * The constraint that left the draw short, or {@code null} for a place opened by
	 * hand.
	 */
	public Constraint getBinding() {
		return this.binding;
	}

}
