/**
 * E-mail to the people a campaign involves (invitations, assignments, reminders) through
 * an outbox. {@link io.evalflow.notification.Outbox#enqueue} renders a message in the
 * recipient's language and stores it in the caller's transaction, once per dedupe key, so
 * an engine job that rolls back or runs twice sends nothing twice. The sender, on only
 * where {@code evalflow.mail.enabled=true}, claims due messages one at a time, sends them
 * through SMTP and retries failures with backoff; organizers see every message and retry
 * the failed ones. Owns the {@code outbox_message} table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.evalflow.notification;
