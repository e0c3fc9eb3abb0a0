package io.evalflow.campaign.web;

import java.time.Instant;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignStatus;

/**
 * A line of the campaign list.
 */
record CampaignSummaryView(Long id, String code, String name, String organizer, CampaignStatus status,
		Instant submissionDeadline, boolean unrankedListing, Instant publishedAt) {

	static CampaignSummaryView of(Campaign campaign) {
		return new CampaignSummaryView(campaign.getId(), campaign.getCode(), campaign.getName(),
				campaign.getOrganizer(), campaign.getStatus(), campaign.getSubmissionDeadline(),
				campaign.isUnrankedListing(), campaign.getPublishedAt());
	}

}
