/**
 * Experts (评审专家), their assignment to applications in each round, and their reviews:
 * scores on the round's rubric with a comment, saved as drafts and then submitted and
 * locked. Raises {@link io.evalflow.review.ReviewSubmitted}; the workflow completes the
 * expert's task on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experts and reviews")
package io.evalflow.review;
