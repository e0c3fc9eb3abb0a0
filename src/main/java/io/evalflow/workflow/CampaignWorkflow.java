package io.evalflow.workflow;

import io.evalflow.campaign.CampaignService;
import org.flowable.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * Delegates of {@code processes/campaign.bpmn}.
 */
@Component("campaignWorkflow")
class CampaignWorkflow {

	private final CampaignService campaigns;

	CampaignWorkflow(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	public void openCall(DelegateExecution execution) {
		this.campaigns.openCall(campaignId(execution));
	}

	public void closeCall(DelegateExecution execution) {
		this.campaigns.closeCall(campaignId(execution));
	}

	public void finishFormalCheck(DelegateExecution execution) {
		this.campaigns.startReview(campaignId(execution));
	}

	public void publish(DelegateExecution execution) {
		this.campaigns.publish(campaignId(execution));
	}

	static Long campaignId(DelegateExecution execution) {
		return ((Number) execution.getVariable("campaignId")).longValue();
	}

}
