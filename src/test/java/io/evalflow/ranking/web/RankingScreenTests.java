package io.evalflow.ranking.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.CampaignRunner;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The ranking screen and the cut: proposal and ties shown, the proposal confirmed, an
 * override without a reason refused, winners held to the quotas.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RankingScreenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignService campaigns;

	@Autowired
	RankingService ranking;

	@Autowired
	SubmissionService submissions;

	@Autowired
	OrganizerTasks tasks;

	@Autowired
	MessageSource messages;

	CampaignRunner run;

	String organizerName;

	RequestPostProcessor organizer;

	@BeforeEach
	void setUp() {
		this.run = new CampaignRunner(this.context);
		this.run.experts(1);
		this.organizerName = this.run.organizer();
		this.organizer = user(this.run.user(this.organizerName));
	}

	/**
	 * Round 1 keeps the top 2 overall; the second and third score the same, so both are
	 * tied at the line and all three are proposed.
	 */
	private Tie tieAtTheLine() {
		Campaign campaign = this.run.threeRounds(1, 2, 1, 1);
		this.run.publishCall(campaign);
		List<Application> apps = this.run.submit(campaign, this.run.applicant(), 0, 1, 2);
		this.run.closeAndAdmitAll(campaign);
		ReviewRound round = this.run.startRound(campaign, 1);
		this.run.score(round, Map.of(apps.get(0).getId(), new BigDecimal("9"), apps.get(1).getId(), new BigDecimal("7"),
				apps.get(2).getId(), new BigDecimal("7")));
		assertThat(this.run.round(campaign, 1).getStatus()).isEqualTo(RoundStatus.RANKED);
		return new Tie(campaign, round, apps.get(0), apps.get(1), apps.get(2));
	}

	@Test
	void rankingShowsTheProposalAndTheTieAndConfirmingTheProposalAdvancesIt() throws Exception {
		Tie tie = tieAtTheLine();

		MvcResult page = this.mvc.perform(rankingPage(tie.campaign(), 1))
			.andExpect(status().isOk())
			.andExpect(view().name(RankingController.VIEW))
			.andReturn();
		RankingPage view = (RankingPage) page.getModelAndView().getModel().get("ranking");
		assertThat(view.groups()).hasSize(1);
		assertThat(view.groups().get(0).rows()).extracting(RankingPage.Row::cssClass)
			.containsExactly("proposed", "proposed tied", "proposed tied");
		assertThat(view.proposed()).isEqualTo(3);
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("晋级线：总排名前 2 名。", "系统不会自行打破并列", "确认晋级名单", tie.best().getReferenceNo(),
				tie.best().getTitle());
		assertThat(html.split("<tr class=\"proposed tied\"", -1)).hasSize(3);
		assertThat(html.split("checked=\"checked\"", -1)).hasSize(4);

		this.mvc.perform(cut(tie.campaign(), 1, tie.best(), tie.tiedA(), tie.tiedB()))
			.andExpect(redirectedUrl(rankingUrl(tie.campaign(), 1)))
			.andExpect(flash().attribute("success", "晋级名单已确认。"));

		ReviewRound decided = this.run.round(tie.campaign(), 1);
		assertThat(decided.getStatus()).isEqualTo(RoundStatus.DECIDED);
		assertThat(decided.getCutConfirmedBy()).isEqualTo(this.organizerName);
		assertThat(this.ranking.results(tie.round().getId())).extracting(RoundResult::getAdvanced)
			.containsOnly(Boolean.TRUE);
		assertThat(this.submissions.inRound(tie.campaign().getId(), 2)).hasSize(3);
		String after = this.mvc.perform(rankingPage(tie.campaign(), 1)).andReturn().getResponse().getContentAsString();
		assertThat(after).contains("确认人：" + this.organizerName).doesNotContain("id=\"cut-form\"");
	}

	@Test
	void categoryFilterShowsOneCategoryAndKeepsTheOthersSelection() throws Exception {
		Tie tie = tieAtTheLine();

		MvcResult page = this.mvc
			.perform(rankingPage(tie.campaign(), 1).param("category", tie.best().getCategoryId().toString()))
			.andExpect(status().isOk())
			.andReturn();

		RankingPage view = (RankingPage) page.getModelAndView().getModel().get("ranking");
		assertThat(view.groups().get(0).rows()).extracting(r -> r.application().getId())
			.containsExactly(tie.best().getId());
		assertThat(view.hiddenSelected()).containsExactlyInAnyOrder(tie.tiedA().getId(), tie.tiedB().getId());
	}

	@Test
	void changedSelectionWithoutReasonIsRefusedAndChangesNothing() throws Exception {
		Tie tie = tieAtTheLine();

		MvcResult refused = this.mvc.perform(cut(tie.campaign(), 1, tie.best(), tie.tiedA()))
			.andExpect(redirectedUrl(rankingUrl(tie.campaign(), 1)))
			.andExpect(flash().attribute("error", message("cut.error.reasonRequired")))
			.andReturn();

		assertThat(this.run.round(tie.campaign(), 1).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(this.ranking.results(tie.round().getId())).extracting(RoundResult::getAdvanced).containsOnlyNulls();
		assertThat(this.tasks.pending(tie.campaign().getId())).extracting(PendingStep::step)
			.containsExactly(PipelineDecision.CONFIRM_CUT);
		// The page comes back with the organizer's own selection, not the proposal.
		MvcResult again = this.mvc.perform(rankingPage(tie.campaign(), 1).flashAttrs(refused.getFlashMap()))
			.andReturn();
		RankingPage view = (RankingPage) again.getModelAndView().getModel().get("ranking");
		assertThat(view.groups().get(0).rows()).filteredOn(RankingPage.Row::selected)
			.extracting(r -> r.application().getId())
			.containsExactlyInAnyOrder(tie.best().getId(), tie.tiedA().getId());

		this.mvc.perform(cut(tie.campaign(), 1, tie.best(), tie.tiedA()).param("reason", "并列者经会商取其一"))
			.andExpect(flash().attribute("success", "晋级名单已确认。"));

		assertThat(this.run.round(tie.campaign(), 1).getCutNote()).isEqualTo("并列者经会商取其一");
		assertThat(this.submissions.get(tie.tiedB().getId()).getStatus()).isEqualTo(ApplicationStatus.NOT_ADVANCED);
		assertThat(this.mvc.perform(rankingPage(tie.campaign(), 1)).andReturn().getResponse().getContentAsString())
			.contains("调整理由：并列者经会商取其一");
	}

	@Test
	void overlongReasonIsRefusedByTheForm() throws Exception {
		Tie tie = tieAtTheLine();

		this.mvc.perform(cut(tie.campaign(), 1, tie.best()).param("reason", "理".repeat(1001)))
			.andExpect(flash().attribute("error", "调整理由不超过 1000 个字。"));

		assertThat(this.run.round(tie.campaign(), 1).getStatus()).isEqualTo(RoundStatus.RANKED);
	}

	@Test
	void tamperedSelectionIsRefusedAndChangesNothing() throws Exception {
		Tie tie = tieAtTheLine();

		this.mvc.perform(cut(tie.campaign(), 1, tie.best()).param("advanced", "not-an-id"))
			.andExpect(flash().attribute("error", message("error.badRequest")));
		this.mvc.perform(cut(tie.campaign(), 1, tie.best()).param("advanced", "-1").param("reason", "外来申报"))
			.andExpect(flash().attribute("error", message("cut.error.unknownApplication")));

		assertThat(this.run.round(tie.campaign(), 1).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(this.ranking.results(tie.round().getId())).extracting(RoundResult::getAdvanced).containsOnlyNulls();
	}

	@Test
	void finalRoundConfirmationThatMissesTheQuotasIsRefused() throws Exception {
		Campaign campaign = this.run.twoRounds(1, 4);
		this.run.publishCall(campaign);
		List<Application> apps = this.run.submit(campaign, this.run.applicant(), 0, 0, 1, 1);
		Map<Long, BigDecimal> scores = Map.of(apps.get(0).getId(), new BigDecimal("9"), apps.get(1).getId(),
				new BigDecimal("5"), apps.get(2).getId(), new BigDecimal("8"), apps.get(3).getId(),
				new BigDecimal("6"));
		this.run.closeAndAdmitAll(campaign);
		this.run.score(this.run.startRound(campaign, 1), scores);
		this.ranking.confirmCut(this.run.round(campaign, 1).getId(), null, null, this.organizerName);
		ReviewRound last = this.run.startRound(campaign, 2);
		this.run.score(last, scores);

		String html = this.mvc.perform(rankingPage(campaign, 2))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("确认获奖名单", "各类别获奖名额：管理创新 1、公共服务 1。", "已选 1 / 名额 1");

		this.mvc.perform(cut(campaign, 2, apps.get(0), apps.get(1)).param("reason", "管理创新类更强"))
			.andExpect(flash().attribute("error", message("cut.error.quota", "管理创新 2/1; 公共服务 0/1")));
		assertThat(this.run.round(campaign, 2).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(this.submissions.withStatus(campaign.getId(), ApplicationStatus.WINNER)).isEmpty();

		this.mvc.perform(cut(campaign, 2, apps.get(0), apps.get(2)))
			.andExpect(flash().attribute("success", "获奖名单已确认。"));
		assertThat(this.submissions.withStatus(campaign.getId(), ApplicationStatus.WINNER))
			.extracting(Application::getId)
			.containsExactlyInAnyOrder(apps.get(0).getId(), apps.get(2).getId());
		assertThat(this.tasks.pending(campaign.getId())).extracting(PendingStep::step)
			.containsExactly(PipelineDecision.PUBLISH_RESULTS);
	}

	@Test
	void roundNotYetRankedShowsNoCut() throws Exception {
		Campaign campaign = this.run.threeRounds(1, 2, 1, 1);
		String html = this.mvc.perform(rankingPage(campaign, 1))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("本轮评审尚未结束").doesNotContain("id=\"cut-form\"");
		this.mvc.perform(rankingPage(campaign, 7)).andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder rankingPage(Campaign campaign, int roundNo) {
		return get(rankingUrl(campaign, roundNo)).with(this.organizer);
	}

	private static String rankingUrl(Campaign campaign, int roundNo) {
		return "/organizer/campaigns/" + campaign.getId() + "/rounds/" + roundNo + "/ranking";
	}

	private MockHttpServletRequestBuilder cut(Campaign campaign, int roundNo, Application... advanced) {
		MockHttpServletRequestBuilder request = post(rankingUrl(campaign, roundNo) + "/cut").with(this.organizer)
			.with(csrf());
		for (Application application : advanced) {
			request = request.param("advanced", application.getId().toString());
		}
		return request;
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	private record Tie(Campaign campaign, ReviewRound round, Application best, Application tiedA, Application tiedB) {
	}

}
