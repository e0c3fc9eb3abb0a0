package io.evalflow.review.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.evalflow.CampaignRunner;
import io.evalflow.MutableTestClock;
import io.evalflow.RoundTimers;
import io.evalflow.TestReviews;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewDeadlines;
import io.evalflow.review.ReviewService;
import io.evalflow.submission.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The organizer's deadline page and API: the overdue list of a round that waits for an
 * expert given longer, extensions with their refusals, and who may see and do this.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableTestClock.Config.class)
@TestPropertySource(properties = "evalflow.review.chase-chunk=1")
class DeadlineScreensTests {

	private static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableTestClock clock;

	@Autowired
	RoundTimers timers;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReviewDeadlines deadlines;

	@Autowired
	TestReviews testReviews;

	CampaignRunner run;

	String organizer;

	@BeforeEach
	void setUp() {
		this.run = new CampaignRunner(this.context);
		this.organizer = this.run.organizer();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theOverdueListShowsWhoIsLateWithWhatAndByHowManyDays() throws Exception {
		Round r = openRound();
		Review extended = r.reviews().get(0);
		Review late = r.reviews().get(1);
		this.deadlines.extendForExpert(r.round().getId(), extended.getExpertId(),
				r.round().getDeadline().plus(Duration.ofDays(5)), "出差", "organizer");
		this.clock.advance(Duration.between(this.clock.instant(), r.round().getDeadline().plus(Duration.ofHours(49))));
		assertThat(this.timers.fireIfDue(r.process(), "round-deadline")).isTrue();
		assertThat(this.campaigns.round(r.round().getId()).getStatus()).isEqualTo(RoundStatus.OPEN);

		MvcResult page = this.mvc.perform(get(r.page()).with(as(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(view().name(DeadlineController.VIEW))
			.andReturn();
		ReviewDeadlines.OverdueList overdue = (ReviewDeadlines.OverdueList) page.getModelAndView()
			.getModel()
			.get("overdue");
		assertThat(overdue.total()).isEqualTo(1);
		assertThat(overdue.reviews()).singleElement().satisfies(o -> {
			assertThat(o.reviewId()).isEqualTo(late.getId());
			assertThat(o.daysOverdue()).isEqualTo(2);
		});
		String expertName = overdue.reviews().get(0).expert().getName();
		assertThat(page.getResponse().getContentAsString()).contains("共 1 份评审已过截止时间", expertName,
				r.application().getReferenceNo(), "出差");

		this.mvc.perform(get("/api/v1/rounds/{id}/overdue", r.round().getId()).with(basic(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.reviews[0].reviewId").value(late.getId()))
			.andExpect(jsonPath("$.reviews[0].expertName").value(expertName))
			.andExpect(jsonPath("$.reviews[0].referenceNo").value(r.application().getReferenceNo()))
			.andExpect(jsonPath("$.reviews[0].daysOverdue").value(2));

		// Given longer too, the late expert may submit again and leaves the list.
		Instant longer = this.clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		this.mvc
			.perform(post("/api/v1/rounds/{id}/extensions", r.round().getId()).with(basic(this.organizer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"expertId\":" + late.getExpertId() + ",\"dueAt\":\"" + longer + "\",\"reason\":\"补交\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.wholeRound").value(false))
			.andExpect(jsonPath("$.expertName").value(expertName))
			.andExpect(jsonPath("$.previousDue").value(r.round().getDeadline().toString()))
			.andExpect(jsonPath("$.reviewCount").value(1));
		assertThat(this.deadlines.overdue(r.round().getId(), 10).total()).isZero();
		this.testReviews.scoreRound(r.round().getId(), applicationId -> BigDecimal.valueOf(6));
		assertThat(this.campaigns.round(r.round().getId()).getStatus()).as("both reviews in: the round ranks at once")
			.isEqualTo(RoundStatus.RANKED);
	}

	@Test
	void anOrganizerExtendsOneExpertFromTheScreen() throws Exception {
		Round r = openRound();
		Review review = r.reviews().get(0);
		LocalDateTime due = LocalDateTime.ofInstant(r.round().getDeadline(), ZoneId.systemDefault())
			.plusDays(3)
			.withSecond(0)
			.withNano(0);

		this.mvc
			.perform(post(r.page() + "/expert").with(as(this.organizer))
				.with(csrf())
				.param("expertId", review.getExpertId().toString())
				.param("dueAt", due.format(FORM_DATE))
				.param("reason", "专家出差"))
			.andExpect(redirectedUrl(r.page()))
			.andExpect(flash().attribute("success", "已为该专家延期；其未完成的评审可在新的截止时间前提交。"));

		assertThat(dueOf(review)).isEqualTo(due.atZone(ZoneId.systemDefault()).toInstant());
		assertThat(dueOf(r.reviews().get(1))).isEqualTo(r.round().getDeadline());
		assertThat(this.deadlines.extensions(r.round().getId())).singleElement()
			.satisfies(g -> assertThat(g.extension().getReason()).isEqualTo("专家出差"));
	}

	@Test
	void badExtensionsFromTheScreenAreRefusedWithASentenceAndChangeNothing() throws Exception {
		Round r = openRound();
		Review review = r.reviews().get(0);
		String past = LocalDateTime.now(ZoneId.systemDefault()).minusDays(1).format(FORM_DATE);
		String later = LocalDateTime.ofInstant(r.round().getDeadline(), ZoneId.systemDefault())
			.plusDays(1)
			.format(FORM_DATE);

		refusedOnScreen(post(r.page() + "/expert").param("expertId", review.getExpertId().toString())
			.param("dueAt", past)
			.param("reason", "理由"), r, "新的截止时间须晚于现在。");
		refusedOnScreen(post(r.page() + "/expert").param("expertId", review.getExpertId().toString())
			.param("dueAt", later)
			.param("reason", ""), r, "请填写延期理由。");
		refusedOnScreen(post(r.page() + "/expert").param("dueAt", later).param("reason", "理由"), r, "请选择要延期的专家。");
		refusedOnScreen(post(r.page() + "/round").param("dueAt", "下周一").param("reason", "理由"), r,
				"请按“年-月-日 时:分”填写新的截止时间。");
		refusedOnScreen(post(r.page() + "/round").param("dueAt", past).param("reason", "理由"), r, "新的截止时间须晚于现在。");

		assertThat(this.campaigns.round(r.round().getId()).getDeadline()).isEqualTo(r.round().getDeadline());
		assertThat(r.reviews()).allSatisfy(rv -> assertThat(dueOf(rv)).isEqualTo(r.round().getDeadline()));
		assertThat(this.deadlines.extensions(r.round().getId())).isEmpty();
	}

	@Test
	void theApiExtendsTheWholeRoundAndRefusesBadInputWithProblemJson() throws Exception {
		Round r = openRound();
		Instant later = r.round().getDeadline().plus(Duration.ofDays(2));
		String url = "/api/v1/rounds/" + r.round().getId() + "/extensions";

		this.mvc
			.perform(post(url).with(basic(this.organizer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"dueAt\":\"" + this.clock.instant().minusSeconds(60) + "\",\"reason\":\"假期\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("新的截止时间须晚于现在。"));
		this.mvc
			.perform(post(url).with(basic(this.organizer))
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"dueAt\":\"" + later + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Give a reason for the extension."));
		assertThat(this.campaigns.round(r.round().getId()).getDeadline()).isEqualTo(r.round().getDeadline());

		this.mvc
			.perform(post(url).with(basic(this.organizer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"dueAt\":\"" + later + "\",\"reason\":\"国庆假期，整轮顺延\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.wholeRound").value(true))
			.andExpect(jsonPath("$.dueAt").value(later.toString()))
			.andExpect(jsonPath("$.reviewCount").value(2))
			.andExpect(jsonPath("$.extendedBy").value(this.organizer));
		assertThat(this.campaigns.round(r.round().getId()).getDeadline()).isEqualTo(later);
		assertThat(r.reviews()).allSatisfy(rv -> assertThat(dueOf(rv)).isEqualTo(later));
		this.mvc.perform(get(url).with(basic(this.organizer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].reason").value("国庆假期，整轮顺延"));
	}

	@Test
	void expertsAndApplicantsAreRefusedAndVisitorsSentToSignInWithNothingChanged() throws Exception {
		Round r = openRound();
		String expert = this.run.experts(1).get(0);
		String applicant = this.run.applicant();
		String later = LocalDateTime.ofInstant(r.round().getDeadline(), ZoneId.systemDefault())
			.plusDays(1)
			.format(FORM_DATE);
		String api = "/api/v1/rounds/" + r.round().getId();
		String body = "{\"dueAt\":\"" + r.round().getDeadline().plus(Duration.ofDays(1)) + "\",\"reason\":\"理由\"}";

		for (String username : List.of(expert, applicant)) {
			this.mvc.perform(get(r.page()).with(as(username))).andExpect(status().isForbidden());
			this.mvc
				.perform(post(r.page() + "/round").with(as(username))
					.with(csrf())
					.param("dueAt", later)
					.param("reason", "理由"))
				.andExpect(status().isForbidden());
			this.mvc.perform(get(api + "/overdue").with(basic(username))).andExpect(status().isForbidden());
			this.mvc
				.perform(post(api + "/extensions").with(basic(username))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get(r.page()).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post(r.page() + "/round").accept(MediaType.TEXT_HTML)
				.with(csrf())
				.param("dueAt", later)
				.param("reason", "理由"))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get(api + "/overdue")).andExpect(status().isUnauthorized());

		assertThat(this.campaigns.round(r.round().getId()).getDeadline()).isEqualTo(r.round().getDeadline());
		assertThat(this.deadlines.extensions(r.round().getId())).isEmpty();
		this.mvc.perform(get(r.page()).with(as(this.run.account(io.evalflow.account.Role.ADMIN, "管理员"))))
			.andExpect(status().isOk());
	}

	private void refusedOnScreen(MockHttpServletRequestBuilder request, Round r, String message) throws Exception {
		this.mvc.perform(request.with(as(this.organizer)).with(csrf()))
			.andExpect(redirectedUrl(r.page()))
			.andExpect(flash().attribute("error", message));
	}

	/** One application, two experts: the round opened and its reviews out. */
	private Round openRound() {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 2);
		this.run.experts(2);
		this.run.publishCall(campaign);
		Application application = this.run.submit(campaign, this.run.applicant(), 0).get(0);
		this.run.closeAndAdmitAll(campaign);
		ReviewRound round = this.run.startRound(campaign, 1);
		List<Review> reviews = this.reviews.reviewsOfRound(round.getId());
		assertThat(reviews).hasSize(2);
		return new Round(campaign, round, this.timers.roundProcess(campaign.getId(), 1), reviews,
				this.context.getBean(io.evalflow.submission.SubmissionService.class).get(application.getId()));
	}

	private Instant dueOf(Review review) {
		return this.reviews.reviewsOfRound(review.getRoundId())
			.stream()
			.filter(rv -> rv.getId().equals(review.getId()))
			.findFirst()
			.orElseThrow()
			.getDueAt();
	}

	private RequestPostProcessor as(String username) {
		return user(this.run.user(username));
	}

	private static RequestPostProcessor basic(String username) {
		return httpBasic(username, CampaignRunner.PASSWORD);
	}

	record Round(Campaign campaign, ReviewRound round, String process, List<Review> reviews, Application application) {

		String page() {
			return "/organizer/campaigns/" + this.campaign.getId() + "/rounds/" + this.round.getRoundNo()
					+ "/deadlines";
		}

	}

}
