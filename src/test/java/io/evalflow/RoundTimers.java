package io.evalflow;

import java.util.Optional;

import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;

import org.springframework.stereotype.Component;

/**
 * The timers of a round's process, fired the way the async executor would once they fall
 * due. The engine reads the application's clock, so a test moves time with
 * {@link MutableTestClock} and then asks which timers are due.
 */
@Component
public class RoundTimers {

	private final RuntimeService runtime;

	private final ManagementService management;

	private final RoundStarter rounds;

	RoundTimers(RuntimeService runtime, ManagementService management, RoundStarter rounds) {
		this.runtime = runtime;
		this.management = management;
		this.rounds = rounds;
	}

	/** The running review-round process of the campaign's round. */
	public String roundProcess(Long campaignId, int roundNo) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("review-round")
			.variableValueEquals("campaignId", campaignId)
			.variableValueEquals("roundNo", roundNo)
			.singleResult();
		return (instance != null) ? instance.getId() : null;
	}

	/** The process's timer at that BPMN element, if one is armed. */
	public Optional<Job> timer(String processInstanceId, String elementId) {
		return Optional.ofNullable(this.management.createTimerJobQuery()
			.processInstanceId(processInstanceId)
			.elementId(elementId)
			.singleResult());
	}

	/**
	 * Fires the timer if it is due by the engine's clock, then runs the jobs it leaves.
	 * @return whether it was due
	 */
	public boolean fireIfDue(String processInstanceId, String elementId) {
		Job due = this.management.createTimerJobQuery()
			.processInstanceId(processInstanceId)
			.elementId(elementId)
			.executable()
			.singleResult();
		if (due == null) {
			return false;
		}
		run(due);
		return true;
	}

	/**
	 * Fires the timer now, due or not, as a late executor or a second node would run it
	 * again; then runs the jobs it leaves.
	 */
	public void fire(String processInstanceId, String elementId) {
		run(timer(processInstanceId, elementId)
			.orElseThrow(() -> new IllegalStateException("no timer armed at " + elementId)));
	}

	private void run(Job timer) {
		Job executable = this.management.moveTimerToExecutableJob(timer.getId());
		this.management.executeJob(executable.getId());
		this.rounds.runJobs();
	}

}
