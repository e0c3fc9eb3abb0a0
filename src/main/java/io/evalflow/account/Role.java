package io.evalflow.account;

/**
 * What an account may do. One role per account keeps object-level checks simple: an
 * expert who also applies for their unit uses two accounts.
 */
public enum Role {

	ADMIN, ORGANIZER, EXPERT, APPLICANT;

	public String authority() {
		return "ROLE_" + name();
	}

}
