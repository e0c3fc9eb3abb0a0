package io.evalflow.review.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.evalflow.TestCampaigns;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.CategoryDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.RoundType;

/**
 * Campaigns whose category codes belong to one test. The expert pool is shared by every
 * test in the JVM and the assignment draws from all of it: experts who cover only such a
 * code are never drawn for another test's applications.
 */
final class ReviewTestCampaigns {

	private ReviewTestCampaigns() {
	}

	/** The code of the campaign's first category; the second is {@code code + "-2"}. */
	static String categoryCode(String suffix) {
		return "C-" + suffix;
	}

	/**
	 * Two categories and two rounds: 初审 (blind or not) keeping the best one, then 终审.
	 */
	static CampaignDefinition twoRounds(String suffix, boolean blindFirstRound) {
		return new CampaignDefinition("rc-" + suffix, "专家评审测试 " + suffix, "测试组织单位", "专家页面测试",
				Instant.now().plus(30, ChronoUnit.DAYS), true,
				List.of(new CategoryDefinition(categoryCode(suffix), "管理创新", "Management innovation", 1),
						new CategoryDefinition(categoryCode(suffix) + "-2", "政务微博", "Government microblogs", 1)),
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, 2, 14, blindFirstRound,
						AdvancementRule.TOP_N_OVERALL, 1, TestCampaigns.rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.PANEL, 2, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null, TestCampaigns.rubric())));
	}

}
