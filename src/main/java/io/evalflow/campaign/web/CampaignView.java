package io.evalflow.campaign.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.campaign.RoundType;
import io.evalflow.campaign.TieRule;

/**
 * A campaign with everything an automated client needs to act on it: the ids of its
 * categories, rounds and criteria, and where each round stands.
 */
record CampaignView(Long id, String code, String name, String organizer, String description, CampaignStatus status,
		Instant submissionDeadline, boolean unrankedListing, boolean regionConflict, Instant createdAt,
		Instant publishedAt, List<CampaignCategoryView> categories, List<CampaignRoundView> rounds) {

	static CampaignView of(Campaign c) {
		return new CampaignView(c.getId(), c.getCode(), c.getName(), c.getOrganizer(), c.getDescription(),
				c.getStatus(), c.getSubmissionDeadline(), c.isUnrankedListing(), c.isRegionConflict(), c.getCreatedAt(),
				c.getPublishedAt(), c.getCategories().stream().map(CampaignCategoryView::of).toList(),
				c.getRounds().stream().map(CampaignRoundView::of).toList());
	}

	record CampaignCategoryView(Long id, String code, String name, String nameEn, int quota) {

		static CampaignCategoryView of(Category c) {
			return new CampaignCategoryView(c.getId(), c.getCode(), c.getName(), c.getNameEn(), c.getQuota());
		}

	}

	record CampaignRoundView(Long id, int roundNo, String name, String nameEn, RoundType type,
			int expertsPerApplication, int reviewDays, boolean blind, boolean excludeEarlierExperts,
			AdvancementRule rule, Integer ruleCount, RoundStatus status, Instant openedAt, Instant deadline,
			Instant cutConfirmedAt, String cutConfirmedBy, String cutNote, List<CampaignCriterionView> criteria,
			BigDecimal ruleThreshold, Aggregation aggregation, BigDecimal trimShare, int minReviewsPerExpert,
			BigDecimal disagreementThreshold, TieRule tieRule, List<String> tieCriteria) {

		static CampaignRoundView of(ReviewRound r) {
			return new CampaignRoundView(r.getId(), r.getRoundNo(), r.getName(), r.getNameEn(), r.getRoundType(),
					r.getExpertsPerApplication(), r.getReviewDays(), r.isBlind(), r.isExcludeEarlierExperts(),
					r.getRuleType(), r.getRuleCount(), r.getStatus(), r.getOpenedAt(), r.getDeadline(),
					r.getCutConfirmedAt(), r.getCutConfirmedBy(), r.getCutNote(),
					r.getCriteria().stream().map(CampaignCriterionView::of).toList(), r.getRuleThreshold(),
					r.getAggregation(), r.getTrimShare(), r.getMinReviewsPerExpert(), r.getDisagreementThreshold(),
					r.getTieRule(), r.getTieCriteria().stream().map(Criterion::getName).toList());
		}

	}

	record CampaignCriterionView(Long id, String name, String nameEn, BigDecimal weight, int maxScore) {

		static CampaignCriterionView of(Criterion c) {
			return new CampaignCriterionView(c.getId(), c.getName(), c.getNameEn(), c.getWeight(), c.getMaxScore());
		}

	}

}
