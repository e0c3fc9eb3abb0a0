package io.evalflow.review;

/**
 * An expert stepped off a review: declined it or declared a conflict of interest. Raised
 * before the place is taken over ({@link ReviewReassigned}) or left vacant
 * ({@link ReviewVacated}).
 *
 * @param reviewId the review the expert left
 * @param roundId its round
 * @param applicationId its application
 * @param status {@code DECLINED} or {@code RECUSED}
 * @param reason the expert's reason
 * @param expert the expert's user name
 */
public record ReviewSteppedOff(Long reviewId, Long roundId, Long applicationId, String status, String reason,
		String expert) {
}
