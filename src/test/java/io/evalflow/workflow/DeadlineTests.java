package io.evalflow.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.evalflow.CampaignRunner;
import io.evalflow.MutableTestClock;
import io.evalflow.RoundTimers;
import io.evalflow.TestReviews;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewDeadlines;
import io.evalflow.review.ReviewReminderDue;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.shared.DomainException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadlines on the real engine, with the clock moved instead of waited for: reminders and
 * overdue notices recorded once however often the chase runs, a round that waits for an
 * expert given longer, a whole round extended, and a round whose reviews are all in
 * before its deadline. The chase works one review per job here, so its loop runs too.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableTestClock.Config.class)
@TestPropertySource(properties = "evalflow.review.chase-chunk=1")
@RecordApplicationEvents
class DeadlineTests {

	private static final Duration LEAD = Duration.ofDays(2);

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

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	CampaignRunner run;

	@BeforeEach
	void setUp() {
		this.run = new CampaignRunner(this.context);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aReminderIsRecordedOnceAtTheLeadTimeEvenWhenTheChaseRunsAgain() {
		OpenRound open = openRound();
		Instant due = open.round().getDeadline();

		moveTo(due.minus(LEAD).minus(Duration.ofHours(1)));
		this.timers.fire(open.process(), "chase-due");
		assertThat(reminders(open, false)).isEmpty();

		moveTo(due.minus(LEAD).plus(Duration.ofHours(1)));
		this.timers.fire(open.process(), "chase-due");
		assertThat(reminders(open, false)).hasSize(2)
			.allSatisfy(event -> assertThat(event.dueAt()).isEqualTo(due))
			.flatExtracting(ReviewReminderDue::reviewIds)
			.containsExactlyInAnyOrderElementsOf(open.reviewIds());
		assertThat(notices(open, "REMINDER")).isEqualTo(2);

		// The executor runs the chase again (the next cycle, or a retry on another node).
		this.timers.fire(open.process(), "chase-due");
		assertThat(this.deadlines.chase(open.round().getId())).isFalse();
		assertThat(reminders(open, false)).hasSize(2);
		assertThat(notices(open, "REMINDER")).isEqualTo(2);
		assertThat(reminders(open, true)).isEmpty();
		assertThat(this.timers.timer(open.process(), "chase-due")).as("the chase keeps its cycle").isPresent();
	}

	@Test
	void aRoundWaitsForTheExpertGivenLongerWhileTheOthersAreOverdueAndNoticedOnce() {
		OpenRound open = openRound();
		Instant deadline = open.round().getDeadline();
		Review extended = open.reviews().get(0);
		Review late = open.reviews().get(1);
		Instant longer = deadline.plus(Duration.ofDays(3));

		this.deadlines.extendForExpert(open.round().getId(), extended.getExpertId(), longer, "出差，延期三天", "organizer");
		assertThat(review(extended).getDueAt()).isEqualTo(longer);
		assertThat(review(late).getDueAt()).isEqualTo(deadline);
		assertThat(task(extended).getDueDate().toInstant()).isEqualTo(longer);
		assertThat(task(late).getDueDate().toInstant()).isEqualTo(deadline);

		moveTo(deadline.minusSeconds(60));
		assertThat(this.timers.fireIfDue(open.process(), "round-deadline")).as("not due yet").isFalse();
		moveTo(deadline.plus(Duration.ofHours(1)));
		assertThat(this.timers.fireIfDue(open.process(), "round-deadline")).isTrue();

		// The round waits on, its timer re-armed at the extended expert's due date.
		assertThat(this.campaigns.round(open.round().getId()).getStatus()).isEqualTo(RoundStatus.OPEN);
		assertThat(this.timers.timer(open.process(), "round-deadline"))
			.hasValueSatisfying(timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(longer));
		assertThat(this.runtime.getVariable(open.process(), "roundDeadline")).isEqualTo(longer.toString());

		assertThatThrownBy(() -> submit(late)).isInstanceOf(DomainException.class)
			.hasMessageContaining("review.error.deadlinePassed");
		assertThat(review(late).getStatus()).isEqualTo(ReviewStatus.ASSIGNED);

		this.timers.fire(open.process(), "chase-due");
		this.timers.fire(open.process(), "chase-due");
		assertThat(reminders(open, true)).singleElement().satisfies(event -> {
			assertThat(event.reviewIds()).containsExactly(late.getId());
			assertThat(event.expertId()).isEqualTo(late.getExpertId());
			assertThat(event.dueAt()).isEqualTo(deadline);
		});
		assertThat(notices(open, "OVERDUE")).isEqualTo(1);
		assertThat(reminders(open, false)).as("the extended expert is not due within the lead time yet").isEmpty();

		submit(extended);
		assertThat(review(extended).getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(this.campaigns.round(open.round().getId()).getStatus())
			.as("a review is still open, so the round waits for its timer")
			.isEqualTo(RoundStatus.OPEN);

		moveTo(longer.plusSeconds(1));
		assertThat(this.timers.fireIfDue(open.process(), "round-deadline")).isTrue();
		assertThat(this.campaigns.round(open.round().getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(review(late).getStatus()).isEqualTo(ReviewStatus.CLOSED);
		assertThat(review(extended).getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(this.timers.timer(open.process(), "chase-due")).as("the chase stops with the wait").isEmpty();
	}

	@Test
	void extendingTheWholeRoundMovesEveryDueDateAndReArmsTheDeadline() {
		OpenRound open = openRound();
		Instant deadline = open.round().getDeadline();
		Instant later = deadline.plus(Duration.ofDays(5));

		this.deadlines.extendRound(open.round().getId(), later, "春节假期，整轮顺延", "organizer");
		this.context.getBean(io.evalflow.RoundStarter.class).runJobs();

		assertThat(this.campaigns.round(open.round().getId()).getDeadline()).isEqualTo(later);
		assertThat(this.runtime.getVariable(open.process(), "roundDeadline")).isEqualTo(later.toString());
		for (Review review : open.reviews()) {
			assertThat(review(review).getDueAt()).isEqualTo(later);
			assertThat(task(review).getDueDate().toInstant()).isEqualTo(later);
		}

		moveTo(deadline.plus(Duration.ofHours(1)));
		assertThat(this.timers.fireIfDue(open.process(), "round-deadline")).isTrue();
		assertThat(this.campaigns.round(open.round().getId()).getStatus()).isEqualTo(RoundStatus.OPEN);
		assertThat(this.timers.timer(open.process(), "round-deadline"))
			.hasValueSatisfying(timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(later));

		open.reviews().forEach(this::submit);
		assertThat(this.campaigns.round(open.round().getId()).getStatus())
			.as("the last review in completes the round at once")
			.isEqualTo(RoundStatus.RANKED);
		assertThat(this.timers.timer(open.process(), "round-deadline")).isEmpty();
	}

	@Test
	void aRoundWhoseReviewsAreAllInBeforeTheDeadlineCompletesByMessage() {
		OpenRound open = openRound();
		assertThat(this.timers.timer(open.process(), "round-deadline")).hasValueSatisfying(
				timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(open.round().getDeadline()));

		open.reviews().forEach(this::submit);

		assertThat(this.campaigns.round(open.round().getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(this.timers.timer(open.process(), "round-deadline")).isEmpty();
		assertThat(this.timers.timer(open.process(), "chase-due")).isEmpty();
	}

	@Test
	void aRoundPastItsDeadlineWithoutExtensionsRanksAndClosesItsOpenReviews() {
		OpenRound open = openRound();
		submit(open.reviews().get(0));

		moveTo(open.round().getDeadline().plusSeconds(1));
		assertThat(this.timers.fireIfDue(open.process(), "round-deadline")).isTrue();

		assertThat(this.campaigns.round(open.round().getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(review(open.reviews().get(1)).getStatus()).isEqualTo(ReviewStatus.CLOSED);
	}

	@Test
	void extensionsThatMakeNoSenseAreRefusedAndChangeNothing() {
		OpenRound open = openRound();
		Long roundId = open.round().getId();
		Review review = open.reviews().get(0);
		Instant deadline = open.round().getDeadline();

		assertRefused(() -> this.deadlines.extendForExpert(roundId, review.getExpertId(),
				this.clock.instant().minusSeconds(60), "理由", "organizer"), "review.error.extension.past");
		assertRefused(() -> this.deadlines.extendForExpert(roundId, review.getExpertId(), deadline.plusSeconds(3600),
				"  ", "organizer"), "review.error.extension.reasonRequired");
		assertRefused(() -> this.deadlines.extendForExpert(roundId, review.getExpertId(), deadline.minusSeconds(3600),
				"理由", "organizer"), "review.error.extension.notLater");
		assertRefused(() -> this.deadlines.extendForExpert(roundId, -1L, deadline.plusSeconds(3600), "理由", "organizer"),
				"review.error.extension.nothingOpen");
		assertRefused(() -> this.deadlines.extendRound(roundId, deadline, "理由", "organizer"),
				"review.error.extension.notLater");
		assertRefused(() -> this.deadlines.extendRound(roundId, null, "理由", "organizer"),
				"review.error.extension.dueRequired");

		assertThat(this.campaigns.round(roundId).getDeadline()).isEqualTo(deadline);
		assertThat(open.reviews()).allSatisfy(r -> assertThat(review(r).getDueAt()).isEqualTo(deadline));
		assertThat(this.deadlines.extensions(roundId)).isEmpty();
		assertThat(this.runtime.getVariable(open.process(), "roundDeadline")).isEqualTo(deadline.toString());

		open.reviews().forEach(this::submit);
		assertRefused(() -> this.deadlines.extendRound(roundId, deadline.plusSeconds(3600), "理由", "organizer"),
				"review.error.extension.roundNotOpen");
	}

	/** One application, two experts: the round opened and its reviews out. */
	private OpenRound openRound() {
		Campaign campaign = this.run.threeRounds(1, 4, 1, 2);
		this.run.experts(2);
		this.run.publishCall(campaign);
		this.run.submit(campaign, this.run.applicant(), 0);
		this.run.closeAndAdmitAll(campaign);
		ReviewRound round = this.run.startRound(campaign, 1);
		List<Review> reviews = this.reviews.reviewsOfRound(round.getId())
			.stream()
			.sorted(Comparator.comparing(Review::getId))
			.toList();
		assertThat(reviews).hasSize(2).allSatisfy(r -> assertThat(r.getDueAt()).isEqualTo(round.getDeadline()));
		return new OpenRound(round, this.timers.roundProcess(campaign.getId(), 1), reviews);
	}

	private void submit(Review review) {
		ReviewRound round = this.campaigns.round(review.getRoundId());
		Map<Long, BigDecimal> scores = new HashMap<>();
		for (Criterion criterion : round.getCriteria()) {
			scores.put(criterion.getId(), BigDecimal.valueOf(7));
		}
		this.reviews.submit(this.testReviews.expertUser(review.getExpertId()), review.getId(), scores, "意见");
	}

	private Review review(Review review) {
		return this.reviews.reviewsOfRound(review.getRoundId())
			.stream()
			.filter(r -> r.getId().equals(review.getId()))
			.findFirst()
			.orElseThrow();
	}

	private Task task(Review review) {
		return this.tasks.createTaskQuery().taskId(review(review).getTaskId()).singleResult();
	}

	private List<ReviewReminderDue> reminders(OpenRound open, boolean overdue) {
		return this.events.stream(ReviewReminderDue.class)
			.filter(e -> e.roundId().equals(open.round().getId()) && e.overdue() == overdue)
			.toList();
	}

	private long notices(OpenRound open, String kind) {
		return this.jdbc.queryForObject(
				"select count(*) from review_notice n join review r on r.id = n.review_id where r.round_id = ? and n.kind = ?",
				Long.class, open.round().getId(), kind);
	}

	private void moveTo(Instant instant) {
		this.clock.advance(Duration.between(this.clock.instant(), instant));
	}

	private static void assertRefused(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOf(DomainException.class).hasMessageContaining(key);
	}

	record OpenRound(ReviewRound round, String process, List<Review> reviews) {

		List<Long> reviewIds() {
			return this.reviews.stream().map(Review::getId).toList();
		}

	}

}
