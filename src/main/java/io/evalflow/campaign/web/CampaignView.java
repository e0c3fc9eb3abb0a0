package io.evalflow.campaign.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.campaign.RoundType;

/**
 * A campaign with everything an automated client needs to act on it: the ids of its
 * categories, rounds and criteria, and where each round stands.
 */
record CampaignView(Long id, String code, String name, String organizer, String description, CampaignStatus status,
		Instant submissionDeadline, boolean unrankedListing, Instant createdAt, Instant publishedAt,
		List<CategoryView> categories, List<RoundView> rounds) {

	static CampaignView of(Campaign c) {
		return new CampaignView(c.getId(), c.getCode(), c.getName(), c.getOrganizer(), c.getDescription(),
				c.getStatus(), c.getSubmissionDeadline(), c.isUnrankedListing(), c.getCreatedAt(), c.getPublishedAt(),
				c.getCategories().stream().map(CategoryView::of).toList(),
				c.getRounds().stream().map(RoundView::of).toList());
	}

	record CategoryView(Long id, String code, String name, String nameEn, int quota) {

		static CategoryView of(Category c) {
			return new CategoryView(c.getId(), c.getCode(), c.getName(), c.getNameEn(), c.getQuota());
		}

	}

	record RoundView(Long id, int roundNo, String name, String nameEn, RoundType type, int expertsPerApplication,
			int reviewDays, boolean blind, AdvancementRule rule, Integer ruleCount, RoundStatus status,
			Instant openedAt, Instant deadline, Instant cutConfirmedAt, String cutConfirmedBy, String cutNote,
			List<CriterionView> criteria) {

		static RoundView of(ReviewRound r) {
			return new RoundView(r.getId(), r.getRoundNo(), r.getName(), r.getNameEn(), r.getRoundType(),
					r.getExpertsPerApplication(), r.getReviewDays(), r.isBlind(), r.getRuleType(), r.getRuleCount(),
					r.getStatus(), r.getOpenedAt(), r.getDeadline(), r.getCutConfirmedAt(), r.getCutConfirmedBy(),
					r.getCutNote(), r.getCriteria().stream().map(CriterionView::of).toList());
		}

	}

	record CriterionView(Long id, String name, String nameEn, BigDecimal weight, int maxScore) {

		static CriterionView of(Criterion c) {
			return new CriterionView(c.getId(), c.getName(), c.getNameEn(), c.getWeight(), c.getMaxScore());
		}

	}

}
