package io.evalflow.review;

import io.evalflow.review.assignment.Constraint;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application the round's draw left short, and the constraint that bound it. */
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

	public Long getApplicationId() {
		return this.applicationId;
	}

	public int getMissing() {
		return this.missing;
	}

	public Constraint getBinding() {
		return this.binding;
	}

}
