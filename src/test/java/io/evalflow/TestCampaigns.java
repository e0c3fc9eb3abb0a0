package io.evalflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.CategoryDefinition;
import io.evalflow.campaign.CampaignDefinition.CriterionDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.RoundType;

/**
 * Campaign shapes for tests.
 */
public final class TestCampaigns {

	/**
	 * A small PDF that passes the content check and opens, with no document properties.
	 */
	public static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
			+ "2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\nxref\n0 3\n0000000000 65535 f \n"
			+ "0000000009 00000 n \n0000000052 00000 n \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n96\n%%EOF\n")
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private TestCampaigns() {
	}

	/**
	 * A code or name no other test uses, also when the database outlives the run
	 * (MariaDB).
	 */
	public static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime(), 36);
	}

	public static List<CriterionDefinition> rubric() {
		return List.of(new CriterionDefinition("创新性", "Innovation", new BigDecimal("30"), 10),
				new CriterionDefinition("实效性", "Effectiveness", new BigDecimal("30"), 10),
				new CriterionDefinition("示范推广价值", "Replicability", new BigDecimal("20"), 10),
				new CriterionDefinition("可持续性", "Sustainability", new BigDecimal("20"), 10));
	}

	/**
	 * Four categories with {@code quota} winners each; round 1 keeps the best
	 * {@code firstCut} overall, round 2 the best {@code perCategory} of each category,
	 * round 3 picks the winners.
	 */
	public static CampaignDefinition threeRounds(String code, int quota, int firstCut, int perCategory,
			int expertsPerApplication) {
		return new CampaignDefinition(code, "测试评选 " + code, "测试组织单位", "用于测试的评选活动",
				Instant.now().plus(30, ChronoUnit.DAYS), true,
				List.of(new CategoryDefinition("MANAGEMENT", "管理创新", "Management innovation", quota),
						new CategoryDefinition("SERVICE", "公共服务", "Public service", quota),
						new CategoryDefinition("TECHNOLOGY", "技术应用", "Technology application", quota),
						new CategoryDefinition("MICROBLOG", "政务微博", "Government microblogs", quota)),
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, expertsPerApplication, 14, false,
						AdvancementRule.TOP_N_OVERALL, firstCut, rubric()),
						new RoundDefinition("复审", "Second review", RoundType.SCORING, expertsPerApplication, 14, false,
								AdvancementRule.TOP_N_PER_CATEGORY, perCategory, rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.PANEL, expertsPerApplication, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null, rubric())));
	}

}
