package io.evalflow.account;

/**
 * What an applicant unit gives to register; validated by the form and again by
 * {@link AccountService}.
 */
public record RegistrationRequest(String username, String password, String unitName, UnitType unitType, String region,
		String contactPerson, String email, String phone) {
}
