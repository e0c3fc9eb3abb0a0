package io.evalflow.publication.web;

import java.time.Instant;

import io.evalflow.campaign.Campaign;

/** A campaign whose results are published. */
record PublishedCampaignDto(String code, String name, String organizer, Instant publishedAt, boolean unranked) {

	static PublishedCampaignDto of(Campaign campaign) {
		return new PublishedCampaignDto(campaign.getCode(), campaign.getName(), campaign.getOrganizer(),
				campaign.getPublishedAt(), campaign.isUnrankedListing());
	}

}
