package io.evalflow.workflow;

import java.util.ArrayList;
import java.util.Map;

import io.evalflow.campaign.CampaignCreated;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.review.ReviewSubmitted;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.ApplicationSubmitted;
import io.evalflow.submission.ApplicationWithdrawn;
import io.evalflow.submission.EligibilityDecided;
import io.evalflow.submission.SubmissionService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the processes on the modules' events. Listeners run synchronously in the
 * publisher's transaction: the engine and the domain tables commit or roll back together.
 */
@Component
class PipelineListener {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final Messages messages;

	private final ReviewTasks reviewTasks;

	PipelineListener(RuntimeService runtime, TaskService tasks, CampaignService campaigns,
			SubmissionService submissions, Messages messages, ReviewTasks reviewTasks) {
		this.reviewTasks = reviewTasks;
		this.runtime = runtime;
		this.tasks = tasks;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.messages = messages;
	}

	@EventListener
	void on(CampaignCreated event) {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(ProcessKeys.CAMPAIGN,
				ProcessKeys.campaignKey(event.campaignId()),
				Map.of("campaignId", event.campaignId(), "submissionDeadline", event.submissionDeadline().toString(),
						"roundNumbers", new ArrayList<>(event.roundNumbers())));
		this.campaigns.processStarted(event.campaignId(), instance.getId());
	}

	@EventListener
	void on(PipelineDecision decision) {
		TaskQuery query = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(ProcessKeys.campaignKey(decision.campaignId()))
			.taskDefinitionKey(decision.step());
		if (decision.roundNo() != null) {
			query = query.processVariableValueEquals("roundNo", decision.roundNo());
		}
		Task task = query.singleResult();
		if (task == null) {
			throw new DomainException("pipeline.error.notNow", decision.step());
		}
		this.tasks.setAssignee(task.getId(), decision.actor());
		this.tasks.complete(task.getId(), decision.variables());
	}

	@EventListener
	void on(ApplicationSubmitted event) {
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(ProcessKeys.APPLICATION,
				ProcessKeys.applicationKey(event.applicationId()),
				Map.of("applicationId", event.applicationId(), "campaignId", event.campaignId()));
		this.submissions.processStarted(event.applicationId(), instance.getId());
	}

	@EventListener
	void on(ApplicationWithdrawn event) {
		requireDelivered(this.messages.send(event.processInstanceId(), ProcessKeys.APPLICATION_WITHDRAWN, Map.of()));
	}

	@EventListener
	void on(EligibilityDecided event) {
		requireDelivered(this.messages.send(event.processInstanceId(), ProcessKeys.ELIGIBILITY_DECIDED,
				Map.of("eligible", event.eligible())));
	}

	@EventListener
	void on(ReviewSubmitted event) {
		Task task = (event.taskId() != null) ? this.tasks.createTaskQuery().taskId(event.taskId()).singleResult()
				: null;
		if (task == null || !event.expertUsername().equals(task.getAssignee())) {
			throw new DomainException("review.error.noTask");
		}
		this.tasks.complete(task.getId());
		if (task.getProcessInstanceId() == null) {
			this.reviewTasks.reopenedReviewSubmitted(event.roundId(), event.applicationId());
		}
	}

	private static void requireDelivered(boolean delivered) {
		if (!delivered) {
			throw new DomainException("pipeline.error.notWaiting");
		}
	}

}
