package io.evalflow.review;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.evalflow.CampaignRunner;
import io.evalflow.TestReviews;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.shared.TransientConflicts;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Experts submitting at the same moment, on the real engine. Two experts finishing the
 * same application collide on its multi-instance execution (and on MariaDB may deadlock);
 * the loser's transaction runs again unseen ({@link TransientConflicts}). Each
 * application's round must still complete exactly once, and the round be told exactly
 * once.
 * <p>
 * The pool is raised so that most submissions really are in the database at once. A round
 * draws its experts from the whole active pool, which every test shares: while a round
 * opens only this test's experts are active, and they leave the pool when the test ends.
 */
@SpringBootTest(properties = { "spring.datasource.hikari.maximum-pool-size=50",
		"logging.level.io.evalflow.shared.TransientConflicts=debug" })
@AutoConfigureMockMvc
@DirtiesContext
class ConcurrentSubmissionTests {

	private static final Logger logger = LoggerFactory.getLogger(ConcurrentSubmissionTests.class);

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	ReviewService reviews;

	@Autowired
	ExpertService experts;

	@Autowired
	AccountService accounts;

	@Autowired
	RankingService ranking;

	@Autowired
	TestReviews testReviews;

	@Autowired
	TransientConflicts conflicts;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Long> ownExperts = new ArrayList<>();

	private CampaignRunner runner;

	@BeforeEach
	void runner() {
		this.runner = new CampaignRunner(this.context);
	}

	@AfterEach
	void retireOwnExperts() {
		this.ownExperts.forEach(id -> this.experts.setActive(id, false));
	}

	@Test
	void hundredExpertsSubmittingTheirLastReviewsAtOnceCompleteEachApplicationAndTheRoundOnce() throws Exception {
		OpenRound open = openRound(50, 2);
		List<Review> assigned = this.reviews.reviewsOfRound(open.round().getId());
		assertThat(assigned).hasSize(100);
		assertThat(assigned.stream().map(Review::getExpertId).distinct()).as("one review per expert").hasSize(100);

		long retriesBefore = this.conflicts.retries();
		List<Callable<Review>> submits = new ArrayList<>();
		for (Review review : assigned) {
			CurrentUser expert = this.testReviews.expertUser(review.getExpertId());
			Map<Long, BigDecimal> scores = scores(open.round(), open.quality(review.getApplicationId()));
			submits.add(() -> this.conflicts.retry(() -> this.reviews.submit(expert, review.getId(), scores, "意见")));
		}
		List<Outcome<Review>> outcomes = atOnce(submits);
		long retried = this.conflicts.retries() - retriesBefore;
		logger.info("100 experts submitted at once: {} attempts retried after a transient conflict", retried);

		assertThat(outcomes).as("no exception reached any expert").allSatisfy(o -> assertThat(o.failure()).isNull());
		assertRoundCompletedOnce(open);
	}

	@Test
	void expertsOfTheSameApplicationSubmittingAtOnceOverTheApiNeverSeeAConflict() throws Exception {
		OpenRound open = openRound(5, 2);
		List<Review> assigned = this.reviews.reviewsOfRound(open.round().getId());
		// Besides the real races, every submission's first attempt is made to lose one,
		// as the victim of a deadlock or of the engine's optimistic locking would.
		Set<Long> conflicted = new HashSet<>();
		assigned.forEach(r -> conflicted.add(r.getId()));
		long retriesBefore = this.conflicts.retries();
		List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
		for (Review review : assigned) {
			String body = this.json.writeValueAsString(Map.of("scores",
					apiScores(open.round(), open.quality(review.getApplicationId())), "comment", "意见"));
			String username = usernameOf(review.getExpertId());
			calls.add(
					() -> this.mvc
						.perform(post("/api/v1/reviews/" + review.getId() + "/submit")
							.contentType(MediaType.APPLICATION_JSON)
							.content(body)
							.with(httpBasic(username, CampaignRunner.PASSWORD)))
						.andReturn()
						.getResponse());
		}
		List<Outcome<MockHttpServletResponse>> outcomes = withInjectedConflicts(conflicted, 1, () -> atOnce(calls));

		assertThat(outcomes).allSatisfy(o -> {
			assertThat(o.failure()).isNull();
			assertThat(o.value().getStatus()).as(body(o.value())).isEqualTo(200);
			assertThat(this.json.readTree(body(o.value())).get("status").asString()).isEqualTo("SUBMITTED");
		});
		assertThat(this.conflicts.retries() - retriesBefore).isGreaterThanOrEqualTo(assigned.size());
		assertRoundCompletedOnce(open);
	}

