package io.evalflow.workflow;

import java.util.Date;

import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.ranking.RankingService;
import io.evalflow.review.ReviewReassigned;
import io.evalflow.review.ReviewReopened;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewVacated;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.SubmissionService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The experts' review tasks after their release: a place that changes hands keeps its
 * task, which goes to the new expert and stands for their review; a vacant place's task
 * waits unassigned; a reopened review gets a task of its own, outside the application's
 * process, and its resubmission does the round's bookkeeping the process did the first
 * time. Listeners run in the publisher's transaction.
 */
@Component
class ReviewTasks {

	/** The category of the tasks of reopened reviews, which belong to no process. */
	static final String REOPENED = "reopened-review";

	static final String REVIEW_TASK = "score-application";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final ReviewService reviews;

	private final RankingService ranking;

	private final Messages messages;

	ReviewTasks(TaskService tasks, RuntimeService runtime, CampaignService campaigns, SubmissionService submissions,
			ReviewService reviews, RankingService ranking, Messages messages) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.reviews = reviews;
		this.ranking = ranking;
		this.messages = messages;
	}

	@EventListener
	void on(ReviewReassigned event) {
		Task task = existing(event.taskId());
		this.tasks.setAssignee(task.getId(), event.assignee());
		if (task.getExecutionId() != null) {
			this.runtime.setVariableLocal(task.getExecutionId(), "reviewId", event.reviewId());
		}
		else {
			this.tasks.setVariableLocal(task.getId(), "reviewId", event.reviewId());
		}
	}

	@EventListener
	void on(ReviewVacated event) {
		this.tasks.setAssignee(existing(event.taskId()).getId(), null);
	}

	/**
	 * The review's engine task was completed when it was first submitted: it gets a new
	 * one, and its application waits for reviews again.
	 */
	@EventListener
	void on(ReviewReopened event) {
		this.ranking.markReviewsIncomplete(event.roundId(), event.applicationId());
		Task task = this.tasks.newTask();
		task.setName(REVIEW_TASK);
		task.setCategory(REOPENED);
		task.setAssignee(event.assignee());
		task.setDueDate((event.dueAt() != null) ? Date.from(event.dueAt()) : null);
		this.tasks.saveTask(task);
		this.tasks.setVariableLocal(task.getId(), "reviewId", event.reviewId());
		this.tasks.setVariableLocal(task.getId(), "roundId", event.roundId());
		this.reviews.taskCreated(event.reviewId(), task.getId());
	}

	/**
	 * A reopened review was submitted again and its own task completed. If nothing else
	 * of the application is out (no other reopened review, no task left in its process),
	 * the application's reviews are complete again, and the last application tells the
	 * round. The round's row is locked first, as when the process completes an
	 * application, so the two paths see each other's work.
	 */
	void reopenedReviewSubmitted(Long roundId, Long applicationId) {
		ReviewRound round = this.campaigns.lockRound(roundId);
		if (this.reviews.hasOpenReviews(roundId, applicationId) || reviewTasksOpen(applicationId)) {
			return;
		}
		if (this.ranking.markReviewsComplete(roundId, applicationId) == 0) {
			this.messages.sendToRound(round.getCampaignId(), round.getRoundNo(), ProcessKeys.REVIEWS_COMPLETE);
		}
	}

	/**
	 * Whether the application process may mark the application's reviews complete: not
	 * while a reopened review of it is out, whose resubmission will.
	 */
	boolean applicationMayComplete(Long roundId, Long applicationId) {
		this.campaigns.lockRound(roundId);
		return !this.reviews.hasOpenReviews(roundId, applicationId);
	}

	/** The round closed: the tasks of reopened reviews not submitted again go with it. */
	void closeReopened(Long roundId) {
		for (Task task : this.tasks.createTaskQuery()
			.taskCategory(REOPENED)
			.taskVariableValueEquals("roundId", roundId)
			.list()) {
			this.tasks.deleteTask(task.getId(), "round closed");
		}
	}

	private boolean reviewTasksOpen(Long applicationId) {
		String processInstanceId = this.submissions.get(applicationId).getProcessInstanceId();
		return processInstanceId != null && this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(REVIEW_TASK)
			.count() > 0;
	}

	private Task existing(String taskId) {
		Task task = (taskId != null) ? this.tasks.createTaskQuery().taskId(taskId).singleResult() : null;
		if (task == null) {
			throw new DomainException("review.error.noTask");
		}
		return task;
	}

}
