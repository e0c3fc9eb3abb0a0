package io.evalflow.workflow.web;

import java.util.List;
import java.util.Locale;

import io.evalflow.RoundStarter;
import io.evalflow.CampaignRunner;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.ReviewService;
import io.evalflow.review.RoundAssignment;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.workflow.OrganizerTasks;
import io.evalflow.workflow.OrganizerTasks.PendingStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The organizer's campaign list, console and decisions, on the real engine.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ReviewService reviews;

	@Autowired
	OrganizerTasks tasks;

	@Autowired
	MessageSource messages;

	CampaignRunner run;

	RequestPostProcessor organizer;

	@BeforeEach
	void setUp() {
		this.run = new CampaignRunner(this.context);
		this.organizer = user(this.run.user(this.run.organizer()));
	}

	@Test
	void campaignListShowsEachCampaignWithItsCountsAndConsoleLink() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 1);
		this.run.publishCall(campaign);
		this.run.submit(campaign, this.run.applicant(), 0, 1);

		String html = this.mvc.perform(get("/organizer").with(this.organizer))
			.andExpect(status().isOk())
			.andExpect(view().name(CampaignConsoleController.CAMPAIGNS_VIEW))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains(campaign.getName(), campaign.getCode(), "申报中",
				"href=\"/organizer/campaigns/" + campaign.getId() + "\"");
	}

	@Test
	void dashboardShowsCountsPerStageAndCategoryAndThePendingDecision() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 1);
		this.run.publishCall(campaign);
		String applicant = this.run.applicant();
		this.run.submit(campaign, applicant, 0, 0, 1);
		this.run.draft(campaign, this.run.user(applicant), campaign.getCategories().get(2).getId(), "未提交的草稿");

		MvcResult result = this.mvc.perform(get("/organizer/campaigns/{id}", campaign.getId()).with(this.organizer))
			.andExpect(status().isOk())
			.andExpect(view().name(CampaignConsoleController.DASHBOARD_VIEW))
			.andReturn();

		StageTable stages = (StageTable) result.getModelAndView().getModel().get("stages");
		assertThat(stages.total()).isEqualTo(4);
		assertThat(stages.count(ApplicationStatus.SUBMITTED)).isEqualTo(3);
		assertThat(stages.count(ApplicationStatus.DRAFT)).isEqualTo(1);
		assertThat(stages.rows()).hasSize(4);
		int submittedColumn = 1;
		assertThat(stages.rows().get(0).counts().get(submittedColumn)).isEqualTo(2);
		assertThat(stages.rows().get(1).counts().get(submittedColumn)).isEqualTo(1);
		// Draft, submitted, withdrawn, ineligible, one "in review" per round, not
		// advanced, finalist, winner.
		assertThat(stages.columns()).hasSize(4 + 3 + 3);
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("管理创新", "评审中：初审", "评审中：终审", "截止申报",
				"/organizer/campaigns/" + campaign.getId() + "/decisions/close-submissions");
	}

	@Test
	void publishingTheCallFromTheConsoleOpensTheCampaign() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 1);

		this.mvc
			.perform(post("/organizer/campaigns/{id}/decisions/publish-call", campaign.getId()).with(this.organizer)
				.with(csrf()))
			.andExpect(redirectedUrl("/organizer/campaigns/" + campaign.getId()))
			.andExpect(flash().attribute("success", "申报通知已发布，活动开放申报。"));

		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CALL_OPEN);
		assertThat(this.tasks.pending(campaign.getId())).extracting(PendingStep::step)
			.containsExactly(PipelineDecision.CLOSE_SUBMISSIONS);
	}

	@Test
	void decisionAtTheWrongStageShowsTheRefusalAndChangesNothing() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 1);
		String refusal = this.messages.getMessage("pipeline.error.notNow",
				new Object[] { PipelineDecision.CLOSE_SUBMISSIONS }, Locale.SIMPLIFIED_CHINESE);

		MvcResult result = this.mvc
			.perform(post("/organizer/campaigns/{id}/decisions/close-submissions", campaign.getId())
				.param("confirmed", "true")
				.with(this.organizer)
				.with(csrf()))
			.andExpect(redirectedUrl("/organizer/campaigns/" + campaign.getId()))
			.andExpect(flash().attribute("error", refusal))
			.andReturn();

		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.DRAFT);
		assertThat(this.tasks.pending(campaign.getId())).extracting(PendingStep::step)
			.containsExactly(PipelineDecision.PUBLISH_CALL);
		this.mvc
			.perform(get("/organizer/campaigns/{id}", campaign.getId()).with(this.organizer)
				.flashAttrs(result.getFlashMap()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(refusal)));
	}

	@Test
	void formalCheckAndCutAreNotDecidedFromTheConsole() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 1);
		this.run.publishCall(campaign);
		this.mvc
			.perform(post("/organizer/campaigns/{id}/decisions/close-submissions", campaign.getId())
				.param("confirmed", "true")
				.with(this.organizer)
				.with(csrf()))
			.andExpect(flash().attributeExists("success"));

		this.mvc
			.perform(post("/organizer/campaigns/{id}/decisions/formal-check", campaign.getId()).with(this.organizer)
				.with(csrf()))
			.andExpect(flash().attribute("error", "该操作不在此处办理，请在相应页面完成。"));

		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CALL_CLOSED);
	}

	@Test
	void closingSubmissionsEarlyNeedsTheConfirmation() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 1);
		this.run.publishCall(campaign);

		this.mvc
			.perform(
					post("/organizer/campaigns/{id}/decisions/close-submissions", campaign.getId()).with(this.organizer)
						.with(csrf()))
			.andExpect(flash().attribute("error", "请先勾选确认，再提交此操作。"));

		assertThat(this.campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CALL_OPEN);
	}

	@Test
	void startingARoundAssignsTheReviewsAndItsProgressPageListsWhatIsWaiting() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 2);
		this.run.experts(2);
		this.run.publishCall(campaign);
		this.run.submit(campaign, this.run.applicant(), 0, 1, 2);
		this.run.closeAndAdmitAll(campaign);

		this.mvc
			.perform(post("/organizer/campaigns/{id}/decisions/start-round", campaign.getId()).param("roundNo", "1")
				.with(this.organizer)
				.with(csrf()))
			.andExpect(flash().attribute("success", "初审已启动，正在随机遴选专家；请查看并确认分配方案。"));
		RoundStarter rounds = this.context.getBean(RoundStarter.class);
		rounds.runJobs();
		ReviewRound proposed = this.run.round(campaign, 1);
		assertThat(proposed.getStatus()).isEqualTo(RoundStatus.PENDING);
		assertThat(this.context.getBean(AssignmentService.class).assignment(proposed.getId()))
			.hasValueSatisfying(a -> assertThat(a.getStatus()).isEqualTo(RoundAssignment.Status.PROPOSED));
		this.context.getBean(AssignmentService.class).confirm(proposed.getId(), "organizer");
		rounds.runJobs();

		ReviewRound round = this.run.round(campaign, 1);
		assertThat(round.getStatus()).isEqualTo(RoundStatus.OPEN);
		assertThat(this.reviews.reviewsOfRound(round.getId())).hasSize(3 * 2);

		MvcResult page = this.mvc
			.perform(get("/organizer/campaigns/{id}/rounds/{n}", campaign.getId(), 1).with(this.organizer))
			.andExpect(status().isOk())
			.andExpect(view().name(RoundProgressController.VIEW))
			.andReturn();
		assertThat(page.getModelAndView().getModel().get("waitingTotal")).isEqualTo(3L);
		assertThat((List<?>) page.getModelAndView().getModel().get("experts")).isNotEmpty();
		assertThat(page.getResponse().getContentAsString()).contains("共 3 份申报尚未收齐评审意见", "已分配");
	}

	@Test
	void unknownRoundIsNotFound() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 1);
		this.mvc.perform(get("/organizer/campaigns/{id}/rounds/{n}", campaign.getId(), 9).with(this.organizer))
			.andExpect(status().isNotFound());
	}

}
