package io.evalflow.ranking.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.CampaignRunner;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.QuotaChange;
import io.evalflow.campaign.QuotaChanged;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.shared.DomainException;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A final quota its category's finalists cannot fill: confirming the winners is refused
 * and changes nothing; the organizer lowers the quota with a reason (recorded,
 * announced), then confirms. Bad quota changes are refused and change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class QuotaShortfallTests {

	private static final String REASON = "公共服务类仅一项进入终审，经评审委员会同意将名额调为 1 个";

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

	@Autowired
	ApplicationEvents events;

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
	 * Two categories with a quota of 2 each; round 1 keeps the best 4 overall, so all
	 * three applications reach the final: two in 管理创新, one in 公共服务, short of its quota.
	 */
	private Final shortFinal() {
		Campaign campaign = this.run.twoRounds(2, 4);
		this.run.publishCall(campaign);
		List<Application> apps = this.run.submit(campaign, this.run.applicant(), 0, 0, 1);
		Map<Long, BigDecimal> scores = Map.of(apps.get(0).getId(), new BigDecimal("9"), apps.get(1).getId(),
				new BigDecimal("7"), apps.get(2).getId(), new BigDecimal("8"));
		this.run.closeAndAdmitAll(campaign);
		this.run.score(this.run.startRound(campaign, 1), scores);
		this.ranking.confirmCut(this.run.round(campaign, 1).getId(), null, null, this.organizerName);
		ReviewRound last = this.run.startRound(campaign, 2);
		this.run.score(last, scores);
		assertThat(this.run.round(campaign, 2).getStatus()).isEqualTo(RoundStatus.RANKED);
		Campaign loaded = this.campaigns.get(campaign.getId());
		return new Final(loaded, last, apps, loaded.getCategories().get(0), loaded.getCategories().get(1));
	}

	@Test
	void confirmingWinnersShortOfAQuotaIsRefusedUntilTheQuotaIsLoweredWithAReason() throws Exception {
		Final f = shortFinal();

		String html = page(f).andReturn().getResponse().getContentAsString();
		assertThat(html)
			.contains("本类别获奖名额 2 个，但只有 1 份参评，名额无法补满：须先把本类别的名额降到 1 个或更少并写明理由", "降低本类别名额",
					"data-category=\"" + f.service().getId() + "\"")
			.doesNotContain("data-category=\"" + f.management().getId() + "\"");

		// The proposal as it stands, and an explicit list with a reason: both refused.
		String refusal = message("cut.error.quotaShortfall", "公共服务", 1, 2);
		assertThat(refusal).contains("公共服务", "只有 1 份", "获奖名额 2 个", "降到 1 个或更少", "写明理由");
		this.mvc.perform(cut(f, f.apps().toArray(Application[]::new)))
			.andExpect(redirectedUrl(url(f)))
			.andExpect(flash().attribute("error", refusal));
		this.mvc.perform(cut(f, f.apps().get(0), f.apps().get(2)).param("reason", "只选各类别第一名"))
			.andExpect(flash().attribute("error", refusal));
		assertNothingDecided(f);
		assertThat(this.campaigns.get(f.campaign().getId()).category(f.service().getId()).getQuota()).isEqualTo(2);

		this.mvc.perform(lower(f, f.service(), "1").param("reason", REASON))
			.andExpect(redirectedUrl(url(f)))
			.andExpect(flash().attribute("success", "类别“公共服务”的名额已由 2 个降为 1 个，建议名单已按新名额重新生成。"));

		Campaign after = this.campaigns.get(f.campaign().getId());
		assertThat(after.category(f.service().getId()).getQuota()).isEqualTo(1);
		assertThat(after.category(f.management().getId()).getQuota()).isEqualTo(2);
		List<QuotaChange> changes = this.campaigns.quotaChanges(f.campaign().getId());
		assertThat(changes).singleElement().satisfies(c -> {
			assertThat(c.getCategoryId()).isEqualTo(f.service().getId());
			assertThat(c.getRoundId()).isEqualTo(f.round().getId());
			assertThat(c.getOldQuota()).isEqualTo(2);
			assertThat(c.getNewQuota()).isEqualTo(1);
			assertThat(c.getReason()).isEqualTo(REASON);
			assertThat(c.getChangedBy()).isEqualTo(this.organizerName);
			assertThat(c.getChangedAt()).isNotNull();
		});
		assertThat(this.events.stream(QuotaChanged.class)).singleElement()
			.satisfies(e -> assertThat(e).usingRecursiveComparison()
				.ignoringFields("changedAt")
				.isEqualTo(new QuotaChanged(f.campaign().getId(), f.service().getId(), f.round().getId(), 2, 1,
						this.organizerName, REASON, null)));
		assertThat(this.run.round(f.campaign(), 2).getStatus()).isEqualTo(RoundStatus.RANKED);
		html = page(f).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("名额调整记录", "公共服务：名额 2 → 1；调整人：" + this.organizerName, REASON)
			.doesNotContain("名额无法补满")
			.doesNotContain("class=\"form quota-form\"");

		this.mvc.perform(cut(f, f.apps().toArray(Application[]::new)))
			.andExpect(flash().attribute("success", "获奖名单已确认。"));
		assertThat(this.submissions.withStatus(f.campaign().getId(), ApplicationStatus.WINNER))
			.extracting(Application::getId)
			.containsExactlyInAnyOrderElementsOf(f.apps().stream().map(Application::getId).toList());
		assertThat(this.tasks.pending(f.campaign().getId())).extracting(PendingStep::step)
			.containsExactly(PipelineDecision.PUBLISH_RESULTS);

		// Once the winners are confirmed, the quotas are closed.
		this.mvc.perform(lower(f, f.service(), "0").param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.decided", "终审")));
		assertThat(this.campaigns.quotaChanges(f.campaign().getId())).hasSize(1);
	}

	@Test
	void badQuotaChangesAreRefusedAndChangeNothing() throws Exception {
		Final f = shortFinal();

		this.mvc.perform(lower(f, f.service(), "1"))
			.andExpect(flash().attribute("error", message("quota.error.reasonRequired")));
		this.mvc.perform(lower(f, f.service(), "1").param("reason", "   "))
			.andExpect(flash().attribute("error", message("quota.error.reasonRequired")));
		this.mvc.perform(lower(f, f.service(), "3").param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.notLower", "公共服务", 2, 3)));
		this.mvc.perform(lower(f, f.service(), "2").param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.notLower", "公共服务", 2, 2)));
		this.mvc.perform(lower(f, f.service(), "0").param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.belowOne", "公共服务")));
		this.mvc.perform(lower(f, f.service(), "-1").param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.belowOne", "公共服务")));
		this.mvc.perform(lower(f, f.service(), "一").param("reason", REASON))
			.andExpect(flash().attribute("error", message("ranking.quota.notANumber")));
		this.mvc.perform(lower(f, f.service(), "").param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.missing", "公共服务")));
		this.mvc.perform(lower(f, f.service(), "1").param("reason", "理".repeat(1001)))
			.andExpect(flash().attribute("error", message("ranking.quota.reason.tooLong")));
		// A category whose finalists fill its quota keeps it.
		this.mvc.perform(lower(f, f.management(), "1").param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.noShortfall", "管理创新", 2, 2)));
		// Round 1 has no quotas.
		this.mvc
			.perform(post(rankingUrl(f.campaign(), 1) + "/quota").with(this.organizer)
				.with(csrf())
				.param("categoryId", f.service().getId().toString())
				.param("quota", "1")
				.param("reason", REASON))
			.andExpect(flash().attribute("error", message("quota.error.notFinal", "初审")));

		Campaign after = this.campaigns.get(f.campaign().getId());
		assertThat(after.category(f.service().getId()).getQuota()).isEqualTo(2);
		assertThat(after.category(f.management().getId()).getQuota()).isEqualTo(2);
		assertThat(this.campaigns.quotaChanges(f.campaign().getId())).isEmpty();
		assertThat(this.events.stream(QuotaChanged.class)).isEmpty();
		assertNothingDecided(f);
	}

	@Test
	void theApiRefusesTheShortCutLowersTheQuotaAndThenConfirms() throws Exception {
		Final f = shortFinal();
		String cut = "/api/v1/rounds/" + f.round().getId() + "/cut";
		String quotas = "/api/v1/rounds/" + f.round().getId() + "/quotas";

		this.mvc.perform(json(cut, "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("cut.error.quotaShortfall"))
			.andExpect(jsonPath("$.detail").value(message("cut.error.quotaShortfall", "公共服务", 1, 2)));
		this.mvc.perform(json(quotas, "{\"categoryId\": " + f.service().getId() + ", \"quota\": 2, \"reason\": \"x\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("quota.error.notLower"));
		this.mvc.perform(json(quotas, "{\"categoryId\": " + f.service().getId() + ", \"quota\": 1}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("quota.error.reasonRequired"));
		this.mvc
			.perform(json(quotas, "{\"categoryId\": " + f.service().getId() + ", \"quota\": 1}")
				.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.detail").value("Give a reason for lowering the quota."));
		assertNothingDecided(f);
		assertThat(this.campaigns.quotaChanges(f.campaign().getId())).isEmpty();

		this.mvc
			.perform(json(quotas,
					"{\"categoryId\": " + f.service().getId() + ", \"quota\": 1, \"reason\": \"" + REASON + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RANKED"));
		assertThat(this.campaigns.quotaChanges(f.campaign().getId())).singleElement()
			.satisfies(c -> assertThat(c.getChangedBy()).isEqualTo(this.organizerName));
		this.mvc.perform(get(quotas).with(this.organizer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].categoryId").value(f.service().getId()))
			.andExpect(jsonPath("$[0].oldQuota").value(2))
			.andExpect(jsonPath("$[0].newQuota").value(1))
			.andExpect(jsonPath("$[0].reason").value(REASON))
			.andExpect(jsonPath("$[0].changedBy").value(this.organizerName));
		this.mvc.perform(json(cut, "{}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"));
		assertThat(this.submissions.withStatus(f.campaign().getId(), ApplicationStatus.WINNER)).hasSize(3);
	}

	@Test
	void aQuotaCanBeLoweredOnceTheFinalistsAreKnownBeforeTheReviewsAreIn() {
		Campaign campaign = this.run.twoRounds(2, 4);
		this.run.publishCall(campaign);
		List<Application> apps = this.run.submit(campaign, this.run.applicant(), 0, 0, 1);
		Map<Long, BigDecimal> scores = Map.of(apps.get(0).getId(), new BigDecimal("9"), apps.get(1).getId(),
				new BigDecimal("7"), apps.get(2).getId(), new BigDecimal("8"));
		this.run.closeAndAdmitAll(campaign);
		this.run.score(this.run.startRound(campaign, 1), scores);
		this.ranking.confirmCut(this.run.round(campaign, 1).getId(), null, null, this.organizerName);
		Long service = this.campaigns.get(campaign.getId()).getCategories().get(1).getId();
		Long finalRound = this.run.round(campaign, 2).getId();

		// Before the final round starts its finalists are not known.
		assertThatThrownBy(() -> this.ranking.lowerQuota(finalRound, service, 1, REASON, this.organizerName))
			.extracting(ex -> ((DomainException) ex).getMessageKey())
			.isEqualTo("quota.error.notOpen");

		ReviewRound last = this.run.startRound(campaign, 2);
		this.ranking.lowerQuota(last.getId(), service, 1, REASON, this.organizerName);
		assertThat(this.run.round(campaign, 2).getStatus()).isEqualTo(RoundStatus.OPEN);
		this.run.score(last, scores);
		// Ranked under the lowered quota: the proposal is confirmed as it stands.
		this.ranking.confirmCut(last.getId(), null, null, this.organizerName);
		assertThat(this.submissions.withStatus(campaign.getId(), ApplicationStatus.WINNER)).hasSize(3);
	}

	@Test
	void applicantsAndExpertsCannotLowerAQuota() throws Exception {
		Final f = shortFinal();
		for (String name : List.of(this.run.applicant(), this.run.experts(1).get(0))) {
			RequestPostProcessor who = user(this.run.user(name));
			this.mvc.perform(lower(f, f.service(), "1").param("reason", REASON).with(who))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/api/v1/rounds/" + f.round().getId() + "/quotas").with(who)
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"categoryId\": " + f.service().getId() + ", \"quota\": 1, \"reason\": \"x\"}"))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/rounds/" + f.round().getId() + "/quotas").with(who))
				.andExpect(status().isForbidden());
		}
		assertThat(this.campaigns.get(f.campaign().getId()).category(f.service().getId()).getQuota()).isEqualTo(2);
		assertThat(this.campaigns.quotaChanges(f.campaign().getId())).isEmpty();
	}

	private void assertNothingDecided(Final f) {
		assertThat(this.run.round(f.campaign(), 2).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(this.ranking.results(f.round().getId())).extracting(RoundResult::getAdvanced).containsOnlyNulls();
		assertThat(this.ranking.snapshot(f.round().getId()).orElseThrow().isFrozen()).isFalse();
		assertThat(this.submissions.withStatus(f.campaign().getId(), ApplicationStatus.WINNER)).isEmpty();
		assertThat(this.tasks.pending(f.campaign().getId())).extracting(PendingStep::step)
			.containsExactly(PipelineDecision.CONFIRM_CUT);
	}

	private org.springframework.test.web.servlet.ResultActions page(Final f) throws Exception {
		return this.mvc.perform(get(url(f)).with(this.organizer)).andExpect(status().isOk());
	}

	private static String url(Final f) {
		return rankingUrl(f.campaign(), 2);
	}

	private static String rankingUrl(Campaign campaign, int roundNo) {
		return "/organizer/campaigns/" + campaign.getId() + "/rounds/" + roundNo + "/ranking";
	}

	private MockHttpServletRequestBuilder cut(Final f, Application... advanced) {
		MockHttpServletRequestBuilder request = post(url(f) + "/cut").with(this.organizer).with(csrf());
		for (Application application : advanced) {
			request = request.param("advanced", application.getId().toString());
		}
		return request;
	}

	private MockHttpServletRequestBuilder lower(Final f, Category category, String quota) {
		return post(url(f) + "/quota").with(this.organizer)
			.with(csrf())
			.param("categoryId", category.getId().toString())
			.param("quota", quota);
	}

	private MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).with(this.organizer).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	private record Final(Campaign campaign, ReviewRound round, List<Application> apps, Category management,
			Category service) {
	}

}
