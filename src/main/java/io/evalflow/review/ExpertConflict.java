package io.evalflow.review;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A conflict of interest an expert declared: with one application, or with a whole unit.
 * The draw never gives the expert that application or that unit's applications again.
 */
@Entity
@Table(name = "expert_conflict")
public class ExpertConflict {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long expertId;

	private Long applicationId;

	private Long unitId;

	private String reason;

	private Instant declaredAt;

	protected ExpertConflict() {
	}

	private ExpertConflict(Long expertId, Long applicationId, Long unitId, String reason, Instant now) {
		this.expertId = expertId;
		this.applicationId = applicationId;
		this.unitId = unitId;
		this.reason = reason;
		this.declaredAt = now;
	}

	static ExpertConflict withApplication(Long expertId, Long applicationId, String reason, Instant now) {
		return new ExpertConflict(expertId, applicationId, null, reason, now);
	}

	static ExpertConflict withUnit(Long expertId, Long unitId, String reason, Instant now) {
		return new ExpertConflict(expertId, null, unitId, reason, now);
	}

	public Long getId() {
		return this.id;
	}

	public Long getExpertId() {
		return this.expertId;
	}

	public Long getApplicationId() {
		return this.applicationId;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public String getReason() {
		return this.reason;
	}

	public Instant getDeclaredAt() {
		return this.declaredAt;
	}

}
