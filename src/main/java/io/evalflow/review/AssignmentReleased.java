package io.evalflow.review;

/**
 * Every review of the round is with its expert: raised once, in the transaction of the
 * last release chunk.
 */
public record AssignmentReleased(Long roundId) {
}
