package io.evalflow.workflow.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.ReviewService;
import io.evalflow.review.RoundAssignment;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
import io.evalflow.workflow.OrganizerTasks;
import io.evalflow.workflow.OrganizerTasks.PendingStep;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The organizer's campaigns and each campaign's console: where its applications stand,
 * how its rounds progress and which decisions the process waits for.
 */
@Controller
@RequestMapping("/organizer")
class CampaignConsoleController {

	static final String CAMPAIGNS_VIEW = "workflow/campaigns";

	static final String DASHBOARD_VIEW = "workflow/dashboard";

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final ReviewService reviews;

	private final OrganizerTasks tasks;

	private final AssignmentService assignments;

	CampaignConsoleController(CampaignService campaigns, SubmissionService submissions, ReviewService reviews,
			OrganizerTasks tasks, AssignmentService assignments) {
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.reviews = reviews;
		this.tasks = tasks;
		this.assignments = assignments;
	}

	@GetMapping
	String campaigns(Model model) {
		List<CampaignRow> rows = this.campaigns.all()
			.stream()
			.map(c -> CampaignRow.of(c, this.submissions.statusTotals(c.getId())))
			.toList();
		model.addAttribute("campaigns", rows);
		return CAMPAIGNS_VIEW;
	}

	@GetMapping("/campaigns/{id}")
	String dashboard(@PathVariable Long id, Model model) {
		Campaign campaign = this.campaigns.get(id);
		StageTable stages = StageTable.of(campaign, this.submissions.stageCounts(id));
		model.addAttribute("campaign", campaign);
		model.addAttribute("stages", stages);
		model.addAttribute("received", stages.total() - stages.count(ApplicationStatus.DRAFT));
		model.addAttribute("drafts", stages.count(ApplicationStatus.DRAFT));
		model.addAttribute("inReview", stages.count(ApplicationStatus.IN_REVIEW));
		model.addAttribute("finalists",
				stages.count(ApplicationStatus.FINALIST) + stages.count(ApplicationStatus.WINNER));
		model.addAttribute("winners", stages.count(ApplicationStatus.WINNER));
		model.addAttribute("rounds",
				campaign.getRounds().stream().map(r -> RoundProgress.of(r, this.reviews.progress(r.getId()))).toList());
		Map<Long, RoundAssignment.Status> assignments = new HashMap<>();
		campaign.getRounds()
			.forEach(r -> this.assignments.assignment(r.getId())
				.ifPresent(a -> assignments.put(r.getId(), a.getStatus())));
		model.addAttribute("assignments", assignments);
		model.addAttribute("tasks",
				this.tasks.pending(id).stream().map(step -> WaitingTask.of(campaign, step)).toList());
		return DASHBOARD_VIEW;
	}

	/** A campaign of the list with its headline counts. */
	record CampaignRow(Campaign campaign, long drafts, long received, long inReview, long winners) {

		static CampaignRow of(Campaign campaign, Map<ApplicationStatus, Long> totals) {
			long all = totals.values().stream().mapToLong(Long::longValue).sum();
			long drafts = totals.getOrDefault(ApplicationStatus.DRAFT, 0L);
			return new CampaignRow(campaign, drafts, all - drafts, totals.getOrDefault(ApplicationStatus.IN_REVIEW, 0L),
					totals.getOrDefault(ApplicationStatus.WINNER, 0L));
		}

	}

	/** A decision the process waits for, with the round it concerns, if any. */
	record WaitingTask(String step, ReviewRound round, java.time.Instant since) {

		static WaitingTask of(Campaign campaign, PendingStep step) {
			ReviewRound round = (step.roundNo() != null) ? campaign.round(step.roundNo()) : null;
			return new WaitingTask(step.step(), round, step.since());
		}

	}

}
