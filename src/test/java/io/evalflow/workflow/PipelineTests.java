package io.evalflow.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.RoundStarter;
import io.evalflow.TestCampaigns;
import io.evalflow.TestReviews;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RankingService;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives a campaign of 30 applications through every stage on the real engine: call,
 * submissions and a withdrawal, the formal check, three rounds of expert review with
 * cuts, the winners and publication. Asserts the domain tables and how each process
 * ended.
 */
@SpringBootTest
class PipelineTests {

	@Autowired
	private RoundStarter roundStarter;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	AccountService accounts;

	@Autowired
	ExpertService experts;

	@Autowired
	RankingService ranking;

	@Autowired
	UserDetailsService users;

	@Autowired
	TestReviews testReviews;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Test
	void campaignOfThirtyApplicationsRunsFromCallToPublishedResults() {
		Campaign campaign = this.campaigns
			.create(TestCampaigns.threeRounds(TestCampaigns.unique("pipe30"), 2, 20, 4, 3));
		Long id = campaign.getId();
		assertThat(this.campaigns.get(id).getProcessInstanceId()).isNotNull();
		assertThat(this.campaigns.get(id).getStatus()).isEqualTo(CampaignStatus.DRAFT);

		this.campaigns.decide(id, PipelineDecision.PUBLISH_CALL, null, "organizer");
		assertThat(this.campaigns.get(id).getStatus()).isEqualTo(CampaignStatus.CALL_OPEN);

		String run = TestCampaigns.unique("p");
		for (int e = 1; e <= 8; e++) {
			this.experts.create(new ExpertRequest(run + "-expert" + e, "secret-pass", "专家" + e, "专家单位" + run + e, "北京",
					"研究员", Set.of(), 100));
		}
		List<CurrentUser> applicants = new ArrayList<>();
		for (int u = 1; u <= 6; u++) {
			this.accounts.registerApplicant(new RegistrationRequest(run + "-unit" + u, "secret-pass", "申报单位" + run + u,
					UnitType.LOCAL_GOVERNMENT, "江苏", "联系人" + u, "u" + u + "@example.org", "010-1234567"));
			applicants.add(user(run + "-unit" + u));
		}
		Map<Long, Integer> quality = new HashMap<>();
		List<Long> categoryIds = this.campaigns.get(id).getCategories().stream().map(c -> c.getId()).toList();
		for (int i = 0; i < 30; i++) {
			CurrentUser applicant = applicants.get(i % applicants.size());
			Application draft = this.submissions.createDraft(applicant, id, new ApplicationContent(
					categoryIds.get(i % 4), "案例 " + i, List.of(), "摘要", "背景", "做法", "创新点", "成效"));
			this.submissions.addAttachment(applicant, draft.getId(), "case-" + i + ".pdf", TestCampaigns.PDF);
			Application submitted = this.submissions.submit(applicant, draft.getId());
			assertThat(submitted.getReferenceNo()).startsWith(campaign.getCode() + "-");
			quality.put(draft.getId(), i);
		}
		Long withdrawn = quality.keySet().stream().min(Long::compare).orElseThrow();
		this.submissions.withdraw(applicants.get(0), withdrawn);

		this.campaigns.decide(id, PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
		assertThat(this.campaigns.get(id).getStatus()).isEqualTo(CampaignStatus.CALL_CLOSED);

		List<Application> toCheck = this.submissions.withStatus(id, ApplicationStatus.SUBMITTED);
		assertThat(toCheck).hasSize(29);
		assertThatThrownBy(() -> this.submissions.completeFormalCheck(id, "organizer"))
			.isInstanceOf(DomainException.class);
		Long ineligible = toCheck.get(0).getId();
		for (Application application : toCheck) {
			boolean eligible = !application.getId().equals(ineligible);
			this.submissions.decideEligibility(application.getId(), eligible, eligible ? null : "材料不全", "organizer");
		}
		this.submissions.completeFormalCheck(id, "organizer");
		assertThat(this.campaigns.get(id).getStatus()).isEqualTo(CampaignStatus.IN_REVIEW);

		int[] expectedAdmitted = { 28, 20, 16 };
		for (int roundNo = 1; roundNo <= 3; roundNo++) {
			ReviewRound round = this.campaigns.round(id, roundNo);
			assertThat(round.getStatus()).isEqualTo(RoundStatus.PENDING);
			this.roundStarter.open(id, roundNo);
			round = this.campaigns.round(id, roundNo);
			assertThat(round.getStatus()).isEqualTo(RoundStatus.OPEN);
			assertThat(this.submissions.inRound(id, roundNo)).hasSize(expectedAdmitted[roundNo - 1]);
			scoreEverything(round, quality);
			assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
			this.ranking.confirmCut(round.getId(), null, null, "organizer");
			assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.DECIDED);
		}

		List<Application> winners = this.submissions.withStatus(id, ApplicationStatus.WINNER);
		assertThat(winners).hasSize(8);
		assertThat(winners.stream().collect(Collectors.groupingBy(Application::getCategoryId, Collectors.counting())))
			.containsOnlyKeys(categoryIds)
			.allSatisfy((category, count) -> assertThat(count).isEqualTo(2));
		// The hidden quality decides: the best two of each category win.
		for (Application winner : winners) {
			int q = quality.get(winner.getId());
			assertThat(q).isGreaterThanOrEqualTo(22);
		}
		assertThat(this.submissions.withStatus(id, ApplicationStatus.FINALIST)).hasSize(8);
		assertThat(this.submissions.withStatus(id, ApplicationStatus.NOT_ADVANCED)).hasSize(12);
		assertThat(this.submissions.withStatus(id, ApplicationStatus.INELIGIBLE)).hasSize(1);
		assertThat(this.submissions.withStatus(id, ApplicationStatus.WITHDRAWN)).hasSize(1);

		this.campaigns.decide(id, PipelineDecision.PUBLISH_RESULTS, null, "organizer");
		assertThat(this.campaigns.get(id).getStatus()).isEqualTo(CampaignStatus.PUBLISHED);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id).count())
			.isZero();
		assertThat(endOf(this.campaigns.get(id).getProcessInstanceId())).isEqualTo("results-published");
		for (Application application : this.submissions.inCampaign(id)) {
			String expectedEnd = switch (application.getStatus()) {
				case WINNER -> "winner";
				case FINALIST -> "finalist";
				case NOT_ADVANCED -> "not-advanced";
				case INELIGIBLE -> "ineligible";
				case WITHDRAWN -> "withdrawn";
				default -> throw new AssertionError(application.getStatus());
			};
			assertThat(endOf(application.getProcessInstanceId())).as(application.getTitle()).isEqualTo(expectedEnd);
		}
	}

	@Test
	void submissionDeadlineTimerClosesTheCall() {
		Campaign campaign = this.campaigns
			.create(TestCampaigns.threeRounds(TestCampaigns.unique("pipe-timer"), 1, 4, 1, 1));
		this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_CALL, null, "organizer");
		Job timer = this.management.createTimerJobQuery()
			.processInstanceId(campaign.getProcessInstanceId())
			.singleResult();
		assertThat(timer.getDuedate().toInstant())
			.isEqualTo(this.campaigns.get(campaign.getId()).getSubmissionDeadline());
		Job executable = this.management.moveTimerToExecutableJob(timer.getId());
		this.management.executeJob(executable.getId());
		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CALL_CLOSED);
	}

	@Test
	void decisionAtTheWrongStageIsRefusedAndChangesNothing() {
		Campaign campaign = this.campaigns
			.create(TestCampaigns.threeRounds(TestCampaigns.unique("pipe-early"), 1, 4, 1, 1));
		assertThatThrownBy(
				() -> this.campaigns.decide(campaign.getId(), PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer"))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("pipeline.error.notNow");
		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.DRAFT);
	}

	/** Every assigned expert scores by the hidden quality: better cases score higher. */
	private void scoreEverything(ReviewRound round, Map<Long, Integer> quality) {
		int submitted = this.testReviews.scoreRound(round.getId(),
				applicationId -> BigDecimal.valueOf(quality.get(applicationId))
					.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP));
		assertThat(submitted).isEqualTo(round.getExpertsPerApplication() * this.ranking.results(round.getId()).size());
		assertThat(this.ranking.results(round.getId())).allSatisfy(r -> assertThat(r.isReviewsComplete()).isTrue());
	}

	private CurrentUser user(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	private String endOf(String processInstanceId) {
		List<HistoricActivityInstance> ends = this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityType("endEvent")
			.list();
		assertThat(ends).hasSize(1);
		return ends.get(0).getActivityId();
	}

}
