package io.evalflow.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.evalflow.campaign.PipelineDecision;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions a campaign waits for: the engine's open user tasks of the campaign
 * process and of its review-round sub-processes, which inherit the campaign's business
 * key. Application processes carry their own keys, so experts' tasks never show here.
 */
@Service
@Transactional(readOnly = true)
public class OrganizerTasks {

	private static final Set<String> ROUND_STEPS = Set.of(PipelineDecision.START_ROUND,
			PipelineDecision.CONFIRM_ASSIGNMENT, PipelineDecision.CONFIRM_CUT);

	private final TaskService tasks;

	OrganizerTasks(TaskService tasks) {
		this.tasks = tasks;
	}

	public List<PendingStep> pending(Long campaignId) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(ProcessKeys.campaignKey(campaignId))
			.includeProcessVariables()
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(OrganizerTasks::step)
			.toList();
	}

	private static PendingStep step(Task task) {
		String step = task.getTaskDefinitionKey();
		Object roundNo = ROUND_STEPS.contains(step) ? task.getProcessVariables().get("roundNo") : null;
		return new PendingStep(step, (roundNo instanceof Number n) ? Integer.valueOf(n.intValue()) : null,
				task.getCreateTime().toInstant());
	}

	/**
	 * @param step the BPMN user task id, one of the
	 * {@link io.evalflow.campaign.PipelineDecision} steps
	 * @param roundNo the round, for the round steps
	 * @param since when the campaign started waiting
	 */
	public record PendingStep(String step, Integer roundNo, Instant since) {
	}

}
