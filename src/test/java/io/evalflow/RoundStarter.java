package io.evalflow;

import java.util.List;

import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentService;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;

import org.springframework.stereotype.Component;

/**
 * Opens a round the way an organizer does: start it, let the engine draw the assignment,
 * confirm the proposal, let the engine release it. Tests run without the async executor,
 * so the engine's jobs are run here, one by one, as the executor would.
 */
@Component
public class RoundStarter {

	private final CampaignService campaigns;

	private final AssignmentService assignments;

	private final ManagementService management;

	RoundStarter(CampaignService campaigns, AssignmentService assignments, ManagementService management) {
		this.campaigns = campaigns;
		this.assignments = assignments;
		this.management = management;
	}

	/**
	 * Starts the round and stops at the proposal, drawn and waiting for the organizer.
	 */
	public ReviewRound propose(Long campaignId, int roundNo) {
		this.campaigns.decide(campaignId, PipelineDecision.START_ROUND, roundNo, "organizer");
		runJobs();
		return this.campaigns.round(campaignId, roundNo);
	}

	/** Starts the round, confirms the drawn assignment and releases it. */
	public ReviewRound open(Long campaignId, int roundNo) {
		ReviewRound round = propose(campaignId, roundNo);
		if (this.assignments.assignment(round.getId())
			.filter(a -> a.getStatus() == io.evalflow.review.RoundAssignment.Status.PROPOSED)
			.isPresent()) {
			this.assignments.confirm(round.getId(), "organizer");
		}
		runJobs();
		return this.campaigns.round(campaignId, roundNo);
	}

	/** Runs the engine's due asynchronous jobs until none is left. */
	public void runJobs() {
		for (int pass = 0; pass < 10_000; pass++) {
			List<Job> jobs = this.management.createJobQuery().list();
			if (jobs.isEmpty()) {
				return;
			}
			this.management.executeJob(jobs.get(0).getId());
		}
		throw new IllegalStateException("the engine's jobs do not run out");
	}

}
