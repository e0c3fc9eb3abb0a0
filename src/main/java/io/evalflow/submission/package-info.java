/**
 * Applications (申报材料): drafts, attachments, submission before the deadline, withdrawal,
 * the formal check (形式审查) and each application's standing in the rounds. Raises
 * {@link io.evalflow.submission.ApplicationSubmitted},
 * {@link io.evalflow.submission.ApplicationWithdrawn} and
 * {@link io.evalflow.submission.EligibilityDecided}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package io.evalflow.submission;
