package io.evalflow.account.web;

import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.UnitType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an applicant unit gives to register through the API: the registration screen's
 * fields.
 */
record RegistrationBody(
		@NotBlank(message = "{account.api.username.required}") @Pattern(regexp = "[A-Za-z0-9._@-]{3,60}",
				message = "{account.api.username.pattern}") String username,
		@NotBlank(message = "{account.api.password.required}") @Size(min = 8, max = 100,
				message = "{account.api.password.size}") String password,
		@NotBlank(message = "{account.api.unitName.required}") @Size(max = 200,
				message = "{account.api.unitName.size}") String unitName,
		@NotNull(message = "{account.api.unitType.required}") UnitType unitType,
		@Size(max = 60, message = "{account.api.region.size}") String region,
		@Size(max = 60, message = "{account.api.contactPerson.size}") String contactPerson,
		@Email(message = "{account.api.email.invalid}") @Size(max = 120,
				message = "{account.api.email.invalid}") String email,
		@Size(max = 40, message = "{account.api.phone.size}") String phone) {

	RegistrationRequest toRequest() {
		return new RegistrationRequest(this.username, this.password, this.unitName, this.unitType, this.region,
				this.contactPerson, this.email, this.phone);
	}

}
