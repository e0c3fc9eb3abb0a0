package io.evalflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, on nodes with {@code evalflow.mail.enabled=true}. Each
 * poll puts stale claims back, reads the due {@code PENDING} messages and then, one
 * message at a time, claims it, sends it and records the outcome, each step in a short
 * transaction of its own: no transaction is open while the SMTP server is talking.
 *
 * <p>
 * A claim is a conditional update ({@code PENDING} to {@code SENDING} where the message
 * is still {@code PENDING}); only the node that changed the row sends, so several nodes
 * polling the same table send each message once. The claim time is the claim's token: the
 * outcome is recorded only while the message is still {@code SENDING} under that claim.
 *
 * <p>
 * A claim older than {@code evalflow.mail.claim-timeout} belongs to a sender that died
 * between claiming and recording the outcome, and goes back to {@code PENDING}. Delivery
 * is therefore exactly once, except when a node dies (or loses the database) after the
 * SMTP server accepted a message and before {@code SENT} was stored: that message is sent
 * again, at least once in all. SMTP timeouts must stay well below the claim timeout, or a
 * slow send could be taken over and sent twice.
 */
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final OutboxRepository messages;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	private final JavaMailSender mailSender;

	private final MailSettings settings;

	private final RetryPolicy retryPolicy;

	private final Clock clock;

	OutboxSender(OutboxRepository messages, PlatformTransactionManager transactions, JavaMailSender mailSender,
			MailSettings settings, Clock clock) {
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.mailSender = mailSender;
		this.settings = settings;
		this.retryPolicy = settings.retryPolicy();
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${evalflow.mail.poll-interval:PT10S}",
			fixedDelayString = "${evalflow.mail.poll-interval:PT10S}")
	void poll() {
		try {
			pollOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox poll failed; the next poll tries again", ex);
		}
	}

	/**
	 * One poll: stale claims back to {@code PENDING}, then up to a batch of due messages
	 * claimed and sent.
	 * @return how many messages were sent
	 */
	int pollOnce() {
		reclaimStale();
		return deliver(dueIds());
	}

	/** Puts claims older than the claim timeout back to {@code PENDING}. */
	int reclaimStale() {
		Instant claimedBefore = this.clock.instant().minus(this.settings.claimTimeout());
		Integer reclaimed = this.transaction.execute(status -> this.messages.reclaimStale(claimedBefore));
		if (reclaimed != null && reclaimed > 0) {
			log.warn("{} outbox message(s) claimed before {} were never finished; they will be sent again", reclaimed,
					claimedBefore);
		}
		return (reclaimed != null) ? reclaimed : 0;
	}

	/** The ids of the due {@code PENDING} messages, longest due first, one batch. */
	List<Long> dueIds() {
		Instant now = this.clock.instant();
		return this.readOnly
			.execute(status -> this.messages.findDueIds(now, PageRequest.of(0, this.settings.batchSize())));
	}

	/**
	 * Claims and sends each message in turn; a message another sender claimed first is
	 * skipped.
	 * @return how many messages this sender sent
	 */
	int deliver(List<Long> ids) {
		int sent = 0;
		for (Long id : ids) {
			Claim claim = claim(id);
			if (claim != null && send(claim)) {
				sent++;
			}
		}
		return sent;
	}

	private Claim claim(Long id) {
		Instant now = this.clock.instant();
		// The claim time identifies the claim when the outcome is recorded: milliseconds
		// compare equal on every database.
		Instant claimedAt = now.truncatedTo(ChronoUnit.MILLIS);
		return this.transaction.execute(status -> (this.messages.claim(id, claimedAt, now) == 1)
				? new Claim(this.messages.findById(id).orElseThrow(), claimedAt) : null);
	}

	private boolean send(Claim claim) {
		OutboxMessage message = claim.message();
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.settings.from());
		mail.setTo(message.getRecipient());
		mail.setSubject(message.getSubject());
		mail.setText(message.getBody());
		mail.setSentDate(Date.from(this.clock.instant()));
		try {
			this.mailSender.send(mail);
		}
		catch (RuntimeException ex) {
			failed(claim, ex);
			return false;
		}
		Integer recorded = this.transaction
			.execute(status -> this.messages.markSent(message.getId(), claim.claimedAt(), this.clock.instant()));
		if (recorded == null || recorded == 0) {
			log.warn("Outbox message {} was sent after its claim had timed out; it may be sent twice", message.getId());
		}
		return true;
	}

	private void failed(Claim claim, RuntimeException ex) {
		OutboxMessage message = claim.message();
		int attempts = message.getAttempts() + 1;
		boolean exhausted = this.retryPolicy.exhausted(attempts);
		Instant now = this.clock.instant();
		Instant next = exhausted ? now : this.retryPolicy.nextAttempt(attempts, now);
		String error = OutboxMessage.truncate(describe(ex), OutboxMessage.ERROR_MAX);
		this.transaction.execute(status -> this.messages.markFailed(message.getId(), claim.claimedAt(),
				exhausted ? OutboxStatus.FAILED : OutboxStatus.PENDING, next, error));
		if (exhausted) {
			log.error("Outbox message {} to {} failed {} times and is given up: {}", message.getId(),
					message.getRecipient(), attempts, error);
		}
		else {
			log.warn("Outbox message {} failed (attempt {}), next attempt at {}: {}", message.getId(), attempts, next,
					error);
		}
	}

	private static String describe(RuntimeException ex) {
		String text = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return (cause != ex) ? text + " (" + cause + ")" : text;
	}

	private record Claim(OutboxMessage message, Instant claimedAt) {
	}

}
