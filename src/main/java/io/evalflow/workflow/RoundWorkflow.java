package io.evalflow.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.review.AssignmentService;
import io.evalflow.review.ReviewService;
import io.evalflow.review.RoundAssignment;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.task.service.delegate.DelegateTask;

import org.springframework.stereotype.Component;

/**
 * Delegates of {@code processes/review-round.bpmn} and of the round part of
 * {@code processes/application.bpmn}. Each step asks a module service to do the work and
 * only passes messages between the processes.
 */
@Component("roundWorkflow")
class RoundWorkflow {

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final ReviewService reviews;

	private final RankingService ranking;

	private final AssignmentService assignments;

	private final Messages messages;

	private final ReviewTasks reviewTasks;

	RoundWorkflow(CampaignService campaigns, SubmissionService submissions, ReviewService reviews,
			RankingService ranking, AssignmentService assignments, Messages messages, ReviewTasks reviewTasks) {
		this.reviewTasks = reviewTasks;
		this.assignments = assignments;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.reviews = reviews;
		this.ranking = ranking;
		this.messages = messages;
	}

	/**
	 * Admits the round's applications and draws their experts (随机遴选) as a proposal for
	 * the organizer. Runs as its own job; a redraw comes back here with the new seed.
	 */
	public void planAssignment(DelegateExecution execution) {
		ReviewRound round = this.campaigns.round(CampaignWorkflow.campaignId(execution), roundNo(execution));
		List<Application> applications = this.submissions.inRound(round.getCampaignId(), round.getRoundNo());
		this.ranking.admit(round, applications);
		Object seed = execution.getVariable("seed");
		boolean redraw = Boolean.TRUE.equals(execution.getVariable("redraw"));
		this.assignments.plan(round.getId(), applications, (seed != null) ? ((Number) seed).longValue() : null, redraw);
		execution.setVariable("roundEmpty", applications.isEmpty());
		execution.setVariable("redraw", false);
		execution.removeVariable("seed");
	}

	/**
	 * Opens the round with its deadline once the organizer has confirmed the assignment,
	 * and cuts the release into chunks.
	 */
	public void openRound(DelegateExecution execution) {
		ReviewRound round = this.campaigns.openRound(CampaignWorkflow.campaignId(execution), roundNo(execution));
		execution.setVariable("roundDeadline", round.getDeadline().toString());
		int chunks = this.assignments.assignment(round.getId()).map(RoundAssignment::chunks).orElse(0);
		execution.setVariable("releaseChunks", new ArrayList<>(IntStream.range(0, chunks).boxed().toList()));
	}

	/**
	 * Releases one chunk of the assignment: its reviews go to their experts and each
	 * application's process opens its review tasks. One job, one transaction per chunk.
	 */
	public void releaseChunk(DelegateExecution execution) {
		ReviewRound round = this.campaigns.round(CampaignWorkflow.campaignId(execution), roundNo(execution));
		String deadline = round.getDeadline().toString();
		try {
			Map<Long, List<Long>> released = this.assignments.releaseNext(round.getId());
			Map<Long, String> processes = this.submissions.processInstanceIds(released.keySet());
			Map<String, Map<String, Object>> variables = new HashMap<>();
			released.keySet()
				.forEach(applicationId -> variables.put(processes.get(applicationId),
						Map.of("roundNo", round.getRoundNo(), "roundDeadline", deadline)));
			this.messages.sendAll(ProcessKeys.ROUND_OPENED, variables);
			this.assignments.finishRelease();
		}
		catch (RuntimeException ex) {
			this.assignments.abandonRelease();
			throw ex;
		}
	}

	/** The reviews an application's process opens tasks for in its current round. */
	public List<Long> reviewsOf(DelegateExecution execution) {
		ReviewRound round = this.campaigns.round(CampaignWorkflow.campaignId(execution), roundNo(execution));
		return this.reviews.releasedReviewIds(round.getId(), applicationId(execution));
	}

	/** The assignee of a review task: the review's expert. */
	public String assigneeOf(Long reviewId) {
		return this.reviews.assigneeOf(reviewId);
	}

	public void reviewTaskCreated(DelegateTask task) {
		this.reviews.taskCreated(((Number) task.getVariable("reviewId")).longValue(), task.getId());
	}

	/**
	 * All of an application's reviews are in; the last application of the round tells the
	 * round. A reopened review still out leaves that to its resubmission.
	 */
	public void applicationReviewed(DelegateExecution execution) {
		Long campaignId = CampaignWorkflow.campaignId(execution);
		Integer roundNo = roundNo(execution);
		ReviewRound round = this.campaigns.round(campaignId, roundNo);
		if (!this.reviewTasks.applicationMayComplete(round.getId(), applicationId(execution))) {
			return;
		}
		long remaining = this.ranking.markReviewsComplete(round.getId(), applicationId(execution));
		if (remaining == 0) {
			this.messages.sendToRound(campaignId, roundNo, ProcessKeys.REVIEWS_COMPLETE);
		}
	}

	/**
	 * Closes unfinished reviews and vacant places (the deadline passed), then ranks and
	 * proposes the cut.
	 */
	public void rankRound(DelegateExecution execution) {
		ReviewRound round = this.campaigns.round(CampaignWorkflow.campaignId(execution), roundNo(execution));
		Set<Long> unfinished = this.reviews.closeOpenReviews(round.getId());
		this.reviewTasks.closeReopened(round.getId());
		for (Long applicationId : unfinished) {
			this.messages.send(this.submissions.get(applicationId).getProcessInstanceId(), ProcessKeys.ROUND_CLOSED,
					Map.of());
		}
		this.ranking.rank(round.getId());
		this.campaigns.roundRanked(round.getId());
	}

	/** Applies the confirmed cut to each application and tells its process. */
	public void applyCut(DelegateExecution execution) {
		ReviewRound round = this.campaigns.round(CampaignWorkflow.campaignId(execution), roundNo(execution));
		boolean finalRound = round.isFinalRound();
		for (RoundResult result : this.ranking.results(round.getId())) {
			boolean advanced = Boolean.TRUE.equals(result.getAdvanced());
			this.submissions.roundDecided(result.getApplicationId(), round.getRoundNo(), advanced, finalRound);
			this.messages.send(this.submissions.get(result.getApplicationId()).getProcessInstanceId(),
					ProcessKeys.ROUND_DECIDED, Map.of("advanced", advanced, "finalRound", finalRound));
		}
	}

	private static Integer roundNo(DelegateExecution execution) {
		return ((Number) execution.getVariable("roundNo")).intValue();
	}

	private static Long applicationId(DelegateExecution execution) {
		return ((Number) execution.getVariable("applicationId")).longValue();
	}

}
