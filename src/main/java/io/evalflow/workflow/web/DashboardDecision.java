package io.evalflow.workflow.web;

import java.util.Arrays;
import java.util.Optional;

import io.evalflow.campaign.PipelineDecision;

/**
 * The decisions taken on the console itself. The formal check and the cut have screens of
 * their own, whose services check more than the process does.
 */
enum DashboardDecision {

	PUBLISH_CALL(PipelineDecision.PUBLISH_CALL, false, false),
	// Closing before the deadline and publishing cannot be undone: both ask for an
	// explicit confirmation.
	CLOSE_SUBMISSIONS(PipelineDecision.CLOSE_SUBMISSIONS, false, true),
	START_ROUND(PipelineDecision.START_ROUND, true, false),
	PUBLISH_RESULTS(PipelineDecision.PUBLISH_RESULTS, false, true);

	private final String step;

	private final boolean perRound;

	private final boolean needsConfirmation;

	DashboardDecision(String step, boolean perRound, boolean needsConfirmation) {
		this.step = step;
		this.perRound = perRound;
		this.needsConfirmation = needsConfirmation;
	}

	static Optional<DashboardDecision> of(String step) {
		return Arrays.stream(values()).filter(d -> d.step.equals(step)).findFirst();
	}

	String step() {
		return this.step;
	}

	boolean perRound() {
		return this.perRound;
	}

	boolean needsConfirmation() {
		return this.needsConfirmation;
	}

	String doneMessageKey() {
		return "workflow.decision.done." + this.step;
	}

}
