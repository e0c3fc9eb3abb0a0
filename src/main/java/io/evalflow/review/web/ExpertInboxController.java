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
import io.evalflow.review.Redaction;
import io.evalflow.review.Review;
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

	private final ExpertReading reading;

	private final Clock clock;

	ExpertInboxController(ReviewService reviews, CampaignService campaigns, SubmissionService submissions,
			ExpertReading reading, Clock clock) {
		this.reviews = reviews;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.reading = reading;
		this.clock = clock;
	}

	@GetMapping("/expert")
	String inbox(@AuthenticationPrincipal CurrentUser expert, Model model, Locale locale) {
		Instant now = this.clock.instant();
		Map<Long, Campaign> campaignCache = new HashMap<>();
		List<ReviewService.InboxItem> items = this.reviews.inbox(expert);
		List<Review> submitted = this.reviews.history(expert);
		Map<Long, ReviewRound> rounds = new HashMap<>();
		items.forEach(item -> rounds.put(item.round().getId(), item.round()));
		submitted.forEach(review -> rounds.computeIfAbsent(review.getRoundId(), this.campaigns::round));
		Map<Long, Application> applications = new HashMap<>();
		items.forEach(item -> applications.put(item.application().getId(), item.application()));
		submitted.forEach(review -> applications.computeIfAbsent(review.getApplicationId(), this.submissions::get));
		Map<Long, Redaction> redactions = this.reading.redactions(blindOnes(items, submitted, rounds, applications));
		List<Task> tasks = items.stream().map(item -> {
			Campaign campaign = campaignCache.computeIfAbsent(item.round().getCampaignId(), this.campaigns::get);
			Application application = item.application();
			Instant due = (item.dueDate() != null) ? item.dueDate().toInstant() : item.review().getDueAt();
			DueState state = DueState.of(due, now);
			return new Task(item.review().getId(), campaign.getName(), item.round().name(locale),
					application.getReferenceNo(), campaign.category(application.getCategoryId()).name(locale),
					title(application, redactions), due, state == DueState.OVERDUE, state == DueState.DUE_SOON,
					item.review().getStatus());
		}).toList();
		List<Progress> progress = this.reviews.ownProgress(expert).stream().map(p -> {
			Campaign campaign = campaignCache.computeIfAbsent(p.round().getCampaignId(), this.campaigns::get);
			int percent = (p.assigned() == 0) ? 0 : (int) (100 * p.submitted() / p.assigned());
			return new Progress(campaign.getName(), p.round().name(locale), p.round().getDeadline(), p.assigned(),
					p.submitted(), percent);
		}).toList();
		List<Submitted> history = submitted.stream().map(review -> {
			ReviewRound round = rounds.get(review.getRoundId());
			Campaign campaign = campaignCache.computeIfAbsent(round.getCampaignId(), this.campaigns::get);
			Application application = applications.get(review.getApplicationId());
			return new Submitted(review.getId(), campaign.getName(), round.name(locale), application.getReferenceNo(),
					title(application, redactions), review.getSubmittedAt(), review.getTotal());
		}).toList();
		model.addAttribute("tasks", tasks);
		model.addAttribute("progress", progress);
		model.addAttribute("history", history);
		return VIEW;
	}

	/** The applications this expert reads in a blind round. */
	private static List<Application> blindOnes(List<ReviewService.InboxItem> items, List<Review> submitted,
			Map<Long, ReviewRound> rounds, Map<Long, Application> applications) {
		Map<Long, Application> blind = new HashMap<>();
		items.stream()
			.filter(item -> item.round().isBlind())
			.forEach(item -> blind.put(item.application().getId(), item.application()));
		submitted.stream()
			.filter(review -> rounds.get(review.getRoundId()).isBlind())
			.forEach(review -> blind.put(review.getApplicationId(), applications.get(review.getApplicationId())));
		return List.copyOf(blind.values());
	}

	private static String title(Application application, Map<Long, Redaction> redactions) {
		return redactions.getOrDefault(application.getId(), Redaction.none()).apply(application.getTitle());
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
