package io.evalflow.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organisation (or an individual applicant) that applies, employs an expert or
 * organizes. Units form a hierarchy through {@code parentId} (部委 → 司局), which
 * conflict-of-interest rules follow.
 */
@Entity
@Table(name = "org_unit")
public class Unit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "unit_type")
	private UnitType type;

	private String region;

	private Long parentId;

	private String contactPerson;

	private String email;

	private String phone;

	private Instant createdAt;

	protected Unit() {
	}

	Unit(String name, UnitType type, String region, Instant createdAt) {
		this.name = name;
		this.type = type;
		this.region = region;
		this.createdAt = createdAt;
	}

	void placeUnder(Long parentId) {
		this.parentId = parentId;
	}

	void contact(String contactPerson, String email, String phone) {
		this.contactPerson = contactPerson;
		this.email = email;
		this.phone = phone;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public UnitType getType() {
		return this.type;
	}

	public String getRegion() {
		return this.region;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public String getContactPerson() {
		return this.contactPerson;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

}
