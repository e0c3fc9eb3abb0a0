package io.evalflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Drives campaigns through the services for screen tests: people, applications, the
 * formal check, rounds and scores. Every name it makes is unique, because all tests share
 * one database.
 */
public final class CampaignRunner {

	public static final String PASSWORD = "secret-pass";

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final ExpertService experts;

	private final TestReviews reviews;

	private final UserDetailsService users;

	private final RoundStarter rounds;

	public CampaignRunner(ApplicationContext context) {
		this.campaigns = context.getBean(CampaignService.class);
		this.submissions = context.getBean(SubmissionService.class);
		this.accounts = context.getBean(AccountService.class);
		this.experts = context.getBean(ExpertService.class);
		this.reviews = context.getBean(TestReviews.class);
		this.users = context.getBean(UserDetailsService.class);
		this.rounds = context.getBean(RoundStarter.class);
	}

	public static String unique(String prefix) {
		return TestCampaigns.unique(prefix);
	}

	public String organizer() {
		return account(Role.ORGANIZER, "组织方");
	}

	public String account(Role role, String displayName) {
		String username = unique(role.name().toLowerCase());
		this.accounts.createAccount(username, PASSWORD, displayName, role, null);
		return username;
	}

	public String applicant() {
		String username = unique("applicant");
		this.accounts.registerApplicant(new RegistrationRequest(username, PASSWORD, "申报单位 " + username,
				UnitType.LOCAL_GOVERNMENT, "江苏", "联系人", username + "@example.org", "010-1234567"));
		return username;
	}

	/** Adds generalist experts to the pool, which every test shares. */
	public List<String> experts(int count) {
		return experts(count, 1000);
	}

	/**
	 * Adds generalist experts who take at most {@code loadCap} reviews in a round, each
	 * from a unit of their own.
	 */
	public List<String> experts(int count, int loadCap) {
		List<String> usernames = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String username = unique("expert");
			this.experts.create(new ExpertRequest(username, PASSWORD, "专家 " + username, "专家单位 " + username, "北京", "研究员",
					Set.of(), loadCap));
			usernames.add(username);
		}
		return usernames;
	}

	public CurrentUser user(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	/** Three rounds, four categories: see {@link TestCampaigns#threeRounds}. */
	public Campaign threeRounds(int quota, int firstCut, int perCategory, int expertsPerApplication) {
		return this.campaigns
			.create(TestCampaigns.threeRounds(unique("3r"), quota, firstCut, perCategory, expertsPerApplication));
	}

	/**
	 * Two categories with {@code quota} winners each; round 1 keeps the top
	 * {@code firstCut} overall, round 2 picks the winners; one expert per application.
	 */
	public Campaign twoRounds(int quota, int firstCut) {
		String code = unique("2r");
		return this.campaigns.create(new CampaignDefinition(code, "两轮评选 " + code, "测试组织单位", "两轮评审的测试活动",
				Instant.now().plus(30, ChronoUnit.DAYS), true,
				List.of(new CategoryDefinition("MANAGEMENT", "管理创新", "Management innovation", quota),
						new CategoryDefinition("SERVICE", "公共服务", "Public service", quota)),
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, 1, 14, false,
						AdvancementRule.TOP_N_OVERALL, firstCut, TestCampaigns.rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.PANEL, 1, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null, TestCampaigns.rubric()))));
	}

	public void publishCall(Campaign campaign) {
		this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_CALL, null, "organizer");
	}

	/** One application per entry, in the campaign category of that index. */
	public List<Application> submit(Campaign campaign, String applicant, int... categoryIndexes) {
		CurrentUser user = user(applicant);
		List<Application> submitted = new ArrayList<>();
		for (int index : categoryIndexes) {
			Long categoryId = campaign.getCategories().get(index).getId();
			Application draft = draft(campaign, user, categoryId, "案例 " + unique("t"));
			this.submissions.addAttachment(user, draft.getId(), "case.pdf", TestCampaigns.PDF);
			submitted.add(this.submissions.submit(user, draft.getId()));
		}
		return submitted;
	}

	public Application draft(Campaign campaign, CurrentUser user, Long categoryId, String title) {
		return this.submissions.createDraft(user, campaign.getId(),
				new ApplicationContent(categoryId, title, List.of(), "摘要", "背景", "做法", "创新点", "成效"));
	}

	/** Closes the call and finds every submitted application eligible. */
	public void closeAndAdmitAll(Campaign campaign) {
		this.campaigns.decide(campaign.getId(), PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
		for (Application application : this.submissions.withStatus(campaign.getId(), ApplicationStatus.SUBMITTED)) {
			this.submissions.decideEligibility(application.getId(), true, null, "organizer");
		}
		this.submissions.completeFormalCheck(campaign.getId(), "organizer");
	}

	public ReviewRound startRound(Campaign campaign, int roundNo) {
		return this.rounds.open(campaign.getId(), roundNo);
	}

	/**
	 * Submits every review of the round, whoever was assigned, giving each application
	 * its score on every criterion: equal scores make equal means.
	 */
	public void score(ReviewRound round, Map<Long, BigDecimal> scoreByApplication) {
		this.reviews.scoreRound(round.getId(), scoreByApplication::get);
	}

	public ReviewRound round(Campaign campaign, int roundNo) {
		return this.campaigns.round(campaign.getId(), roundNo);
	}

	public Campaign reload(Campaign campaign) {
		return this.campaigns.get(campaign.getId());
	}

}
