package io.evalflow.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The shape of a campaign: categories with quotas, and two to five rounds with rubric and
 * rule. Validated by {@link CampaignService#create(CampaignDefinition)}.
 */
public record CampaignDefinition(String code, String name, String organizer, String description,
		Instant submissionDeadline, boolean unrankedListing, List<CategoryDefinition> categories,
		List<RoundDefinition> rounds) {

	public record CategoryDefinition(String code, String name, String nameEn, int quota) {
	}

	public record RoundDefinition(String name, String nameEn, RoundType type, int expertsPerApplication, int reviewDays,
			boolean blind, AdvancementRule rule, Integer ruleCount, List<CriterionDefinition> criteria) {
	}

	public record CriterionDefinition(String name, String nameEn, BigDecimal weight, int maxScore) {
	}

}
