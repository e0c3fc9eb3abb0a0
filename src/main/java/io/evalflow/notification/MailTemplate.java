package io.evalflow.notification;

/**
 * The e-mails evalflow writes, each a subject and a body in the {@code notification}
 * bundle. The arguments are positional; an {@link java.time.Instant} argument is shown in
 * the server's zone (Beijing time unless {@code EVALFLOW_TIME_ZONE} says otherwise).
 */
public enum MailTemplate {

	/**
	 * An expert joined the pool that every campaign's rounds draw from: {0} expert's
	 * name, {1} user name to sign in with, {2} sign-in address. The password reaches them
	 * from the organizer, not by e-mail.
	 */
	EXPERT_INVITATION("notification.mail.invitation"),

	/**
	 * An expert has reviews to do in a round: {0} expert's name, {1} campaign name, {2}
	 * round name, {3} number of applications, {4} deadline (Instant), {5} inbox address.
	 */
	REVIEW_ASSIGNMENT("notification.mail.assignment"),

	/**
	 * An expert's reviews are still open near the deadline: {0} expert's name, {1}
	 * campaign name, {2} round name, {3} reviews still open, {4} deadline (Instant), {5}
	 * inbox address.
	 */
	REVIEW_REMINDER("notification.mail.reminder"),

	/**
	 * An expert's reviews are past their due date: {0} expert's name, {1} campaign name,
	 * {2} round name, {3} reviews still open, {4} due date (Instant), {5} inbox address.
	 */
	REVIEW_OVERDUE("notification.mail.overdue"),

	/**
	 * An expert takes over a review another expert gave up: {0} expert's name, {1}
	 * campaign name, {2} round name, {3} deadline (Instant), {4} inbox address.
	 */
	REVIEW_REASSIGNED("notification.mail.reassigned"),

	/**
	 * An organizer reopened a submitted review: {0} expert's name, {1} campaign name, {2}
	 * round name, {3} deadline (Instant), {4} inbox address.
	 */
	REVIEW_REOPENED("notification.mail.reopened"),

	/**
	 * An expert's deadline in a round was extended: {0} expert's name, {1} campaign name,
	 * {2} round name, {3} new deadline (Instant), {4} inbox address.
	 */
	DEADLINE_EXTENDED("notification.mail.extended"),

	/**
	 * The results are published and the application won: {0} lead unit's name, {1}
	 * campaign name, {2} practice title, {3} category name, {4} results address.
	 */
	OUTCOME_WINNER("notification.mail.outcomeWinner"),

	/**
	 * The results are published and the application was a finalist, not a winner:
	 * arguments as {@link #OUTCOME_WINNER}.
	 */
	OUTCOME_FINALIST("notification.mail.outcomeFinalist"),

	/**
	 * The results are published and the application did not reach the final round:
	 * arguments as {@link #OUTCOME_WINNER}.
	 */
	OUTCOME_NOT_SELECTED("notification.mail.outcomeNotSelected"),

	/**
	 * The results are published; the application was found ineligible at the formal
	 * check: arguments as {@link #OUTCOME_WINNER}, then {5} the reason given.
	 */
	OUTCOME_INELIGIBLE("notification.mail.outcomeIneligible");

	private final String key;

	MailTemplate(String key) {
		this.key = key;
	}

	public String subjectKey() {
		return this.key + ".subject";
	}

	public String bodyKey() {
		return this.key + ".body";
	}

}
