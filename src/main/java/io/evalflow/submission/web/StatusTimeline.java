package io.evalflow.submission.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;

/**
 * "Where is my application": the way from submission to the outcome, each step done,
 * under way, failed or still ahead, read from the application and its campaign.
 * Applicants learn whether they won only when the results are published; until then their
 * final round reads as under way.
 */
final class StatusTimeline {

	enum State {

		DONE, CURRENT, FAILED, PENDING

	}

	record Step(String key, Object[] args, Instant at, State state) {
	}

	private final Application application;

	private final Campaign campaign;

	private final Locale locale;

	private final ApplicationStatus status;

	private final List<Step> steps = new ArrayList<>();

	private StatusTimeline(Application application, Campaign campaign, Locale locale, boolean revealUnpublished) {
		this.application = application;
		this.campaign = campaign;
		this.locale = locale;
		this.status = shownStatus(application, campaign, revealUnpublished);
	}

	/**
	 * The status an applicant may see: a final-round outcome stays "in review" until the
	 * campaign publishes its results.
	 */
	static ApplicationStatus shownStatus(Application application, Campaign campaign, boolean revealUnpublished) {
		ApplicationStatus status = application.getStatus();
		boolean outcome = status == ApplicationStatus.WINNER || status == ApplicationStatus.FINALIST;
		return (outcome && !revealUnpublished && !campaign.isPublished()) ? ApplicationStatus.IN_REVIEW : status;
	}

	static List<Step> of(Application application, Campaign campaign, Locale locale, boolean revealUnpublished) {
		StatusTimeline timeline = new StatusTimeline(application, campaign, locale, revealUnpublished);
		timeline.build();
		return List.copyOf(timeline.steps);
	}

	private void build() {
		if (this.status == ApplicationStatus.DRAFT) {
			add("submission.timeline.draft", null, State.CURRENT);
		}
		else {
			add("submission.timeline.submitted", this.application.getSubmittedAt(), State.DONE,
					this.application.getReferenceNo());
		}
		if (this.status == ApplicationStatus.WITHDRAWN) {
			add("submission.timeline.withdrawn", this.application.getWithdrawnAt(), State.FAILED);
			return;
		}
		if (!formalCheck()) {
			return;
		}
		for (ReviewRound round : this.campaign.getRounds()) {
			if (!round(round)) {
				return;
			}
		}
		outcome();
	}

	/** Whether the way goes on after the formal check. */
	private boolean formalCheck() {
		switch (this.status) {
			case DRAFT -> add("submission.timeline.formalCheck", null, State.PENDING);
			case SUBMITTED -> add("submission.timeline.formalCheck.pending", null, State.CURRENT);
			case INELIGIBLE -> {
				add("submission.timeline.formalCheck.failed", null, State.FAILED,
						this.application.getIneligibleReason());
				return false;
			}
			default -> add("submission.timeline.formalCheck.passed", null, State.DONE);
		}
		return true;
	}

	/** Whether the way goes on after this round. */
	private boolean round(ReviewRound round) {
		String name = round.name(this.locale);
		int reached = this.application.getRoundNo();
		if (this.status == ApplicationStatus.DRAFT || this.status == ApplicationStatus.SUBMITTED
				|| round.getRoundNo() > reached) {
			add("submission.timeline.round.pending", null, State.PENDING, name);
		}
		else if (round.getRoundNo() < reached) {
			add("submission.timeline.round.advanced", round.getCutConfirmedAt(), State.DONE, name);
		}
		else if (this.status == ApplicationStatus.NOT_ADVANCED) {
			add("submission.timeline.round.notAdvanced", round.getCutConfirmedAt(), State.FAILED, name);
			return false;
		}
		else if (this.status == ApplicationStatus.IN_REVIEW) {
			add(currentRoundKey(round), round.getOpenedAt(), State.CURRENT, name);
		}
		else {
			add("submission.timeline.round.decided", round.getCutConfirmedAt(), State.DONE, name);
		}
		return true;
	}

	private static String currentRoundKey(ReviewRound round) {
		if (round.getStatus() == RoundStatus.PENDING) {
			return "submission.timeline.round.waiting";
		}
		return (round.getStatus() == RoundStatus.OPEN) ? "submission.timeline.round.reviewing"
				: "submission.timeline.round.deciding";
	}

	private void outcome() {
		switch (this.status) {
			case WINNER -> add("submission.timeline.outcome.winner", this.campaign.getPublishedAt(), State.DONE);
			case FINALIST -> add("submission.timeline.outcome.finalist", this.campaign.getPublishedAt(), State.DONE);
			default -> add("submission.timeline.outcome.pending", null, State.PENDING);
		}
	}

	private void add(String key, Instant at, State state, Object... args) {
		this.steps.add(new Step(key, args, at, state));
	}

}
