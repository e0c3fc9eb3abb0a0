package io.evalflow.submission.web;

import java.time.Instant;

import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;

/**
 * A line of an application list.
 */
record ApplicationSummaryView(Long id, Long campaignId, Long categoryId, String referenceNo, String title,
		Long leadUnitId, ApplicationStatus status, int roundNo, Instant submittedAt, Instant updatedAt) {

	static ApplicationSummaryView of(Application a) {
		return new ApplicationSummaryView(a.getId(), a.getCampaignId(), a.getCategoryId(), a.getReferenceNo(),
				a.getTitle(), a.getLeadUnitId(), a.getStatus(), a.getRoundNo(), a.getSubmittedAt(), a.getUpdatedAt());
	}

}