	@Test
	void conflictThatNeverClearsTellsTheExpertToRetryAndChangesNothing() throws Exception {
		OpenRound open = openRound(1, 2);
		Review review = this.reviews.reviewsOfRound(open.round().getId()).get(0);
		String username = usernameOf(review.getExpertId());
		long exhaustedBefore = this.conflicts.exhausted();
		MockHttpServletResponse api = withInjectedConflicts(Set.of(review.getId()), Integer.MAX_VALUE,
				() -> this.mvc
					.perform(post("/api/v1/reviews/" + review.getId() + "/submit")
						.contentType(MediaType.APPLICATION_JSON)
						.content(this.json
							.writeValueAsString(Map.of("scores", apiScores(open.round(), 8), "comment", "意见")))
						.with(httpBasic(username, CampaignRunner.PASSWORD)))
					.andReturn()
					.getResponse());
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(api.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = this.json.readTree(body(api));
		assertThat(problem.get("code").asString()).isEqualTo("error.busy");
		assertThat(problem.get("detail").asString()).isEqualTo("系统正忙，您的操作未能完成，也未作任何更改。请稍后再试一次。");
		assertThat(body(api)).doesNotContainIgnoringCase("lock").doesNotContainIgnoringCase("exception");

		MockHttpServletResponse page = withInjectedConflicts(Set.of(review.getId()), Integer.MAX_VALUE,
				() -> this.mvc.perform(webSubmit(review, username, "8")).andReturn().getResponse());
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(body(page)).contains("系统正忙，您的操作未能完成，也未作任何更改。请稍后再试一次。")
			.doesNotContainIgnoringCase("optimistic")
			.doesNotContainIgnoringCase("exception");

		assertThat(this.conflicts.exhausted() - exhaustedBefore).isEqualTo(2);
		Review after = this.reviews.ownReview(this.testReviews.expertUser(review.getExpertId()), review.getId());
		assertThat(after.getStatus()).isEqualTo(ReviewStatus.ASSIGNED);
		assertThat(after.getScores()).isEmpty();
		assertThat(this.tasks.createTaskQuery().taskId(review.getTaskId()).count()).as("task still open").isEqualTo(1);
	}

	@Test
	void sameReviewSubmittedFromTwoTabsAtOnceIsStoredOnceAndTheOtherTabIsToldItIsLocked() throws Exception {
		OpenRound open = openRound(1, 2);
		List<Review> assigned = this.reviews.reviewsOfRound(open.round().getId());
		Review review = assigned.get(0);
		String username = usernameOf(review.getExpertId());
		List<Callable<MockHttpServletResponse>> tabs = List.of(
				() -> this.mvc.perform(webSubmit(review, username, "7")).andReturn().getResponse(),
				() -> this.mvc.perform(webSubmit(review, username, "9")).andReturn().getResponse());

		List<Outcome<MockHttpServletResponse>> outcomes = atOnce(tabs);

		assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
		List<MockHttpServletResponse> responses = outcomes.stream().map(Outcome::value).toList();
		assertThat(responses.stream().filter(r -> r.getStatus() == 302)).as("stored once").hasSize(1);
		MockHttpServletResponse refused = responses.stream()
			.filter(r -> r.getStatus() != 302)
			.findFirst()
			.orElseThrow();
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(body(refused)).contains("该评审已提交并锁定，不能再修改。");
		// The stored scores are those of the tab that won; the other changed nothing.
		String winner = (responses.get(0).getStatus() == 302) ? "7" : "9";
		Review after = this.reviews.ownReview(this.testReviews.expertUser(review.getExpertId()), review.getId());
		assertThat(after.getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(after.getScores().values()).allSatisfy(s -> assertThat(s).isEqualByComparingTo(winner));
		assertThat(this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(open.application(review.getApplicationId()).getProcessInstanceId())
			.taskDefinitionKey("score-application")
			.finished()
			.count()).as("one task completed").isEqualTo(1);
		// The other expert's review is still open, so the application is not complete.
		assertThat(this.reviews.reviewsOfRound(open.round().getId()).get(1).getStatus())
			.isEqualTo(ReviewStatus.ASSIGNED);
		assertThat(activityRuns(open.application(review.getApplicationId()).getProcessInstanceId(), "reviews-done"))
			.isZero();
	}

	private void assertRoundCompletedOnce(OpenRound open) {
		Long roundId = open.round().getId();
		assertThat(this.reviews.reviewsOfRound(roundId))
			.allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(ReviewStatus.SUBMITTED));
		for (Application application : open.applications()) {
			String processInstanceId = this.submissions.get(application.getId()).getProcessInstanceId();
			assertThat(activityRuns(processInstanceId, "reviews-done")).as("reviews-done of " + application.getId())
				.isEqualTo(1);
			assertThat(this.tasks.createTaskQuery().processInstanceId(processInstanceId).count()).isZero();
		}
		HistoricProcessInstance roundProcess = this.history.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(open.campaign().getProcessInstanceId())
			.processDefinitionKey("review-round")
			.singleResult();
		assertThat(activityRuns(roundProcess.getId(), "reviews-complete")).as("reviews-complete received").isEqualTo(1);
		assertThat(activityRuns(roundProcess.getId(), "rank-round")).isEqualTo(1);
		assertThat(this.campaigns.round(roundId).getStatus()).isEqualTo(RoundStatus.RANKED);
		List<RoundResult> results = this.ranking.results(roundId);
		assertThat(results.stream().map(RoundResult::getApplicationId).toList()).as("one ranking row per application")
			.containsExactlyInAnyOrderElementsOf(open.applications().stream().map(Application::getId).toList());
		assertThat(results).allSatisfy(r -> {
			assertThat(r.isReviewsComplete()).isTrue();
			assertThat(r.getReviewCount()).isEqualTo(open.round().getExpertsPerApplication());
			assertThat(r.getRankOverall()).isNotNull();
		});
	}

	private long activityRuns(String processInstanceId, String activityId) {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.count();
	}

	/**
	 * A campaign whose first round is open: {@code applications} applications, each
	 * reviewed by {@code expertsPerApplication} experts of this test who take one review
	 * each.
	 */
	private OpenRound openRound(int applications, int expertsPerApplication) {
		Campaign campaign = this.runner.threeRounds(1, Math.max(1, applications / 2), 1, expertsPerApplication);
		this.runner.publishCall(campaign);
		List<Application> submitted = this.runner.submit(campaign, this.runner.applicant(),
				IntStream.range(0, applications).map(i -> i % 4).toArray());
		this.runner.closeAndAdmitAll(campaign);
		List<Long> mine = this.runner.experts(applications * expertsPerApplication, 1)
			.stream()
			.map(this::expertId)
			.toList();
		this.ownExperts.addAll(mine);
		List<Long> others = this.experts.active().stream().map(Expert::getId).filter(e -> !mine.contains(e)).toList();
		others.forEach(e -> this.experts.setActive(e, false));
		ReviewRound round;
		try {
			round = this.runner.startRound(campaign, 1);
		}
		finally {
			others.forEach(e -> this.experts.setActive(e, true));
		}
		return new OpenRound(this.runner.reload(campaign), round, submitted);
	}

	private Long expertId(String username) {
		Long accountId = this.accounts.findAccount(username).orElseThrow().getId();
		return this.experts.forAccount(accountId).orElseThrow().getId();
	}

	private String usernameOf(Long expertId) {
		return this.accounts.username(this.experts.get(expertId).getAccountId());
	}

	private MockHttpServletRequestBuilder webSubmit(Review review, String username, String score) {
		MockHttpServletRequestBuilder request = post("/expert/reviews/" + review.getId() + "/submit")
			.with(user(this.users.loadUserByUsername(username)))
			.with(csrf())
			.param("confirmed", "true")
			.param("comment", "意见");
		for (Criterion criterion : this.campaigns.round(review.getRoundId()).getCriteria()) {
			request.param("scores[" + criterion.getId() + "]", score);
		}
		return request;
	}

	private static Map<Long, BigDecimal> scores(ReviewRound round, int score) {
		return round.getCriteria()
			.stream()
			.collect(Collectors.toMap(Criterion::getId, c -> BigDecimal.valueOf(Math.min(score, c.getMaxScore()))));
	}

	private static Map<String, Integer> apiScores(ReviewRound round, int score) {
		Map<String, Integer> scores = new HashMap<>();
		round.getCriteria().forEach(c -> scores.put(c.getId().toString(), Math.min(score, c.getMaxScore())));
		return scores;
	}

	private static String body(MockHttpServletResponse response) {
		try {
			return response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs {@code work} while the first {@code failures} submissions of each listed
	 * review lose a conflict inside their transaction.
	 */
	private <T> T withInjectedConflicts(Set<Long> reviewIds, int failures, ThrowingSupplier<T> work) throws Exception {
		InjectedConflicts injected = new InjectedConflicts(reviewIds, failures);
		this.context.addApplicationListener(injected);
		try {
			return work.get();
		}
		finally {
			this.context.removeApplicationListener(injected);
		}
	}

	/**
	 * Starts every call on its own thread, releases them together, and waits for all.
	 */
	private static <T> List<Outcome<T>> atOnce(List<Callable<T>> calls) throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			List<Outcome<T>> outcomes = new ArrayList<>();
			for (Future<T> future : futures) {
				try {
					outcomes.add(new Outcome<>(future.get(), null));
				}
				catch (ExecutionException ex) {
					logger.error("A concurrent call failed", ex.getCause());
					outcomes.add(new Outcome<>(null, ex.getCause()));
				}
			}
			return outcomes;
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(1, TimeUnit.MINUTES);
		}
	}

	record Outcome<T>(T value, Throwable failure) {
	}

	record OpenRound(Campaign campaign, ReviewRound round, List<Application> applications) {

		Application application(Long id) {
			return this.applications.stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
		}

		/**
		 * Each application's score on every criterion, varied so the ranking has work.
		 */
		int quality(Long applicationId) {
			return 1 + this.applications.indexOf(application(applicationId)) % 10;
		}

	}

	@FunctionalInterface
	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

	/**
	 * Fails a review's submission from inside its transaction, as the engine or the
	 * database does for the loser of a race: alternately the engine's optimistic locking
	 * and a MariaDB deadlock as Spring translates it.
	 */
	private static final class InjectedConflicts implements ApplicationListener<ApplicationEvent> {

		private final Map<Long, AtomicInteger> remaining = new HashMap<>();

		InjectedConflicts(Set<Long> reviewIds, int failures) {
			reviewIds.forEach(id -> this.remaining.put(id, new AtomicInteger(failures)));
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof ReviewSubmitted submitted) {
				AtomicInteger left = this.remaining.get(submitted.reviewId());
				if (left != null && left.getAndDecrement() > 0) {
					throw (submitted.reviewId() % 2 == 0)
							? new FlowableOptimisticLockingException(
									"Execution was updated by another transaction concurrently")
							: new CannotAcquireLockException("Deadlock found when trying to get lock",
									new SQLTransactionRollbackException("Deadlock found when trying to get lock",
											"40001", 1213));
				}
			}
		}

	}

}
