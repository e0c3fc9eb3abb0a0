package io.evalflow.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ExpertDeadlineExtended;
import io.evalflow.review.ReviewDeadlines;
import io.evalflow.review.ReviewTask;
import io.evalflow.review.RoundDeadlineExtended;
import io.evalflow.shared.DomainException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The deadline part of {@code processes/review-round.bpmn} while the round waits for its
 * reviews: the periodic chase, the deadline's check for extensions, and the engine's side
 * of an extension (task due dates, the round's timer).
 */
@Component("deadlineWorkflow")
class DeadlineWorkflow {

	/** Task due dates moved per job after a round's extension. */
	static final int ALIGN_CHUNK = 500;

	private final CampaignService campaigns;

	private final ReviewDeadlines deadlines;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final Clock clock;

	private final Duration chaseInterval;

	DeadlineWorkflow(CampaignService campaigns, ReviewDeadlines deadlines, RuntimeService runtime, TaskService tasks,
			Clock clock, @Value("${evalflow.review.chase-interval:PT6H}") Duration chaseInterval) {
		if (chaseInterval.isNegative() || chaseInterval.isZero()) {
			throw new IllegalArgumentException("evalflow.review.chase-interval must be positive");
		}
		this.campaigns = campaigns;
		this.deadlines = deadlines;
		this.runtime = runtime;
		this.tasks = tasks;
		this.clock = clock;
		this.chaseInterval = chaseInterval;
	}

	/** The chase timer's cycle: every interval, for as long as the round waits. */
	public String chaseCycle() {
		return "R/" + this.chaseInterval;
	}

	/**
	 * One chunk of reminders and overdue notices; the process loops while more remain.
	 */
	public void chaseReviews(DelegateExecution execution) {
		execution.setTransientVariable("chaseMore", this.deadlines.chase(round(execution).getId()));
	}

	/**
	 * The round's deadline timer fired. If an extension reaches beyond now, the round
	 * waits on until the latest due date (the process re-arms its timer there); otherwise
	 * it closes and ranks. Holds the round's lock, as an extension does, so the two do
	 * not pass each other.
	 */
	public void deadlineReached(DelegateExecution execution) {
		ReviewRound round = this.campaigns.lockRound(round(execution).getId());
		Instant until = this.deadlines.waitingUntil(round);
		boolean extended = until.isAfter(this.clock.instant());
		if (extended) {
			execution.setVariable("roundDeadline", until.toString());
		}
		execution.setTransientVariable("deadlineExtended", extended);
	}

	/**
	 * After a round's extension: one chunk of its open reviews' tasks takes the reviews'
	 * due dates. Idempotent; the cursor lives on this pass's execution.
	 */
	public void alignDueDates(DelegateExecution execution) {
		Object cursor = execution.getVariableLocal("alignedUpTo");
		List<ReviewTask> chunk = this.deadlines.openTasks(round(execution).getId(),
				(cursor != null) ? ((Number) cursor).longValue() : 0L, ALIGN_CHUNK);
		setDueDates(chunk.stream().collect(Collectors.toMap(ReviewTask::taskId, ReviewTask::dueAt, (a, b) -> a)));
		if (!chunk.isEmpty()) {
			execution.setVariableLocal("alignedUpTo", chunk.get(chunk.size() - 1).reviewId());
		}
		execution.setTransientVariable("alignMore", chunk.size() == ALIGN_CHUNK);
	}

	@EventListener
	void on(ExpertDeadlineExtended event) {
		setDueDates(event.taskIds().stream().collect(Collectors.toMap(id -> id, id -> event.dueAt(), (a, b) -> a)));
	}

	/**
	 * Tells the waiting round: its deadline variable moves at once (the timer re-arms at
	 * the next loop), and a pass moves the tasks' due dates in chunks.
	 */
	@EventListener
	void on(RoundDeadlineExtended event) {
		Execution waiting = this.runtime.createExecutionQuery()
			.messageEventSubscriptionName(ProcessKeys.ROUND_EXTENDED)
			.processVariableValueEquals("campaignId", event.campaignId())
			.processVariableValueEquals("roundNo", event.roundNo())
			.singleResult();
		if (waiting == null) {
			throw new DomainException("review.error.extension.notWaiting");
		}
		Object current = this.runtime.getVariable(waiting.getProcessInstanceId(), "roundDeadline");
		Instant deadline = (current != null && Instant.parse(current.toString()).isAfter(event.deadline()))
				? Instant.parse(current.toString()) : event.deadline();
		this.runtime.setVariable(waiting.getProcessInstanceId(), "roundDeadline", deadline.toString());
		this.runtime.messageEventReceived(ProcessKeys.ROUND_EXTENDED, waiting.getId());
	}

	private void setDueDates(Map<String, Instant> dueByTask) {
		if (dueByTask.isEmpty()) {
			return;
		}
		for (Task task : this.tasks.createTaskQuery().taskIds(dueByTask.keySet()).list()) {
			Date due = Date.from(dueByTask.get(task.getId()));
			if (task.getDueDate() == null || task.getDueDate().getTime() / 1000 != due.getTime() / 1000) {
				this.tasks.setDueDate(task.getId(), due);
			}
		}
	}

	private ReviewRound round(DelegateExecution execution) {
		return this.campaigns.round(CampaignWorkflow.campaignId(execution),
				((Number) execution.getVariable("roundNo")).intValue());
	}

}
