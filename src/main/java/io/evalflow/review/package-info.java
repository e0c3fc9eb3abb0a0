/**
 * Experts (评审专家), their assignment to applications in each round, and their reviews:
 * scores on the round's rubric with a comment, saved as drafts and then submitted and
 * locked. An expert may decline a review or declare a conflict of interest (回避), and
 * another takes the place by the draw's rules; an organizer may reopen a submitted
 * review. Raises {@link io.evalflow.review.ReviewSubmitted},
 * {@link io.evalflow.review.ReviewReassigned}, {@link io.evalflow.review.ReviewVacated}
 * and {@link io.evalflow.review.ReviewReopened}; the workflow moves the experts' tasks on
 * them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experts and reviews")
package io.evalflow.review;
