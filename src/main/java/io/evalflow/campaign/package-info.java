/**
 * Campaigns (评选活动): their categories with winner quotas, their rounds (初审, 复审, 终审) with
 * rubric, rule and deadline, and the campaign's own life cycle from call to publication.
 * Organizer decisions are raised here as {@link io.evalflow.campaign.PipelineDecision}
 * events; the workflow module moves the BPMN process on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package io.evalflow.campaign;
