package io.evalflow.review;

import java.time.Instant;
import java.util.List;

/**
 * An expert is to be told that reviews of a round are due soon or overdue. Raised once
 * per review and due date, after the notice is recorded, in the same transaction: one
 * event per expert, round and due date in each chase, so an expert with twenty reviews
 * hears about them once.
 *
 * @param expertId the expert to tell
 * @param roundId the round
 * @param dueAt the reviews' due date
 * @param overdue {@code true} when the due date has passed, {@code false} for a reminder
 * @param reviewIds the reviews, none of them in another event of the same kind and due
 * date
 */
public record ReviewReminderDue(Long expertId, Long roundId, Instant dueAt, boolean overdue, List<Long> reviewIds) {

	public ReviewReminderDue {
		reviewIds = List.copyOf(reviewIds);
	}

	/**
	 * The same for a retry of the same chase and different for any other notice: a review
	 * is in one event per kind and due date, so its first review names the event.
	 */
	public String dedupeKey() {
		return "review-" + (this.overdue ? "overdue" : "reminder") + ":" + this.expertId + ":" + this.reviewIds.get(0)
				+ ":" + this.dueAt.getEpochSecond();
	}

}
