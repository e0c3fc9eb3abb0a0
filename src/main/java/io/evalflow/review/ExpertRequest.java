package io.evalflow.review;

import java.util.Set;

/**
 * A new expert of the pool with their sign-in account.
 *
 * @param loadCap the most reviews in one round
 * @param campaignLoadCap the most reviews over all rounds of one campaign, or
 * {@code null} for no cap beyond the per-round one
 * @param email where invitations and reminders go, or {@code null}
 */
public record ExpertRequest(String username, String password, String name, String unitName, String region, String title,
		Set<String> categoryCodes, int loadCap, Integer campaignLoadCap, String email) {

	public ExpertRequest(String username, String password, String name, String unitName, String region, String title,
			Set<String> categoryCodes, int loadCap) {
		this(username, password, name, unitName, region, title, categoryCodes, loadCap, null, null);
	}

}
