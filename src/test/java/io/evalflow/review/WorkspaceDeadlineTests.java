package io.evalflow.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.MutableTestClock;
import io.evalflow.TestCampaigns;
import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.shared.DomainException;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Past the round's deadline (before the engine's timer closes it) a review no longer
 * changes hands and a submitted one is no longer reopened: the expert could not submit it
 * again. Runs with a clock of its own, in the context {@code SubmissionLimitsTests} also
 * uses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableTestClock.Config.class)
class WorkspaceDeadlineTests {

	@Autowired
	WorkspaceFixture fixture;

	@Autowired
	MutableTestClock clock;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReplacementService replacements;

	@Autowired
	ReopenService reopening;

	@Autowired
	ReviewRepository reviewRepository;

	@Autowired
	TaskService tasks;

	@AfterEach
	void reset() {
		this.clock.reset();
		this.fixture.restorePool();
	}

	@Test
	void pastTheDeadlineReviewsNoLongerChangeHandsNorReopen() {
		this.fixture.pauseGeneralists();
		String suffix = TestCampaigns.unique("dl");
		Campaign campaign = this.fixture.campaign(suffix, 1, 1);
		this.fixture.expert(suffix + "-e1", Set.of(WorkspaceFixture.category(suffix)));
		this.fixture.expert(suffix + "-e2", Set.of(WorkspaceFixture.category(suffix)));
		List<Long> applicationIds = this.fixture.applications(campaign, suffix, 2);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		String organizer = this.fixture.organizer(suffix);
		Review submitted = this.reviews.reviewsOf(round.getId(), applicationIds.get(0)).get(0);
		Review open = this.reviews.reviewsOf(round.getId(), applicationIds.get(1)).get(0);
		CurrentUser submitter = this.fixture.user(this.fixture.usernameOf(submitted.getExpertId()));
		CurrentUser holder = this.fixture.user(this.fixture.usernameOf(open.getExpertId()));
		this.reviews.submit(submitter, submitted.getId(), scores(round), "意见");

		this.clock.advance(Duration.ofDays(2));
		assertThatThrownBy(() -> this.replacements.decline(holder, open.getId(), null))
			.isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "review.error.roundClosed");
		assertThatThrownBy(() -> this.replacements.declareConflict(holder, open.getId(), "同事"))
			.isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "review.error.roundClosed");
		assertThatThrownBy(() -> this.reopening.reopen(this.fixture.user(organizer), submitted.getId(), "再看看"))
			.isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "review.error.reopenDeadline");

		assertThat(this.reviewRepository.findById(open.getId()).orElseThrow().getStatus())
			.isEqualTo(ReviewStatus.ASSIGNED);
		assertThat(this.tasks.createTaskQuery().taskId(open.getTaskId()).singleResult().getAssignee())
			.isEqualTo(holder.getUsername());
		assertThat(this.reviewRepository.findById(submitted.getId()).orElseThrow().getStatus())
			.isEqualTo(ReviewStatus.SUBMITTED);
	}

	private static Map<Long, BigDecimal> scores(ReviewRound round) {
		Map<Long, BigDecimal> scores = new HashMap<>();
		round.getCriteria().forEach(c -> scores.put(c.getId(), BigDecimal.valueOf(7)));
		return scores;
	}

}
