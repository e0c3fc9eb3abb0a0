package io.evalflow.ranking.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.evalflow.CampaignRunner;
import io.evalflow.TestCampaigns;
import io.evalflow.account.Role;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.campaign.ScoringSettings;
import io.evalflow.campaign.TieRule;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.ranking.SnapshotCheck;
import io.evalflow.review.Review;
import io.evalflow.review.ReopenService;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scores and cuts through the real engine: the round's aggregation method and its figures
 * side by side, the stability section, a tie left to the organizer, the frozen snapshot
 * recomputed, and the bad input that is refused without changing anything.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScoringScreenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignService campaigns;

	@Autowired
	RankingService ranking;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReopenService reopen;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

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
	 * Three rounds, round 1 changed by {@code firstRound}; one expert per application.
	 */
	private CampaignDefinition definition(UnaryOperator<RoundDefinition> firstRound) {
		CampaignDefinition d = TestCampaigns.threeRounds(CampaignRunner.unique("sc"), 1, 2, 1, 1);
		List<RoundDefinition> rounds = new ArrayList<>(d.rounds());
		rounds.set(0, firstRound.apply(rounds.get(0)));
		return new CampaignDefinition(d.code(), d.name(), d.organizer(), d.description(), d.submissionDeadline(),
				d.unrankedListing(), d.categories(), rounds);
	}

	/** Round 1 (top 2 overall) ranked: the first scores 9, the other two 7 and tie. */
	private Ranked rankedWith(UnaryOperator<RoundDefinition> firstRound) {
		Campaign campaign = this.campaigns.create(definition(firstRound));
		this.run.publishCall(campaign);
		List<Application> apps = this.run.submit(campaign, this.run.applicant(), 0, 1, 2);
		this.run.closeAndAdmitAll(campaign);
		ReviewRound round = this.run.startRound(campaign, 1);
		this.run.score(round, Map.of(apps.get(0).getId(), new BigDecimal("9"), apps.get(1).getId(), new BigDecimal("7"),
				apps.get(2).getId(), new BigDecimal("7")));
		assertThat(this.run.round(campaign, 1).getStatus()).isEqualTo(RoundStatus.RANKED);
		return new Ranked(campaign, this.run.round(campaign, 1), apps);
	}

	@Test
	void organizerSeesRawAndNormalisedSideBySideTheFallbackAndTheStabilitySection() throws Exception {
		Ranked r = rankedWith(round -> round.withScoring(ScoringSettings.of(Aggregation.ZSCORE, null)));

		MvcResult page = this.mvc.perform(get(url(r.campaign())).with(this.organizer))
			.andExpect(status().isOk())
			.andReturn();
		String html = page.getResponse().getContentAsString();
		// One review per expert here, fewer than the 5 normalising needs: it falls back.
		assertThat(html).contains("汇总方法：平均分。", "没有一位专家的评审数达到 5 份", "平均分", "截尾平均", "标准化平均", "排名依据", "标准差", "晋级线稳定性",
				"改用截尾平均分：", "改用按专家标准化（z 分数）后的平均分：", "与晋级线相差 1 分以内");
		RankingPage view = (RankingPage) page.getModelAndView().getModel().get("ranking");
		assertThat(view.shifts()).extracting(RankingPage.Shift::method)
			.containsExactly(Aggregation.TRIMMED_MEAN, Aggregation.ZSCORE);
		assertThat(view.shifts()).allMatch(RankingPage.Shift::none);
		assertThat(view.nearLine()).extracting(row -> row.application().getId())
			.containsExactlyInAnyOrder(r.apps().get(1).getId(), r.apps().get(2).getId());
		assertThat(this.ranking.snapshot(r.round().getId())).hasValueSatisfying(s -> {
			assertThat(s.getAggregation()).isEqualTo(Aggregation.ZSCORE);
			assertThat(s.getApplied()).isEqualTo(Aggregation.MEAN);
			assertThat(s.isFellBack()).isTrue();
		});
		RoundResult best = this.ranking.results(r.round().getId()).get(0);
		assertThat(best.getMeanTotal()).isNotNull().isEqualByComparingTo(best.getNormalisedMean());
	}

	@Test
	void onlyOrganizersSeeTheRankingPage() throws Exception {
		Ranked r = rankedWith(UnaryOperator.identity());
		String applicant = this.run.applicant();
		String expert = this.run.account(Role.EXPERT, "专家");
		this.mvc.perform(get(url(r.campaign())).with(user(this.run.user(applicant)))).andExpect(status().isForbidden());
		this.mvc.perform(get(url(r.campaign())).with(user(this.run.user(expert)))).andExpect(status().isForbidden());
	}

	@Test
	void aTieLeftToTheOrganizerIsRefusedWithoutAReasonAndChangesNothing() throws Exception {
		Ranked r = rankedWith(round -> round.withScoring(ScoringSettings.of(null, TieRule.ORGANIZER)));
		assertThat(this.ranking.results(r.round().getId())).filteredOn(RoundResult::isTieOpen)
			.extracting(RoundResult::getApplicationId)
			.containsExactlyInAnyOrder(r.apps().get(1).getId(), r.apps().get(2).getId());
		String html = this.mvc.perform(get(url(r.campaign())).with(this.organizer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("并列规则：晋级线上同分时由组织方裁定并说明理由。", "并列待裁定");

		this.mvc.perform(cut(r.campaign(), r.apps().get(0), r.apps().get(1), r.apps().get(2)))
			.andExpect(flash().attribute("error", message("cut.error.tieOpen", 2L, "公共服务、技术应用")));
		assertThat(this.run.round(r.campaign(), 1).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(this.ranking.results(r.round().getId())).extracting(RoundResult::getAdvanced).containsOnlyNulls();

		this.mvc.perform(cut(r.campaign(), r.apps().get(0), r.apps().get(1)).param("reason", "经评审组会商，取实效更突出者"))
			.andExpect(flash().attribute("success", "晋级名单已确认。"));
		assertThat(this.run.round(r.campaign(), 1).getCutNote()).isEqualTo("经评审组会商，取实效更突出者");
	}

	@Test
	void aConfirmedCutIsFrozenAndRecomputingFromTheStoredReviewsGivesExactlyTheSnapshot() {
		Ranked r = rankedWith(round -> round.withScoring(
				new ScoringSettings(Aggregation.ZSCORE, new BigDecimal("0.25"), 2, new BigDecimal("1"), null, null)));
		Long roundId = r.round().getId();
		this.ranking.confirmCut(roundId, null, null, this.organizerName);

		assertThat(this.ranking.snapshot(roundId)).hasValueSatisfying(s -> {
			assertThat(s.isFrozen()).isTrue();
			assertThat(s.getFrozenBy()).isEqualTo(this.organizerName);
			assertThat(s.getReviewCount()).isEqualTo(3);
			assertThat(s.getInputsHash()).hasSize(64);
			assertThat(s.getFiguresHash()).hasSize(64);
		});
		SnapshotCheck check = this.ranking.verifySnapshot(roundId);
		assertThat(check.matches()).isTrue();
		assertThat(check.differing()).isEmpty();

		// Frozen: ranking again and sending a review back are refused, and nothing moves.
		assertThatThrownBy(() -> this.ranking.rank(roundId)).isInstanceOf(DomainException.class)
			.extracting(ex -> ((DomainException) ex).getMessageKey())
			.isEqualTo("cut.error.frozen");
		Review submitted = this.reviews.reviewsOfRound(roundId).get(0);
		assertThatThrownBy(() -> this.reopen.reopen(this.run.user(this.organizerName), submitted.getId(), "补充意见"))
			.isInstanceOf(DomainException.class)
			.extracting(ex -> ((DomainException) ex).getMessageKey())
			.isEqualTo("review.error.reopenCutConfirmed");
		assertThat(this.reviews.reviewsOfRound(roundId).get(0).getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(this.ranking.verifySnapshot(roundId).matches()).isTrue();

		// A figure changed behind the snapshot's back is found.
		Long tampered = r.apps().get(2).getId();
		this.jdbc.update("update round_result set normalised_mean = normalised_mean + 1 where round_id = ? "
				+ "and application_id = ?", roundId, tampered);
		SnapshotCheck after = this.ranking.verifySnapshot(roundId);
		assertThat(after.matches()).isFalse();
		assertThat(after.inputsMatch()).isTrue();
		assertThat(after.differing()).containsExactly(tampered);
	}

	@Test
	void theSnapshotCheckIsOnTheApiForOrganizers() throws Exception {
		Ranked r = rankedWith(UnaryOperator.identity());
		this.ranking.confirmCut(r.round().getId(), null, null, this.organizerName);
		String json = this.mvc
			.perform(get("/api/v1/rounds/" + r.round().getId() + "/snapshot/check").with(this.organizer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"inputsMatch\":true", "\"figuresMatch\":true", "\"differing\":[]");
	}

	@Test
	void rulesThatCannotBeMetAreRefusedWhenTheCampaignIsDefined() {
		CampaignDefinition d = TestCampaigns.threeRounds(CampaignRunner.unique("sc-bad"), 3, 20, 2, 1);
		assertRefused(d, "round.error.quotaUnreachable");
		List<RoundDefinition> rounds = new ArrayList<>(TestCampaigns.threeRounds("x", 1, 2, 1, 1).rounds());
		rounds.set(2, rounds.get(2).withScoring(ScoringSettings.of(null, TieRule.TAKE_ALL)));
		assertRefused(withRounds(rounds), "round.error.takeAllQuota");
		rounds.set(2, rounds.get(2).withScoring(ScoringSettings.of(null, TieRule.CRITERIA, "创新性", "不存在的评分项")));
		assertRefused(withRounds(rounds), "round.error.tieCriterionUnknown");
		rounds.set(2, rounds.get(2).withScoring(ScoringSettings.of(null, TieRule.CRITERIA)));
		assertRefused(withRounds(rounds), "round.error.tieCriteriaMissing");
		rounds.set(2, rounds.get(2)
			.withScoring(new ScoringSettings(Aggregation.TRIMMED_MEAN, new BigDecimal("0.5"), null, null, null, null)));
		assertRefused(withRounds(rounds), "round.error.trimShare");
		rounds.set(2, rounds.get(2).withScoring(null));
		rounds.set(0, rounds.get(0).withRule(AdvancementRule.SCORE_THRESHOLD, null, null));
		assertRefused(withRounds(rounds), "round.error.ruleThreshold");
	}

	@Test
	void aFinalRoundWhoseTieTheCriteriaCannotBreakIsTheOrganizersAndGetsExactlyTheQuota() throws Exception {
		List<RoundDefinition> rounds = new ArrayList<>(TestCampaigns.threeRounds("x", 1, 3, 1, 1).rounds());
		rounds.set(1, rounds.get(1).withRule(AdvancementRule.TOP_N_PER_CATEGORY, 2, null));
		rounds.set(2, rounds.get(2).withScoring(ScoringSettings.of(null, TieRule.CRITERIA, "实效性", "创新性")));
		Campaign campaign = this.campaigns.create(withRounds(rounds));
		this.run.publishCall(campaign);
		List<Application> apps = this.run.submit(campaign, this.run.applicant(), 0, 0);
		this.run.closeAndAdmitAll(campaign);
		Map<Long, BigDecimal> same = Map.of(apps.get(0).getId(), new BigDecimal("8"), apps.get(1).getId(),
				new BigDecimal("8"));
		for (int roundNo = 1; roundNo <= 2; roundNo++) {
			this.run.score(this.run.startRound(campaign, roundNo), same);
			this.ranking.confirmCut(this.run.round(campaign, roundNo).getId(), null, null, this.organizerName);
		}
		// Final: equal totals, so the criteria decide; each is scored 8 on every
		// criterion,
		// so they cannot: the tie is left open, and the proposal cannot be confirmed as
		// is.
		ReviewRound last = this.run.startRound(campaign, 3);
		this.run.score(last, same);
		List<RoundResult> results = this.ranking.results(last.getId());
		assertThat(results).extracting(RoundResult::isTieOpen).containsOnly(true);
		// The three categories without finalists cannot fill their quota of one.
		String html = this.mvc
			.perform(get("/organizer/campaigns/" + campaign.getId() + "/rounds/3/ranking").with(this.organizer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html.split("本类别获奖名额 1 个，但只有 0 份参评，名额无法补满", -1)).hasSize(4);
		assertThat(html).contains("依次比较 实效性、创新性 的平均得分");
		// Those quotas cannot be met: refused until each is lowered, to none, with a
		// reason.
		assertThatThrownBy(() -> this.ranking.confirmCut(last.getId(), null, null, this.organizerName))
			.extracting(ex -> ((DomainException) ex).getMessageKey())
			.isEqualTo("cut.error.quotaShortfall");
		for (Category empty : this.campaigns.get(campaign.getId()).getCategories().subList(1, 4)) {
			this.ranking.lowerQuota(last.getId(), empty.getId(), 0, "本类别无申报进入终审", this.organizerName);
		}
		assertThatThrownBy(() -> this.ranking.confirmCut(last.getId(), null, null, this.organizerName))
			.extracting(ex -> ((DomainException) ex).getMessageKey())
			.isEqualTo("cut.error.tieOpen");
		this.ranking.confirmCut(last.getId(), Set.of(apps.get(1).getId()), "评审组会商后决定", this.organizerName);
		assertThat(this.ranking.results(last.getId())).filteredOn(x -> Boolean.TRUE.equals(x.getAdvanced()))
			.extracting(RoundResult::getApplicationId)
			.containsExactly(apps.get(1).getId());
	}

	private CampaignDefinition withRounds(List<RoundDefinition> rounds) {
		CampaignDefinition d = TestCampaigns.threeRounds(CampaignRunner.unique("sc-r"), 1, 2, 1, 1);
		return new CampaignDefinition(d.code(), d.name(), d.organizer(), d.description(), d.submissionDeadline(),
				d.unrankedListing(), d.categories(), rounds);
	}

	private void assertRefused(CampaignDefinition d, String key) {
		assertThatThrownBy(() -> this.campaigns.create(d)).isInstanceOf(DomainException.class)
			.extracting(ex -> ((DomainException) ex).getMessageKey())
			.isEqualTo(key);
		assertThat(this.campaigns.all()).extracting(Campaign::getCode).doesNotContain(d.code());
	}

	private static String url(Campaign campaign) {
		return "/organizer/campaigns/" + campaign.getId() + "/rounds/1/ranking";
	}

	private MockHttpServletRequestBuilder cut(Campaign campaign, Application... advanced) {
		MockHttpServletRequestBuilder request = post(url(campaign) + "/cut").with(this.organizer).with(csrf());
		for (Application application : advanced) {
			request = request.param("advanced", application.getId().toString());
		}
		return request;
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	private record Ranked(Campaign campaign, ReviewRound round, List<Application> apps) {
	}

}
