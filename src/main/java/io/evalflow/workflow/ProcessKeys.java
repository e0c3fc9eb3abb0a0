package io.evalflow.workflow;

/**
 * Process definition keys, business keys and message names shared with the files in
 * {@code processes/}.
 */
final class ProcessKeys {

	static final String CAMPAIGN = "campaign";

	static final String APPLICATION = "application";

	static final String ELIGIBILITY_DECIDED = "eligibility-decided";

	static final String APPLICATION_WITHDRAWN = "application-withdrawn";

	static final String ROUND_OPENED = "round-opened";

	static final String ROUND_CLOSED = "round-closed";

	static final String ROUND_DECIDED = "round-decided";

	static final String REVIEWS_COMPLETE = "reviews-complete";

	static final String ROUND_EXTENDED = "round-extended";

	private ProcessKeys() {
	}

	static String campaignKey(Long campaignId) {
		return "campaign-" + campaignId;
	}

	static String applicationKey(Long applicationId) {
		return "application-" + applicationId;
	}

}
