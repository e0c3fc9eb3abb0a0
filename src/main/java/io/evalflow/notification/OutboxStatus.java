package io.evalflow.notification;

/**
 * Where a message is on its way out: waiting ({@code PENDING}, also between retries),
 * claimed by a sender ({@code SENDING}), handed to the SMTP server ({@code SENT}), or
 * given up after the last attempt ({@code FAILED}, until an organizer retries it).
 */
public enum OutboxStatus {

	PENDING, SENDING, SENT, FAILED

}
