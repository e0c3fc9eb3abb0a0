package io.evalflow.review;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.evalflow.RoundStarter;
import io.evalflow.TestCampaigns;
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
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.SubmissionService;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Small campaigns for the experts' workspace: one category of their own, experts who
 * cover only it, applications taken through the formal check, round 1 opened. The pool is
 * shared by every test of the run, so generalists (who cover every category) are paused
 * while a test runs and restored after it.
 */
@Component
class WorkspaceFixture {

	static final String PASSWORD = "secret-pass";

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final ExpertService experts;

	private final RoundStarter roundStarter;

	private final UserDetailsService users;

	private List<Long> paused = List.of();

	WorkspaceFixture(CampaignService campaigns, SubmissionService submissions, AccountService accounts,
			ExpertService experts, RoundStarter roundStarter, UserDetailsService users) {
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.experts = experts;
		this.roundStarter = roundStarter;
		this.users = users;
	}

	/** Takes the generalists out of the pool until {@link #restorePool()}. */
	void pauseGeneralists() {
		this.paused = this.experts.active()
			.stream()
			.filter(e -> e.getCategoryCodes().isEmpty())
			.map(Expert::getId)
			.toList();
		this.paused.forEach(id -> this.experts.setActive(id, false));
	}

	void restorePool() {
		this.paused.forEach(id -> this.experts.setActive(id, true));
		this.paused = List.of();
	}

	/**
	 * A campaign whose category is {@code "WS-" + suffix}: round 1 with {@code k} experts
	 * per application and {@code reviewDays} to review, keeping the best one, then 终审.
	 */
	Campaign campaign(String suffix, int k, int reviewDays) {
		Campaign campaign = this.campaigns.create(new CampaignDefinition("ws-" + suffix, "工作台测试 " + suffix, "测试组织单位",
				"专家工作台测试", Instant.now().plus(30, ChronoUnit.DAYS), true,
				List.of(new CategoryDefinition(category(suffix), "管理创新", "Management innovation", 1)),
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, k, reviewDays, false,
						AdvancementRule.TOP_N_OVERALL, 1, TestCampaigns.rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.SCORING, 1, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null, TestCampaigns.rubric()))));
		this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_CALL, null, "organizer");
		return campaign;
	}

	static String category(String suffix) {
		return "WS-" + suffix;
	}

	/** An expert of their own unit; returns the user name. */
	String expert(String username, Set<String> categories) {
		return expert(username, categories, "专家单位 " + username);
	}

	String expert(String username, Set<String> categories, String unitName) {
		return expert(username, categories, unitName, 50);
	}

	/** An expert who takes at most {@code loadCap} reviews in a round. */
	String expert(String username, Set<String> categories, String unitName, int loadCap) {
		this.experts.create(
				new ExpertRequest(username, PASSWORD, "专家 " + username, unitName, "北京", "研究员", categories, loadCap));
		return username;
	}

	String organizer(String suffix) {
		String username = "ws-org-" + suffix;
		this.accounts.createAccount(username, PASSWORD, "组织方", Role.ORGANIZER, null);
		return username;
	}

	/** The applicant unit's name for the campaign's applications. */
	static String applicantUnit(String suffix) {
		return "工作台申报单位 " + suffix;
	}

	/**
	 * Submits {@code count} applications of one applicant unit, closes the call and
	 * passes them all through the formal check.
	 * @return the application ids, in order of submission
	 */
	List<Long> applications(Campaign campaign, String suffix, int count) {
		String applicant = "ws-app-" + suffix;
		this.accounts.registerApplicant(new RegistrationRequest(applicant, PASSWORD, applicantUnit(suffix),
				UnitType.LOCAL_GOVERNMENT, "江苏", "联系人", "contact@example.org", "010-1234567"));
		CurrentUser user = user(applicant);
		Long categoryId = this.campaigns.get(campaign.getId()).getCategories().get(0).getId();
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			Application draft = this.submissions.createDraft(user, campaign.getId(), new ApplicationContent(categoryId,
					"工作台案例 " + suffix + " 之" + i, List.of(), "摘要", "背景", "做法", "创新点", "成效"));
			this.submissions.addAttachment(user, draft.getId(), "case-" + i + ".pdf", TestCampaigns.PDF);
			this.submissions.submit(user, draft.getId());
			ids.add(draft.getId());
		}
		this.campaigns.decide(campaign.getId(), PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
		for (Long id : ids) {
			this.submissions.decideEligibility(id, true, null, "organizer");
		}
		this.submissions.completeFormalCheck(campaign.getId(), "organizer");
		return ids;
	}

	ReviewRound openRoundOne(Campaign campaign) {
		return this.roundStarter.open(campaign.getId(), 1);
	}

	CurrentUser user(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	String usernameOf(Long expertId) {
		Long accountId = this.experts.get(expertId).getAccountId();
		return this.accounts.accountsById(List.of(accountId)).get(accountId).getUsername();
	}

}
