package io.evalflow.review;

import java.util.Set;

/**
 * A new expert of the pool with their sign-in account.
 */
public record ExpertRequest(String username, String password, String name, String unitName, String region, String title,
		Set<String> categoryCodes, int loadCap) {
}
