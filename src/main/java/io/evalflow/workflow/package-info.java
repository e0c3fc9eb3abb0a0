/**
 * The BPMN glue: starts the campaign, review-round and application processes, completes
 * organizer tasks on {@link io.evalflow.campaign.PipelineDecision}s and expert tasks on
 * submitted reviews, hands a task to the expert who takes over a review and gives a
 * reopened review a task of its own, correlates the messages that let campaign and
 * applications meet, and hosts the thin delegates the processes call. Holds no business
 * rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow (BPMN glue)")
package io.evalflow.workflow;
