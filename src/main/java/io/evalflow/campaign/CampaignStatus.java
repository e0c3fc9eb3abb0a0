package io.evalflow.campaign;

/**
 * Where a campaign stands; changed only by the campaign process's service tasks.
 */
public enum CampaignStatus {

	DRAFT, CALL_OPEN, CALL_CLOSED, IN_REVIEW, PUBLISHED

}
