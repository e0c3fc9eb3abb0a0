package io.evalflow.account.web;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.UnitType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the registration page asks of an applicant unit (or an individual applicant).
 * Lengths follow the columns of {@code account} and {@code org_unit}.
 */
class RegistrationForm {

	/** BCrypt reads no further than 72 bytes of a password. */
	static final int PASSWORD_MAX_BYTES = 72;

	@NotBlank(message = "{account.register.username.required}")
	@Pattern(regexp = "[A-Za-z0-9._-]{3,60}", message = "{account.register.username.pattern}")
	private String username;

	@NotBlank(message = "{account.register.password.required}")
	@Size(min = 8, message = "{account.register.password.size}")
	private String password;

	@NotBlank(message = "{account.register.confirmPassword.required}")
	private String confirmPassword;

	@NotBlank(message = "{account.register.unitName.required}")
	@Size(max = 200, message = "{account.register.unitName.size}")
	private String unitName;

	@NotNull(message = "{account.register.unitType.required}")
	private UnitType unitType;

	@NotBlank(message = "{account.register.region.required}")
	@Size(max = 60, message = "{account.register.region.size}")
	private String region;

	@NotBlank(message = "{account.register.contactPerson.required}")
	@Size(max = 60, message = "{account.register.contactPerson.size}")
	private String contactPerson;

	@NotBlank(message = "{account.register.email.required}")
	@Email(message = "{account.register.email.invalid}")
	@Size(max = 120, message = "{account.register.email.invalid}")
	private String email;

	@NotBlank(message = "{account.register.phone.required}")
	@Pattern(regexp = "[0-9+()\\- ]{5,40}", message = "{account.register.phone.pattern}")
	private String phone;

	boolean passwordsMatch() {
		return Objects.equals(this.password, this.confirmPassword);
	}

	boolean passwordFitsHash() {
		return this.password == null || this.password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES;
	}

	/** Passwords are never written back into a page. */
	void forgetPasswords() {
		this.password = null;
		this.confirmPassword = null;
	}

	RegistrationRequest toRequest() {
		return new RegistrationRequest(this.username.trim(), this.password, this.unitName.trim(), this.unitType,
				this.region.trim(), this.contactPerson.trim(), this.email.trim(), this.phone.trim());
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	public String getUnitName() {
		return this.unitName;
	}

	public void setUnitName(String unitName) {
		this.unitName = unitName;
	}

	public UnitType getUnitType() {
		return this.unitType;
	}

	public void setUnitType(UnitType unitType) {
		this.unitType = unitType;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getContactPerson() {
		return this.contactPerson;
	}

	public void setContactPerson(String contactPerson) {
		this.contactPerson = contactPerson;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

}
