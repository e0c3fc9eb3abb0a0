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
import io.evalflow.review.Redaction;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.submission.Application;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The expert's start screen: open review tasks, earliest deadline first, a page at a
 * time, their progress in each open round, and the reviews they submitted last.
 */
@Controller
class ExpertInboxController {

	static final String VIEW = "review/inbox";

	/** The latest submitted reviews shown under the open ones. */
	static final int HISTORY_SHOWN = 20;

	private final ReviewService reviews;

	private final CampaignService campaigns;

	private final ExpertReading reading;

	private final Clock clock;

	ExpertInboxController(ReviewService reviews, CampaignService campaigns, ExpertReading reading, Clock clock) {
		this.reviews = reviews;
		this.campaigns = campaigns;
		this.reading = reading;
		this.clock = clock;
	}

	/**
	 * One read-only transaction for the whole page, so the campaigns the workspace's
	 * rounds brought along are not read again for their names.
	 */
	@GetMapping("/expert")
	@Transactional(readOnly = true)
	String inbox(@AuthenticationPrincipal CurrentUser expert, @RequestParam(defaultValue = "0") int page, Model model,
			Locale locale) {
		Instant now = this.clock.instant();
		Map<Long, Campaign> campaignCache = new HashMap<>();
		ReviewService.Workspace workspace = this.reviews.workspace(expert, page, HISTORY_SHOWN);
		ReviewService.InboxPage inbox = workspace.inbox();
		List<ReviewService.SubmittedItem> submitted = workspace.history();
		Map<Long, Application> blind = new HashMap<>();
		inbox.items()
			.stream()
			.filter(item -> item.round().isBlind())
			.forEach(item -> blind.put(item.application().getId(), item.application()));
		submitted.stream()
			.filter(item -> item.round().isBlind())
			.forEach(item -> blind.put(item.application().getId(), item.application()));
		Map<Long, Redaction> redactions = this.reading.redactions(blind.values());
		List<Task> tasks = inbox.items().stream().map(item -> {
			Campaign campaign = campaignCache.computeIfAbsent(item.round().getCampaignId(), this.campaigns::get);
			Application application = item.application();
			DueState state = DueState.of(item.dueAt(), now);
			return new Task(item.reviewId(), campaign.getName(), item.round().name(locale),
					application.getReferenceNo(), campaign.category(application.getCategoryId()).name(locale),
					title(application, redactions), item.dueAt(), state == DueState.OVERDUE, state == DueState.DUE_SOON,
					item.status());
		}).toList();
		List<Progress> progress = workspace.progress().stream().map(p -> {
			Campaign campaign = campaignCache.computeIfAbsent(p.round().getCampaignId(), this.campaigns::get);
			int percent = (p.assigned() == 0) ? 0 : (int) (100 * p.submitted() / p.assigned());
			return new Progress(campaign.getName(), p.round().name(locale), p.round().getDeadline(), p.assigned(),
					p.submitted(), percent);
		}).toList();
		List<Submitted> history = submitted.stream().map(item -> {
			Campaign campaign = campaignCache.computeIfAbsent(item.round().getCampaignId(), this.campaigns::get);
			return new Submitted(item.reviewId(), campaign.getName(), item.round().name(locale),
					item.application().getReferenceNo(), title(item.application(), redactions), item.submittedAt(),
					item.total());
		}).toList();
		model.addAttribute("tasks", tasks);
		model.addAttribute("page", inbox.page());
		model.addAttribute("hasNext", inbox.hasNext());
		model.addAttribute("progress", progress);
		model.addAttribute("history", history);
		model.addAttribute("historyShown", HISTORY_SHOWN);
		return VIEW;
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
