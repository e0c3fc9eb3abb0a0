package io.evalflow.review;

/**
 * An expert took over a place another left: the place's task, which stays the same, goes
 * to them and now stands for their review.
 *
 * @param taskId the engine's task of the place
 * @param reviewId the review that now holds the place
 * @param assignee the user name of its expert
 */
public record ReviewReassigned(String taskId, Long reviewId, String assignee) {
}
