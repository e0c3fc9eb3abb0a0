package io.evalflow.review;

import java.time.Instant;

/**
 * An open review's engine task and the due date the task should show.
 *
 * @param reviewId the review, also the cursor of a pass over a round
 * @param taskId the engine's task id
 * @param dueAt the review's due date
 */
public record ReviewTask(Long reviewId, String taskId, Instant dueAt) {
}
