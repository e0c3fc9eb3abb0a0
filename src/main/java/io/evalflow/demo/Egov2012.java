package io.evalflow.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.CategoryDefinition;
import io.evalflow.campaign.CampaignDefinition.CriterionDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.RoundType;

/**
 * The shape of the 2012 selection: four categories of ten winners; 初审 (blind) and 复审
 * narrow the field to 122 finalists, 终审 picks the winners.
 */
final class Egov2012 {

	static final String CODE = "egov-2012";

	static final int FIRST_CUT = 200;

	static final int FINALISTS = 122;

	private Egov2012() {
	}

	static CampaignDefinition definition(Instant submissionDeadline) {
		return new CampaignDefinition(CODE, "2012 中国电子政务最佳实践评选", "国家行政学院电子政务研究中心",
				"面向中央部委、国家机关、地方政府、企事业单位、科研院所、高等院校等各类机构（政务微博类亦接受个人申报），"
						+ "总结十年来电子政务全面大规模发展的经验。评选分初审、复审、终审三轮，终审评出四类共 40 个最佳实践。",
				submissionDeadline, true,
				List.of(new CategoryDefinition("MANAGEMENT", "管理创新", "Management innovation", 10),
						new CategoryDefinition("SERVICE", "公共服务", "Public service", 10),
						new CategoryDefinition("TECHNOLOGY", "技术应用", "Technology application", 10),
						new CategoryDefinition("MICROBLOG", "政务微博", "Government microblogs", 10)),
				// 初审 reads 300+ cases blind: the experts judge the practice, not who
				// applied.
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, 3, 14, true,
						AdvancementRule.TOP_N_OVERALL, FIRST_CUT,
						List.of(criterion("创新性", "Innovation", 30), criterion("实效性", "Effectiveness", 30),
								criterion("示范推广价值", "Replicability", 20), criterion("可持续性", "Sustainability", 20))),
						new RoundDefinition("复审", "Second review", RoundType.SCORING, 3, 14, false,
								AdvancementRule.TOP_N_OVERALL, FINALISTS,
								List.of(criterion("创新性", "Innovation", 25), criterion("实效性", "Effectiveness", 35),
										criterion("示范推广价值", "Replicability", 25),
										criterion("可持续性", "Sustainability", 15))),
						new RoundDefinition("终审", "Final judgment", RoundType.PANEL, 5, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null,
								List.of(criterion("创新与示范", "Innovation and example", 40),
										criterion("成效与影响", "Results and impact", 40),
										criterion("可持续发展", "Sustainability", 20)))));
	}

	private static CriterionDefinition criterion(String name, String nameEn, int weight) {
		return new CriterionDefinition(name, nameEn, BigDecimal.valueOf(weight), 10);
	}

}
