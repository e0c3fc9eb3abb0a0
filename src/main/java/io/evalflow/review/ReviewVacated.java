package io.evalflow.review;

/**
 * An expert stepped off and nobody could take the place: its task stays, unassigned,
 * until the organizer assigns someone.
 *
 * @param taskId the engine's task of the place
 * @param reviewId the review the expert left
 */
public record ReviewVacated(String taskId, Long reviewId) {
}
