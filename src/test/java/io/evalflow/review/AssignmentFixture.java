package io.evalflow.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.evalflow.CampaignRunner;
import io.evalflow.RoundStarter;
import io.evalflow.TestCampaigns;
import io.evalflow.TestReviews;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.CategoryDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundType;
import io.evalflow.ranking.RankingService;
import io.evalflow.submission.Application;

import org.springframework.context.ApplicationContext;

/**
 * Rounds whose proposal is drawn from experts the test chose. The pool is shared by every
 * test of the run, so each draw runs with every other active expert taken out of the
 * pool, and puts them back at once; the campaign's category code is the test's own.
 */
public final class AssignmentFixture {

	private final CampaignRunner run;

	private final CampaignService campaigns;

	private final ExpertService experts;

	private final ExpertConflictRepository conflicts;

	private final RoundStarter rounds;

	private final TestReviews reviews;

	private final RankingService ranking;

	private final AssignmentService assignments;

	public AssignmentFixture(ApplicationContext context) {
		this.run = new CampaignRunner(context);
		this.campaigns = context.getBean(CampaignService.class);
		this.experts = context.getBean(ExpertService.class);
		this.conflicts = context.getBean(ExpertConflictRepository.class);
		this.rounds = context.getBean(RoundStarter.class);
		this.reviews = context.getBean(TestReviews.class);
		this.ranking = context.getBean(RankingService.class);
		this.assignments = context.getBean(AssignmentService.class);
	}

	public CampaignRunner run() {
		return this.run;
	}

	/**
	 * A campaign of one category (a code of its own) and two rounds, with
	 * {@code applications} applications of one applicant unit (region 江苏) in round 1,
	 * whose proposal is drawn among {@code drawn} fresh experts (region 北京, cap 10).
	 * @param excludeEarlier whether round 2 excludes round 1's experts
	 */
	public Scenario propose(int expertsPerApplication, boolean regionConflict, boolean excludeEarlier, int drawn,
			int applications) {
		String code = CampaignRunner.unique("as");
		String categoryCode = "C-" + code;
		Campaign campaign = this.campaigns.create(new CampaignDefinition(code, "分配测试 " + code, "测试组织单位", "专家分配测试",
				Instant.now().plus(30, ChronoUnit.DAYS), true, regionConflict,
				List.of(new CategoryDefinition(categoryCode, "管理创新", "Management innovation", 1)),
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, expertsPerApplication, 14, false,
						false, AdvancementRule.TOP_N_OVERALL, applications, TestCampaigns.rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.SCORING, expertsPerApplication, 7, false,
								excludeEarlier, AdvancementRule.CATEGORY_QUOTA, null, TestCampaigns.rubric()))));
		this.run.publishCall(campaign);
		String applicant = this.run.applicant();
		List<Application> submitted = this.run.submit(campaign, applicant,
				IntStream.range(0, applications).map(i -> 0).toArray());
		this.run.closeAndAdmitAll(campaign);
		List<Expert> pool = new ArrayList<>();
		for (int i = 0; i < drawn; i++) {
			pool.add(expert("抽取", null, "北京", Set.of(categoryCode), 10, null));
		}
		ReviewRound round = draw(pool, () -> this.rounds.propose(campaign.getId(), 1));
		return new Scenario(this.campaigns.get(campaign.getId()), round, applicant, "申报单位 " + applicant, categoryCode,
				submitted, pool);
	}

	/**
	 * Confirms round 1, scores it, advances every application and proposes round 2 drawn
	 * from {@code pool}.
	 */
	public ReviewRound proposeSecondRound(Scenario scenario, Collection<Expert> pool) {
		this.assignments.confirm(scenario.round().getId(), "organizer");
		this.rounds.runJobs();
		this.reviews.scoreRound(scenario.round().getId(), id -> new BigDecimal("8"));
		this.ranking.confirmCut(scenario.round().getId(), null, null, "organizer");
		return draw(pool, () -> this.rounds.propose(scenario.campaign().getId(), 2));
	}

	/**
	 * A new active expert of the pool.
	 * @param unitName the expert's unit, or {@code null} for one of their own
	 */
	public Expert expert(String label, String unitName, String region, Set<String> categoryCodes, int loadCap,
			Integer campaignLoadCap) {
		String username = CampaignRunner.unique("ax");
		return this.experts.create(new ExpertRequest(username, CampaignRunner.PASSWORD, label + " " + username,
				(unitName != null) ? unitName : "专家单位 " + username, region, "研究员", categoryCodes, loadCap,
				campaignLoadCap, null));
	}

	public void declareConflict(Expert expert, Application application) {
		this.conflicts
			.save(ExpertConflict.withApplication(expert.getId(), application.getId(), "曾参与该项目", Instant.now()));
	}

	/** Runs a draw with only these experts in the pool. */
	private ReviewRound draw(Collection<Expert> pool, java.util.function.Supplier<ReviewRound> draw) {
		Set<Long> ours = pool.stream().map(Expert::getId).collect(java.util.stream.Collectors.toSet());
		List<Long> paused = this.experts.active().stream().map(Expert::getId).filter(id -> !ours.contains(id)).toList();
		paused.forEach(id -> this.experts.setActive(id, false));
		try {
			return draw.get();
		}
		finally {
			paused.forEach(id -> this.experts.setActive(id, true));
		}
	}

	/**
	 * @param unitName the applicant's unit
	 * @param drawn the experts the round 1 draw chose from
	 */
	public record Scenario(Campaign campaign, ReviewRound round, String applicant, String unitName, String categoryCode,
			List<Application> applications, List<Expert> drawn) {

		public Application application(int index) {
			return this.applications.get(index);
		}

	}

}
