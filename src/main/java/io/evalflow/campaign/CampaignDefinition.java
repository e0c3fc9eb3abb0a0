package io.evalflow.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The shape of a campaign: categories with quotas, and two to five rounds with rubric and
 * rule. Validated by {@link CampaignService#create(CampaignDefinition)}.
 */
public record CampaignDefinition(String code, String name, String organizer, String description,
		Instant submissionDeadline, boolean unrankedListing, boolean regionConflict,
		List<CategoryDefinition> categories, List<RoundDefinition> rounds) {

	/** A campaign where experts of an applicant unit's region are not in conflict. */
	public CampaignDefinition(String code, String name, String organizer, String description,
			Instant submissionDeadline, boolean unrankedListing, List<CategoryDefinition> categories,
			List<RoundDefinition> rounds) {
		this(code, name, organizer, description, submissionDeadline, unrankedListing, false, categories, rounds);
	}

	public record CategoryDefinition(String code, String name, String nameEn, int quota) {
	}

	/**
	 * A round. {@code excludeEarlierExperts}: experts who reviewed an application in an
	 * earlier round are not drawn for it again.
	 */
	public record RoundDefinition(String name, String nameEn, RoundType type, int expertsPerApplication, int reviewDays,
			boolean blind, boolean excludeEarlierExperts, AdvancementRule rule, Integer ruleCount,
			List<CriterionDefinition> criteria) {

		public RoundDefinition(String name, String nameEn, RoundType type, int expertsPerApplication, int reviewDays,
				boolean blind, AdvancementRule rule, Integer ruleCount, List<CriterionDefinition> criteria) {
			this(name, nameEn, type, expertsPerApplication, reviewDays, blind, false, rule, ruleCount, criteria);
		}

	}

	public record CriterionDefinition(String name, String nameEn, BigDecimal weight, int maxScore) {
	}

}
