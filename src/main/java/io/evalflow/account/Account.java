package io.evalflow.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who signs in. Applicants and experts act for a unit; organizers and admins may
 * have none.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	private String displayName;

	@Enumerated(EnumType.STRING)
	private Role role;

	private Long unitId;

	private boolean enabled;

	private Instant createdAt;

	protected Account() {
	}

	Account(String username, String passwordHash, String displayName, Role role, Long unitId, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public Role getRole() {
		return this.role;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

}
