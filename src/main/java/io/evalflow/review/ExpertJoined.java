package io.evalflow.review;

/**
 * An expert was added to the pool, by hand or by an import: they are told how to sign in.
 * Raised in the transaction that adds them.
 *
 * @param expertId the expert
 * @param username the user name they sign in with
 */
public record ExpertJoined(Long expertId, String username) {
}
