package io.evalflow.review;

import java.time.Clock;
import java.time.Instant;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Role;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * An organizer sends a submitted review back to its expert while the round is still under
 * way, with a reason; the expert corrects it and submits again.
 */
@Service
@Transactional
public class ReopenService {

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReopenService(ReviewRepository reviews, ExpertRepository experts, CampaignService campaigns,
			AccountService accounts, ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.experts = experts;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Reopens the review: a draft again, its scores and comment kept, its total cleared,
	 * the reason and who reopened it on record. The round's row is locked first, so a
	 * reopening and the round's last submission do not cross: once the round is ranked it
	 * is refused, and once its cut is confirmed the round is frozen for good.
	 */
	public Review reopen(CurrentUser organizer, Long reviewId, String reason) {
		if (!organizer.is(Role.ORGANIZER) && !organizer.is(Role.ADMIN)) {
			throw new AccessDeniedException("organizers only");
		}
		if (!StringUtils.hasText(reason)) {
			throw new DomainException("review.error.reopenReasonRequired");
		}
		if (reason.trim().length() > ReplacementService.REASON_MAX) {
			throw new DomainException("review.error.reasonTooLong", ReplacementService.REASON_MAX);
		}
		Review review = this.reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("review", reviewId));
		ReviewRound round = this.campaigns.lockRound(review.getRoundId());
		Instant now = this.clock.instant();
		if (round.getStatus() == RoundStatus.DECIDED) {
			throw new DomainException("review.error.reopenCutConfirmed", round.getName());
		}
		if (round.getStatus() != RoundStatus.OPEN) {
			throw new DomainException("review.error.reopenRoundClosed", round.getName());
		}
		if (round.getDeadline() != null && !now.isBefore(round.getDeadline())) {
			throw new DomainException("review.error.reopenDeadline", round.getName());
		}
		review.reopen(reason.trim(), organizer.getUsername(), now);
		Expert expert = this.experts.findById(review.getExpertId()).orElseThrow();
		this.events.publishEvent(new ReviewReopened(review.getId(), review.getRoundId(), review.getApplicationId(),
				this.accounts.username(expert.getAccountId()), review.getDueAt(), organizer.getUsername(),
				reason.trim()));
		return review;
	}

}
