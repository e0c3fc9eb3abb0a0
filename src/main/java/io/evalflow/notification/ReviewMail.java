package io.evalflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentReleased;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertDeadlineExtended;
import io.evalflow.review.ExpertJoined;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewReassigned;
import io.evalflow.review.ReviewReminderDue;
import io.evalflow.review.ReviewReopened;
import io.evalflow.review.ReviewService;
import io.evalflow.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The experts' e-mails: an invitation when they join the pool, their assignment once a
 * round's reviews are all released, a replacement review, a reopened review, a reminder
 * before the due date, an overdue notice and an extension. Each is enqueued in the
 * transaction of the event, under a key naming the occasion, so an engine job run twice
 * writes it once. The e-mails name campaigns, rounds, counts and dates, never an
 * application or an applicant: they are safe in blind rounds. Experts without an e-mail
 * address get none (the inbox still shows everything).
 */
@Component
class ReviewMail {

	private static final Logger log = LoggerFactory.getLogger(ReviewMail.class);

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Outbox outbox;

	private final ReviewService reviews;

	private final ExpertService experts;

	private final CampaignService campaigns;

	private final Clock clock;

	private final String inbox;

	private final String signIn;

	ReviewMail(Outbox outbox, ReviewService reviews, ExpertService experts, CampaignService campaigns, Clock clock,
			@Value("${evalflow.base-url:http://localhost:8080}") String baseUrl) {
		this.outbox = outbox;
		this.reviews = reviews;
		this.experts = experts;
		this.campaigns = campaigns;
		this.clock = clock;
		this.inbox = baseUrl.replaceAll("/+$", "") + "/expert";
		this.signIn = baseUrl.replaceAll("/+$", "") + "/login";
	}

	@EventListener
	void on(ExpertJoined event) {
		Expert expert = this.experts.get(event.expertId());
		send(expert, MailTemplate.EXPERT_INVITATION, "expert-invitation:expert-" + expert.getId(), expert.getName(),
				event.username(), this.signIn);
	}

	@EventListener
	void on(AssignmentReleased event) {
		ReviewRound round = this.campaigns.round(event.roundId());
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		for (ReviewService.ExpertProgress progress : this.reviews.progressPerExpert(event.roundId())) {
			Expert expert = progress.expert();
			send(expert, MailTemplate.REVIEW_ASSIGNMENT,
					"review-assignment:round-" + round.getId() + ":expert-" + expert.getId(), expert.getName(),
					campaign.getName(), round.getName(), progress.assigned(), round.getDeadline(), this.inbox);
		}
	}

	@EventListener
	void on(ReviewReminderDue event) {
		ReviewRound round = this.campaigns.round(event.roundId());
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Expert expert = this.experts.get(event.expertId());
		MailTemplate template = event.overdue() ? MailTemplate.REVIEW_OVERDUE : MailTemplate.REVIEW_REMINDER;
		send(expert, template,
				(event.overdue() ? "review-overdue" : "review-reminder") + ":round-" + round.getId() + ":expert-"
						+ expert.getId() + ":due-" + event.dueAt().getEpochSecond(),
				expert.getName(), campaign.getName(), round.getName(), event.reviewIds().size(), event.dueAt(),
				this.inbox);
	}

	@EventListener
	void on(ReviewReassigned event) {
		if (event.reviewId() == null) {
			return;
		}
		Review review = this.reviews.review(event.reviewId());
		aboutReview(review, MailTemplate.REVIEW_REASSIGNED, "review-reassigned:review-" + review.getId(),
				review.getDueAt());
	}

	@EventListener
	void on(ReviewReopened event) {
		Review review = this.reviews.review(event.reviewId());
		aboutReview(review, MailTemplate.REVIEW_REOPENED,
				"review-reopened:review-" + review.getId() + ":at-" + this.clock.instant().toEpochMilli(),
				event.dueAt());
	}

	@EventListener
	void on(ExpertDeadlineExtended event) {
		ReviewRound round = this.campaigns.round(event.roundId());
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Expert expert = this.experts.get(event.expertId());
		send(expert, MailTemplate.DEADLINE_EXTENDED,
				"deadline-extended:round-" + round.getId() + ":expert-" + expert.getId() + ":due-"
						+ event.dueAt().getEpochSecond(),
				expert.getName(), campaign.getName(), round.getName(), event.dueAt(), this.inbox);
	}

	private void aboutReview(Review review, MailTemplate template, String key, Instant dueAt) {
		ReviewRound round = this.campaigns.round(review.getRoundId());
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Expert expert = this.experts.get(review.getExpertId());
		send(expert, template, key, expert.getName(), campaign.getName(), round.getName(),
				(dueAt != null) ? dueAt : round.getDeadline(), this.inbox);
	}

	private void send(Expert expert, MailTemplate template, String key, Object... args) {
		if (!StringUtils.hasText(expert.getEmail())) {
			log.debug("expert {} has no e-mail address; {} not enqueued", expert.getId(), key);
			return;
		}
		try {
			this.outbox.enqueue(OutgoingMail.of(template, key, expert.getEmail(), CHINESE, args));
		}
		catch (DomainException refused) {
			// An address the outbox will not take must not hold up a round's release.
			log.warn("expert {}: {} not enqueued: {}", expert.getId(), key, refused.getMessage());
		}
	}

}
