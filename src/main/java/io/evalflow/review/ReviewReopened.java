package io.evalflow.review;

import java.time.Instant;

/**
 * An organizer sent a submitted review back to its expert. Its task in the engine was
 * completed on submission; the expert needs a new one, and the application waits for the
 * review again.
 *
 * @param reviewId the review, a draft again
 * @param roundId its round
 * @param applicationId its application
 * @param assignee the user name of its expert
 * @param dueAt the review's deadline
 * @param actor the organizer who reopened it
 * @param reason why
 */
public record ReviewReopened(Long reviewId, Long roundId, Long applicationId, String assignee, Instant dueAt,
		String actor, String reason) {
}
