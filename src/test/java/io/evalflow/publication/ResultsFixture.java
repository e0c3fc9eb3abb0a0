package io.evalflow.publication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.TestCampaigns;
import io.evalflow.RoundStarter;
import io.evalflow.TestReviews;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.Role;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.CategoryDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundType;
import io.evalflow.ranking.RankingService;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Drives a small campaign through the services to its winners, the way an organizer,
 * applicants and experts would: two categories with two winners each, two rounds (the
 * best three of each category become finalists, then the winners), one joint application
 * among the winners and one application found ineligible.
 * <p>
 * Scores follow a hidden quality chosen so that the score order differs from the order of
 * the applicant units: an unranked listing that followed the scores would show.
 */
@Component
public class ResultsFixture {

	public static final String PASSWORD = "secret-pass";

	// Category codes of these campaigns only: the fixture's experts cover nothing else,
	// so they never take reviews from other tests' campaigns in the shared expert pool.
	public static final String MANAGEMENT = "PUB-MGMT";

	public static final String MICROBLOG = "PUB-BLOG";

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final ExpertService experts;

	private final RankingService ranking;

	private final TestReviews reviews;

	private final UserDetailsService users;

	private final RoundStarter rounds;

	ResultsFixture(CampaignService campaigns, SubmissionService submissions, AccountService accounts,
			ExpertService experts, RankingService ranking, TestReviews reviews, UserDetailsService users,
			RoundStarter rounds) {
		this.rounds = rounds;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.experts = experts;
		this.ranking = ranking;
		this.reviews = reviews;
		this.users = users;
	}

	/**
	 * A campaign whose winners are confirmed but not yet published.
	 * @param prefix a short prefix of the unique suffix given to the campaign's code and
	 * to every name the campaign creates (codes end up in 40-character reference numbers)
	 */
	public Driven decided(String prefix, boolean unranked) {
		String suffix = TestCampaigns.unique(prefix);
		Campaign campaign = this.campaigns.create(definition("pub-" + suffix, unranked));
		Long id = campaign.getId();
		this.campaigns.decide(id, PipelineDecision.PUBLISH_CALL, null, "organizer");
		Driven driven = people(campaign, suffix);
		Long management = campaign.getCategories().get(0).getId();
		Long microblog = campaign.getCategories().get(1).getId();
		Map<Long, Integer> quality = new HashMap<>();
		apply(id, driven.zhejiang(), management, "浙江省政务服务实践", List.of(), 9, quality);
		apply(id, driven.shanghai(), management, "上海市协同办公实践", List.of(driven.partner()), 8, quality);
		apply(id, driven.beijing(), management, "北京市网格化管理实践", List.of(), 7, quality);
		apply(id, driven.anhui(), management, "安徽省电子政务实践", List.of(), 2, quality);
		apply(id, driven.beijing(), microblog, "平安北京微博实践", List.of(), 9, quality);
		apply(id, driven.anhui(), microblog, "安徽发布微博实践", List.of(), 6, quality);
		apply(id, driven.zhejiang(), microblog, "浙江微博实践", List.of(), 5, quality);
		apply(id, driven.shanghai(), microblog, "上海微博实践", List.of(), 1, quality);
		Long incomplete = apply(id, driven.shanghai(), management, "材料不全的申报", List.of(), 0, quality);

		this.campaigns.decide(id, PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
		for (Application application : this.submissions.withStatus(id, ApplicationStatus.SUBMITTED)) {
			boolean eligible = !application.getId().equals(incomplete);
			this.submissions.decideEligibility(application.getId(), eligible, eligible ? null : "材料不全", "organizer");
		}
		this.submissions.completeFormalCheck(id, "organizer");
		for (ReviewRound round : campaign.getRounds()) {
			this.rounds.open(id, round.getRoundNo());
			this.reviews.scoreRound(round.getId(), applicationId -> BigDecimal.valueOf(quality.get(applicationId)));
			this.ranking.confirmCut(round.getId(), null, null, "organizer");
		}
		return driven;
	}

	/** A campaign whose results are published. */
	public Driven published(String prefix, boolean unranked) {
		Driven driven = decided(prefix, unranked);
		this.campaigns.decide(driven.campaignId(), PipelineDecision.PUBLISH_RESULTS, null, "organizer");
		return driven;
	}

	public CurrentUser user(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	private static CampaignDefinition definition(String code, boolean unranked) {
		return new CampaignDefinition(code, "结果测试 " + code, "结果测试组织单位", "用于测试结果公布的评选活动",
				Instant.now().plus(30, ChronoUnit.DAYS), unranked,
				List.of(new CategoryDefinition(MANAGEMENT, "管理创新", "Management innovation", 2),
						new CategoryDefinition(MICROBLOG, "政务微博", "Government microblogs", 2)),
				List.of(new RoundDefinition("复审", "Second review", RoundType.SCORING, 1, 14, false,
						AdvancementRule.TOP_N_PER_CATEGORY, 3, TestCampaigns.rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.PANEL, 1, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null, TestCampaigns.rubric())));
	}

	private Driven people(Campaign campaign, String suffix) {
		String[] units = { "安徽省测试局 " + suffix, "北京市测试局 " + suffix, "上海市测试局 " + suffix, "浙江省测试局 " + suffix };
		String[] usernames = { "pub-ah-" + suffix, "pub-bj-" + suffix, "pub-sh-" + suffix, "pub-zj-" + suffix };
		for (int i = 0; i < units.length; i++) {
			this.accounts.registerApplicant(new RegistrationRequest(usernames[i], PASSWORD, units[i],
					UnitType.LOCAL_GOVERNMENT, "江苏", "联系人", usernames[i] + "@example.org", "010-1234567"));
		}
		for (int e = 1; e <= 2; e++) {
			this.experts.create(new ExpertRequest("pub-expert" + e + "-" + suffix, PASSWORD, "专家" + e,
					"结果测试专家单位 " + suffix, "北京", "研究员", Set.of(MANAGEMENT, MICROBLOG), 100));
		}
		this.accounts.createAccount("pub-org-" + suffix, PASSWORD, "组织方", Role.ORGANIZER, null);
		this.accounts.createAccount("pub-admin-" + suffix, PASSWORD, "管理员", Role.ADMIN, null);
		return new Driven(campaign.getId(), campaign.getCode(), usernames[0], usernames[1], usernames[2], usernames[3],
				"安徽省合作中心 " + suffix, "pub-expert1-" + suffix, "pub-org-" + suffix, "pub-admin-" + suffix, units[0],
				units[1], units[2], units[3]);
	}

	private Long apply(Long campaignId, String applicant, Long categoryId, String title, List<String> coApplicants,
			int quality, Map<Long, Integer> qualities) {
		CurrentUser user = user(applicant);
		Application draft = this.submissions.createDraft(user, campaignId,
				new ApplicationContent(categoryId, title, coApplicants, "摘要", "背景", "做法", "创新点", "成效"));
		this.submissions.addAttachment(user, draft.getId(), "case.pdf", TestCampaigns.PDF);
		this.submissions.submit(user, draft.getId());
		qualities.put(draft.getId(), quality);
		return draft.getId();
	}

	/**
	 * Who took part, by username, and the applicant unit names as published.
	 *
	 * @param partner the co-applicant unit of Shanghai's joint management application
	 */
	public record Driven(Long campaignId, String code, String anhui, String beijing, String shanghai, String zhejiang,
			String partner, String expert, String organizer, String admin, String anhuiUnit, String beijingUnit,
			String shanghaiUnit, String zhejiangUnit) {
	}

}
