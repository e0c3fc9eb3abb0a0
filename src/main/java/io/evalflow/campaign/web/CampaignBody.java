package io.evalflow.campaign.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.RoundType;
import io.evalflow.campaign.ScoringSettings;
import io.evalflow.campaign.TieRule;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A campaign definition as the API takes it. Only the shape of each field is checked
 * here; whether the campaign makes sense (rounds, rules, rubrics) is the service's call,
 * refused with 422 and a sentence.
 */
record CampaignBody(@Schema(example = "egov-2013") @Size(max = 40, message = "{campaign.api.code.size}") String code,
		@Schema(example = "2013年中国电子政务最佳实践评选") @Size(max = 200, message = "{campaign.api.name.size}") String name,
		@Schema(example = "国家行政学院电子政务研究中心") @Size(max = 200,
				message = "{campaign.api.organizer.size}") String organizer,
		@Size(max = 20_000, message = "{campaign.api.description.size}") String description,
		@Schema(example = "2013-07-31T16:00:00Z") Instant submissionDeadline,
		@Schema(description = "Results listed unranked (排名不分先后)") Boolean unrankedListing,
		@Schema(description = "An expert from an applicant unit's region is in conflict (回避同地区)") Boolean regionConflict,
		@Valid List<CategoryBody> categories, @Valid List<RoundBody> rounds) {

	CampaignDefinition toDefinition() {
		return new CampaignDefinition(this.code, this.name, this.organizer, this.description, this.submissionDeadline,
				Boolean.TRUE.equals(this.unrankedListing), Boolean.TRUE.equals(this.regionConflict),
				(this.categories != null) ? this.categories.stream().map(CategoryBody::toDefinition).toList() : null,
				(this.rounds != null) ? this.rounds.stream().map(RoundBody::toDefinition).toList() : null);
	}

	record CategoryBody(
			@Schema(example = "MANAGEMENT") @Size(max = 30, message = "{campaign.api.categoryCode.size}") String code,
			@Schema(example = "管理创新") @Size(max = 100, message = "{campaign.api.categoryName.size}") String name,
			@Schema(example = "Management innovation") @Size(max = 100,
					message = "{campaign.api.categoryName.size}") String nameEn,
			@Schema(example = "10") @NotNull(message = "{campaign.api.quota.required}") Integer quota) {

		CampaignDefinition.CategoryDefinition toDefinition() {
			return new CampaignDefinition.CategoryDefinition(this.code, this.name, this.nameEn, this.quota);
		}

	}

	record RoundBody(@Schema(example = "初审") @Size(max = 60, message = "{campaign.api.roundName.size}") String name,
			@Schema(example = "First review") @Size(max = 60, message = "{campaign.api.roundName.size}") String nameEn,
			RoundType type,
			@Schema(example = "5") @NotNull(
					message = "{campaign.api.expertsPerApplication.required}") Integer expertsPerApplication,
			@Schema(example = "14") @NotNull(message = "{campaign.api.reviewDays.required}") Integer reviewDays,
			@Schema(description = "Applicant identity hidden from the experts") Boolean blind,
			@Schema(description = "Experts who reviewed an application in an earlier round are not drawn for it again") Boolean excludeEarlierExperts,
			AdvancementRule rule,
			@Schema(description = "How many advance: overall for TOP_N_OVERALL, per category for TOP_N_PER_CATEGORY; "
					+ "places shared in proportion for CATEGORY_SHARE; unused for SCORE_THRESHOLD and CATEGORY_QUOTA") Integer ruleCount,
			@Valid List<CriterionBody> criteria,
			@Schema(description = "The aggregate that advances under SCORE_THRESHOLD", example = "75") @Digits(
					integer = 6, fraction = 4, message = "{campaign.api.threshold.digits}") BigDecimal ruleThreshold,
			@Schema(description = "MEAN (default), TRIMMED_MEAN or ZSCORE (per-expert normalised mean)") Aggregation aggregation,
			@Schema(description = "Share of the totals dropped at each end by TRIMMED_MEAN; default 0.2",
					example = "0.2") @Digits(integer = 1, fraction = 3,
							message = "{campaign.api.trimShare.digits}") BigDecimal trimShare,
			@Schema(description = "Reviews an expert needs to be normalised by ZSCORE; default 5",
					example = "5") Integer minReviewsPerExpert,
			@Schema(description = "Standard deviation above which an application's reviews are flagged; default 15",
					example = "15") @Digits(integer = 6, fraction = 4,
							message = "{campaign.api.threshold.digits}") BigDecimal disagreementThreshold,
			@Schema(description = "TAKE_ALL (default for top-N rules), CRITERIA or ORGANIZER (default for quotas)") TieRule tieRule,
			@Schema(description = "For CRITERIA: the criteria that break a tie, by name, in order") List<@Size(max = 60,
					message = "{campaign.api.criterionName.size}") String> tieCriteria) {

		CampaignDefinition.RoundDefinition toDefinition() {
			return new CampaignDefinition.RoundDefinition(this.name, this.nameEn, this.type, this.expertsPerApplication,
					this.reviewDays, Boolean.TRUE.equals(this.blind), Boolean.TRUE.equals(this.excludeEarlierExperts),
					this.rule, this.ruleCount,
					(this.criteria != null) ? this.criteria.stream().map(CriterionBody::toDefinition).toList() : null,
					this.ruleThreshold, new ScoringSettings(this.aggregation, this.trimShare, this.minReviewsPerExpert,
							this.disagreementThreshold, this.tieRule, this.tieCriteria));
		}

	}

	record CriterionBody(
			@Schema(example = "创新性") @Size(max = 60, message = "{campaign.api.criterionName.size}") String name,
			@Schema(example = "Innovation") @Size(max = 60,
					message = "{campaign.api.criterionName.size}") String nameEn,
			@Schema(example = "30") @NotNull(message = "{campaign.api.weight.required}") @Digits(integer = 4,
					fraction = 3, message = "{campaign.api.weight.digits}") BigDecimal weight,
			@Schema(example = "10") @NotNull(message = "{campaign.api.maxScore.required}") Integer maxScore) {

		CampaignDefinition.CriterionDefinition toDefinition() {
			return new CampaignDefinition.CriterionDefinition(this.name, this.nameEn, this.weight, this.maxScore);
		}

	}

}
