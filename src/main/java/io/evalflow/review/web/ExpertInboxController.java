package io.evalflow.review.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The expert's start screen: open review tasks, earliest deadline first, their progress
 * in each open round, and the reviews already submitted.
 */
@Controller
class ExpertInboxController {

	static final String VIEW = "review/inbox";

	private final ReviewService reviews;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final Clock clock;

	ExpertInboxController(ReviewService reviews, CampaignService campaigns, SubmissionService submissions,
			Clock clock) {
		this.reviews = reviews;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.clock = clock;
	}

	@GetMapping("/expert")
	String inbox(@AuthenticationPrincipal CurrentUser expert, Model model, Locale locale) {
		Instant now = this.clock.instant();
		Map<Long, Campaign> campaignCache = new HashMap<>();
		List<Task> tasks = this.reviews.inbox(expert).stream().map(item -> {
			Campaign campaign = campaignCache.computeIfAbsent(item.round().getCampaignId(), this.campaigns::get);
			Application application = item.application();
			Instant due = (item.dueDate() != null) ? item.dueDate().toInstant() : item.review().getDueAt();
			DueState state = DueState.of(due, now);
			return new Task(item.review().getId(), campaign.getName(), item.round().name(locale),
					application.getReferenceNo(), campaign.category(application.getCategoryId()).name(locale),
					application.getTitle(), due, state == DueState.OVERDUE, state == DueState.DUE_SOON,
					item.review().getStatus());
		}).toList();
		List<Progress> progress = this.reviews.ownProgress(expert).stream().map(p -> {
			Campaign campaign = campaignCache.computeIfAbsent(p.round().getCampaignId(), this.campaigns::get);
			int percent = (p.assigned() == 0) ? 0 : (int) (100 * p.submitted() / p.assigned());
			return new Progress(campaign.getName(), p.round().name(locale), p.round().getDeadline(), p.assigned(),
					p.submitted(), percent);
		}).toList();
		List<Submitted> history = this.reviews.history(expert).stream().map(review -> {
			ReviewRound round = this.campaigns.round(review.getRoundId());
			Campaign campaign = campaignCache.computeIfAbsent(round.getCampaignId(), this.campaigns::get);
			Application application = this.submissions.get(review.getApplicationId());
			return new Submitted(review.getId(), campaign.getName(), round.name(locale), application.getReferenceNo(),
					application.getTitle(), review.getSubmittedAt(), review.getTotal());
		}).toList();
		model.addAttribute("tasks", tasks);
		model.addAttribute("progress", progress);
		model.addAttribute("history", history);
		return VIEW;
	}

	/** An open review task as a row of the inbox. */
	public record Task(Long reviewId, String campaignName, String roundName, String referenceNo, String categoryName,
			String title, Instant due, boolean overdue, boolean dueSoon, ReviewStatus status) {
	}

	/** The expert's reviews in one open round. */
	public record Progress(String campaignName, String roundName, Instant deadline, long assigned, long submitted,
			int percent) {
	}

	/** A review the expert has submitted. */
	public record Submitted(Long reviewId, String campaignName, String roundName, String referenceNo, String title,
			Instant submittedAt, BigDecimal total) {
	}

}
