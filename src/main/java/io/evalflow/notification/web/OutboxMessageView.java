package io.evalflow.notification.web;

import java.time.Instant;

import io.evalflow.notification.OutboxMessage;
import io.evalflow.notification.OutboxStatus;

/**
 * A message of the outbox as the API shows it; the body only where one message is asked
 * for.
 */
record OutboxMessageView(Long id, String dedupeKey, String recipient, String locale, String subject, String body,
		OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

	static OutboxMessageView of(OutboxMessage m, boolean withBody) {
		return new OutboxMessageView(m.getId(), m.getDedupeKey(), m.getRecipient(), m.getLocale().toLanguageTag(),
				m.getSubject(), withBody ? m.getBody() : null, m.getStatus(), m.getAttempts(), m.getNextAttemptAt(),
				m.getLastError(), m.getCreatedAt(), m.getSentAt());
	}

}
