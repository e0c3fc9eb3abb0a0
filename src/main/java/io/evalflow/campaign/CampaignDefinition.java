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
	 * earlier round are not drawn for it again. {@code ruleThreshold}: the aggregate that
	 * advances under {@link AdvancementRule#SCORE_THRESHOLD}. {@code scoring}: how the
	 * round aggregates and settles ties (null: {@link ScoringSettings#defaults()}).
	 */
	public record RoundDefinition(String name, String nameEn, RoundType type, int expertsPerApplication, int reviewDays,
			boolean blind, boolean excludeEarlierExperts, AdvancementRule rule, Integer ruleCount,
			List<CriterionDefinition> criteria, BigDecimal ruleThreshold, ScoringSettings scoring) {

		public RoundDefinition(String name, String nameEn, RoundType type, int expertsPerApplication, int reviewDays,
				boolean blind, boolean excludeEarlierExperts, AdvancementRule rule, Integer ruleCount,
				List<CriterionDefinition> criteria) {
			this(name, nameEn, type, expertsPerApplication, reviewDays, blind, excludeEarlierExperts, rule, ruleCount,
					criteria, null, null);
		}

		public RoundDefinition(String name, String nameEn, RoundType type, int expertsPerApplication, int reviewDays,
				boolean blind, AdvancementRule rule, Integer ruleCount, List<CriterionDefinition> criteria) {
			this(name, nameEn, type, expertsPerApplication, reviewDays, blind, false, rule, ruleCount, criteria);
		}

		/** The same round with other scoring settings. */
		public RoundDefinition withScoring(ScoringSettings settings) {
			return new RoundDefinition(this.name, this.nameEn, this.type, this.expertsPerApplication, this.reviewDays,
					this.blind, this.excludeEarlierExperts, this.rule, this.ruleCount, this.criteria,
					this.ruleThreshold, settings);
		}

		/** The same round with another rule. */
		public RoundDefinition withRule(AdvancementRule rule, Integer count, BigDecimal threshold) {
			return new RoundDefinition(this.name, this.nameEn, this.type, this.expertsPerApplication, this.reviewDays,
					this.blind, this.excludeEarlierExperts, rule, count, this.criteria, threshold, this.scoring);
		}

		public ScoringSettings scoringOrDefaults() {
			return (this.scoring != null) ? this.scoring : ScoringSettings.defaults();
		}

	}

	public record CriterionDefinition(String name, String nameEn, BigDecimal weight, int maxScore) {
	}

}
