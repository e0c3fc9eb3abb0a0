package io.evalflow.review.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.evalflow.RoundStarter;
import io.evalflow.account.Role;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.review.AssignmentChanges;
import io.evalflow.review.AssignmentFixture;
import io.evalflow.review.AssignmentFixture.Scenario;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertService;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.review.RoundAssignment;
import io.evalflow.campaign.CampaignService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
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

/**
 * The organizer's assignment page: only organizers and admins reach it; it shows the
 * proposal with its shortfalls and refuses the confirmation while an application is
 * short; manual changes go through its forms with the service's refusals as messages; it
 * follows the draw and the release, refreshing itself while the engine works.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssignmentPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AssignmentService assignments;

	@Autowired
	AssignmentChanges changes;

	@Autowired
	ReviewService reviews;

	@Autowired
	CampaignService campaigns;

	@Autowired
	RoundStarter rounds;

	@Autowired
	ExpertService experts;

	@Autowired
	MessageSource messages;

	AssignmentFixture fixture;

	RequestPostProcessor organizer;

	@BeforeEach
	void setUp() {
		this.fixture = new AssignmentFixture(this.context);
		this.organizer = user(this.fixture.run().user(this.fixture.run().organizer()));
	}

	@Test
	void onlyOrganizersAndAdminsReachThePageItsFormsAndTheExport() throws Exception {
		Scenario s = this.fixture.propose(2, false, false, 2, 1);
		Long roundId = s.round().getId();
		String admin = this.fixture.run().account(Role.ADMIN, "管理员");
		this.mvc.perform(page(roundId).with(user(this.fixture.run().user(admin)))).andExpect(status().isOk());

		for (String username : List.of(s.applicant(), this.fixture.run().account(Role.EXPERT, "专家"))) {
			RequestPostProcessor who = user(this.fixture.run().user(username));
			this.mvc.perform(page(roundId).with(who)).andExpect(status().isForbidden());
			this.mvc.perform(get(AssignmentPageController.url(roundId) + ".xlsx").with(who))
				.andExpect(status().isForbidden());
			this.mvc.perform(remove(s, s.drawn().get(0)).with(who)).andExpect(status().isForbidden());
			this.mvc.perform(post(AssignmentPageController.url(roundId) + "/confirm").with(who).with(csrf()))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get(AssignmentPageController.url(roundId)).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(remove(s, s.drawn().get(0)).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));

		assertThat(this.reviews.reviewsOf(roundId, s.application(0).getId())).hasSize(2);
		assertThat(this.assignments.assignment(roundId))
			.hasValueSatisfying(a -> assertThat(a.getStatus()).isEqualTo(RoundAssignment.Status.PROPOSED));
	}

	@Test
	void aProposalWithAShortfallIsShownAndItsConfirmationRefused() throws Exception {
		Scenario s = this.fixture.propose(3, false, false, 2, 1);
		Long roundId = s.round().getId();
		RoundAssignment proposal = this.assignments.assignment(roundId).orElseThrow();

		String html = html(page(roundId));
		assertThat(html)
			.contains("初审专家分配", "待确认", "随机种子 " + proposal.getSeed(), "专家不足的申报", "共 1 件申报专家不足。", "专业类别",
					s.application(0).getReferenceNo(), s.drawn().get(0).getName(), s.drawn().get(1).getName(),
					"还有 1 件申报专家不足，补足后才能确认。", "id=\"assignment-confirm\"", "导出 Excel（XLSX）")
			.doesNotContain("http-equiv=\"refresh\"");

		this.mvc.perform(post(AssignmentPageController.url(roundId) + "/confirm").with(this.organizer).with(csrf()))
			.andExpect(redirectedUrl(AssignmentPageController.url(roundId)))
			.andExpect(flash().attribute("error", message("assignment.error.short", 1L)));
		assertThat(this.assignments.assignment(roundId))
			.hasValueSatisfying(a -> assertThat(a.getStatus()).isEqualTo(RoundAssignment.Status.PROPOSED));
	}

	@Test
	void theShortPlaceIsFilledOnThePageThenTheConfirmedAssignmentIsReleasedWhileThePageRefreshes() throws Exception {
		Scenario s = this.fixture.propose(3, false, false, 2, 1);
		Long roundId = s.round().getId();
		Long appId = s.application(0).getId();
		Expert fresh = this.fixture.expert("补足", null, "北京", Set.of(s.categoryCode()), 10, null);
		Expert sameUnit = this.fixture.expert("同单位", s.unitName(), "北京", Set.of(s.categoryCode()), 10, null);

		// The page lists the 20 least-loaded experts who may take the place; the pool is
		// shared by every test of the run, so the others step out while it is read.
		List<Long> others = this.experts.active()
			.stream()
			.map(Expert::getId)
			.filter(id -> !id.equals(fresh.getId()) && !id.equals(sameUnit.getId()))
			.toList();
		others.forEach(id -> this.experts.setActive(id, false));
		String focus;
		try {
			focus = html(page(roundId).param("application", appId.toString()));
		}
		finally {
			others.forEach(id -> this.experts.setActive(id, true));
		}
		assertThat(focus)
			.contains("调整申报 " + s.application(0).getReferenceNo() + " 的评审专家", "可直接指派的专家",
					"data-expert=\"" + fresh.getId() + "\"")
			.doesNotContain("<tr data-expert=\"" + sameUnit.getId() + "\"");

		this.mvc.perform(change(roundId, "add", appId, sameUnit.getId(), null))
			.andExpect(redirectedUrl(AssignmentPageController.url(roundId) + "?application=" + appId))
			.andExpect(flash().attribute("error",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString(sameUnit.getName()),
							org.hamcrest.Matchers.containsString("违反“单位回避（本单位、上级或下级单位）”"))));
		this.mvc.perform(change(roundId, "add", appId, null, null))
			.andExpect(flash().attribute("error", message("assignment.form.expertRequired")));
		this.mvc.perform(change(roundId, "add", appId, fresh.getId(), null))
			.andExpect(flash().attribute("success",
					message("assignment.done.ADD", s.application(0).getReferenceNo(), fresh.getName(), null)));
		assertThat(this.assignments.shortfalls(roundId)).isEmpty();

		String swapped = html(page(roundId).param("application", appId.toString()));
		assertThat(swapped).contains("手工调整记录", "增加", fresh.getName());

		this.mvc.perform(post(AssignmentPageController.url(roundId) + "/confirm").with(this.organizer).with(csrf()))
			.andExpect(flash().attribute("success", message("assignment.confirm.done")));
		String releasing = html(page(roundId));
		assertThat(releasing).contains("正在下发", "已下发 0 / 1 件申报", "<meta http-equiv=\"refresh\" content=\"5\">")
			.doesNotContain("id=\"assignment-confirm\"");
		this.mvc.perform(change(roundId, "remove", appId, fresh.getId(), "太晚了"))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("不能再手工调整")));

		this.rounds.runJobs();
		String released = html(page(roundId).param("view", "experts"));
		assertThat(released).contains("已下发 1 / 1 件申报", fresh.getName(), s.application(0).getReferenceNo())
			.doesNotContain("http-equiv=\"refresh\"");
		assertThat(this.reviews.reviewsOf(roundId, appId)).extracting(r -> r.getStatus())
			.containsOnly(ReviewStatus.ASSIGNED)
			.hasSize(3);
	}

	@Test
	void startingARoundLeadsToItsAssignmentPageWhichWaitsForTheDrawAndTheDashboardLinksIt() throws Exception {
		Scenario s = this.fixture.propose(1, false, false, 1, 1);
		Long campaignId = s.campaign().getId();
		String dashboard = html(get("/organizer/campaigns/{id}", campaignId).with(this.organizer));
		assertThat(dashboard).contains("查看并确认专家分配", "href=\"" + AssignmentPageController.url(s.round().getId()) + "\"");

		this.assignments.confirm(s.round().getId(), "organizer");
		this.rounds.runJobs();
		this.fixture.run().score(s.round(), java.util.Map.of(s.application(0).getId(), new java.math.BigDecimal("8")));
		this.context.getBean(io.evalflow.ranking.RankingService.class)
			.confirmCut(s.round().getId(), null, null, "organizer");
		Long second = this.campaigns.round(campaignId, 2).getId();

		this.mvc
			.perform(post("/organizer/campaigns/{id}/decisions/{step}", campaignId, PipelineDecision.START_ROUND)
				.param("roundNo", "2")
				.with(this.organizer)
				.with(csrf()))
			.andExpect(redirectedUrl(AssignmentPageController.url(second) + "?drawing=0"));
		String waiting = html(get(AssignmentPageController.url(second)).param("drawing", "0").with(this.organizer));
		assertThat(waiting).contains("正在准备随机遴选", "<meta http-equiv=\"refresh\" content=\"5\">");

		this.rounds.runJobs();
		String proposed = html(get(AssignmentPageController.url(second)).param("drawing", "0").with(this.organizer));
		assertThat(proposed).contains("待确认", s.application(0).getReferenceNo())
			.doesNotContain("http-equiv=\"refresh\"");
	}

	private MockHttpServletRequestBuilder page(Long roundId) {
		return get(AssignmentPageController.url(roundId)).with(this.organizer);
	}

	private MockHttpServletRequestBuilder remove(Scenario s, Expert expert) {
		return post(AssignmentPageController.url(s.round().getId()) + "/remove")
			.param("applicationId", s.application(0).getId().toString())
			.param("expertId", expert.getId().toString())
			.with(csrf());
	}

	private MockHttpServletRequestBuilder change(Long roundId, String kind, Long applicationId, Long expertId,
			String reason) {
		MockHttpServletRequestBuilder request = post(AssignmentPageController.url(roundId) + "/" + kind)
			.param("applicationId", applicationId.toString())
			.with(this.organizer)
			.with(csrf());
		if (expertId != null) {
			request.param("expertId", expertId.toString());
		}
		if (reason != null) {
			request.param("reason", reason);
		}
		return request;
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
