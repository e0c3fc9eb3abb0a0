package io.evalflow.submission.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.web.StatusTimeline.State;
import io.evalflow.submission.web.StatusTimeline.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class StatusTimelineTests {

	private static final Instant SUBMITTED = Instant.parse("2012-06-01T02:00:00Z");

	@Test
	void draftShowsTheWholeWayAhead() {
		List<Step> steps = timeline(application(ApplicationStatus.DRAFT, 0), campaign(false), false);
		assertThat(steps).extracting(Step::key)
			.containsExactly("submission.timeline.draft", "submission.timeline.formalCheck",
					"submission.timeline.round.pending", "submission.timeline.round.pending",
					"submission.timeline.round.pending", "submission.timeline.outcome.pending");
		assertThat(steps.get(0).state()).isEqualTo(State.CURRENT);
	}

	@Test
	void ineligibleApplicationEndsAtTheFormalCheckWithItsReason() {
		Application application = application(ApplicationStatus.INELIGIBLE, 0);
		given(application.getIneligibleReason()).willReturn("材料不全");
		List<Step> steps = timeline(application, campaign(false), false);
		assertThat(steps).hasSize(2);
		assertThat(steps.get(1).key()).isEqualTo("submission.timeline.formalCheck.failed");
		assertThat(steps.get(1).state()).isEqualTo(State.FAILED);
		assertThat(steps.get(1).args()).containsExactly("材料不全");
	}

	@Test
	void applicationNotAdvancedInTheSecondRoundEndsThere() {
		List<Step> steps = timeline(application(ApplicationStatus.NOT_ADVANCED, 2), campaign(false), false);
		assertThat(steps).extracting(Step::state).containsExactly(State.DONE, State.DONE, State.DONE, State.FAILED);
		assertThat(steps.get(3).args()).containsExactly("复审");
	}

	@Test
	void applicationUnderReviewShowsItsRoundAsUnderWay() {
		List<Step> steps = timeline(application(ApplicationStatus.IN_REVIEW, 2), campaign(false), false);
		assertThat(steps).extracting(Step::key)
			.containsExactly("submission.timeline.submitted", "submission.timeline.formalCheck.passed",
					"submission.timeline.round.advanced", "submission.timeline.round.reviewing",
					"submission.timeline.round.pending", "submission.timeline.outcome.pending");
	}

	@Test
	void winnerReadsAsUnderReviewToTheApplicantUntilTheResultsArePublished() {
		Application winner = application(ApplicationStatus.WINNER, 3);
		Campaign decided = campaign(false, RoundStatus.DECIDED, RoundStatus.DECIDED, RoundStatus.DECIDED);
		Campaign published = campaign(true, RoundStatus.DECIDED, RoundStatus.DECIDED, RoundStatus.DECIDED);
		assertThat(StatusTimeline.shownStatus(winner, decided, false)).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(timeline(winner, decided, false)).extracting(Step::key)
			.doesNotContain("submission.timeline.outcome.winner")
			.contains("submission.timeline.round.deciding");

		assertThat(StatusTimeline.shownStatus(winner, decided, true)).isEqualTo(ApplicationStatus.WINNER);
		assertThat(StatusTimeline.shownStatus(winner, published, false)).isEqualTo(ApplicationStatus.WINNER);
		assertThat(timeline(winner, published, false)).last()
			.satisfies(step -> assertThat(step.key()).isEqualTo("submission.timeline.outcome.winner"));
	}

	private static List<Step> timeline(Application application, Campaign campaign, boolean reveal) {
		return StatusTimeline.of(application, campaign, Locale.SIMPLIFIED_CHINESE, reveal);
	}

	private static Application application(ApplicationStatus status, int roundNo) {
		Application application = mock(Application.class);
		given(application.getStatus()).willReturn(status);
		given(application.getRoundNo()).willReturn(roundNo);
		given(application.getReferenceNo())
			.willReturn((status == ApplicationStatus.DRAFT) ? null : "EG2012-SERVICE-00001");
		given(application.getSubmittedAt()).willReturn((status == ApplicationStatus.DRAFT) ? null : SUBMITTED);
		return application;
	}

	/** 初审 decided, 复审 under way, 终审 ahead. */
	private static Campaign campaign(boolean published) {
		return campaign(published, RoundStatus.DECIDED, RoundStatus.OPEN, RoundStatus.PENDING);
	}

	private static Campaign campaign(boolean published, RoundStatus... statuses) {
		String[] names = { "初审", "复审", "终审" };
		List<ReviewRound> rounds = List.of(round(1, names[0], statuses[0]), round(2, names[1], statuses[1]),
				round(3, names[2], statuses[2]));
		Campaign campaign = mock(Campaign.class);
		given(campaign.isPublished()).willReturn(published);
		given(campaign.getRounds()).willReturn(rounds);
		return campaign;
	}

	private static ReviewRound round(int roundNo, String name, RoundStatus status) {
		ReviewRound round = mock(ReviewRound.class);
		given(round.getRoundNo()).willReturn(roundNo);
		given(round.name(Locale.SIMPLIFIED_CHINESE)).willReturn(name);
		given(round.getStatus()).willReturn(status);
		return round;
	}

}
