package io.evalflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: modules enqueue e-mails here, inside the transaction of the change they
 * announce, and organizers follow their delivery.
 *
 * <p>
 * A message is stored in the caller's transaction (or a new one if there is none), so a
 * change that rolls back, such as an engine job that fails, leaves no message behind. It
 * is stored once per dedupe key, so a job the engine runs again after a commit enqueues
 * nothing new: {@link #enqueue} looks the key up first and returns {@code false} when it
 * is there. Two transactions enqueueing the same key at the same moment both miss it; the
 * unique constraint on the key then refuses the second insert, which fails the second
 * transaction as a whole ({@code DataIntegrityViolationException}): a Flowable job is
 * retried by the engine, and on that retry the key is found. A caller that is not a job
 * and cannot be retried should enqueue keys only it can produce.
 */
@Service
@Transactional
public class Outbox {

	/** Messages per page of the organizer's list. */
	public static final int PAGE_SIZE = 50;

	private static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final OutboxRepository messages;

	private final MessageSource bundles;

	private final Clock clock;

	Outbox(OutboxRepository messages, MessageSource bundles, Clock clock) {
		this.messages = messages;
		this.bundles = bundles;
		this.clock = clock;
	}

	/**
	 * Renders the message in the recipient's language and stores it for sending, unless a
	 * message with the same dedupe key exists.
	 * @return {@code true} if stored, {@code false} if the key was already there
	 * @throws DomainException if the recipient is missing or not an e-mail address:
	 * nothing is stored, and the caller's transaction is not marked for rollback, so a
	 * caller may catch the refusal and go on (an expert without an address gets no mail)
	 * @throws IllegalArgumentException if the dedupe key is blank or too long, a
	 * programming error
	 */
	@Transactional(noRollbackFor = DomainException.class)
	public boolean enqueue(OutgoingMail mail) {
		String dedupeKey = requireDedupeKey(mail.dedupeKey());
		String recipient = requireAddress(mail.recipient());
		if (this.messages.existsByDedupeKey(dedupeKey)) {
			return false;
		}
		Locale locale = (mail.locale() != null) ? mail.locale() : DEFAULT_LOCALE;
		Object[] args = mail.args().stream().map(Outbox::formattable).toArray();
		String subject = this.bundles.getMessage(mail.subjectKey(), args, locale);
		String body = this.bundles.getMessage(mail.bodyKey(), args, locale);
		this.messages.save(new OutboxMessage(dedupeKey, recipient, locale,
				OutboxMessage.truncate(subject, OutboxMessage.SUBJECT_MAX), body, this.clock.instant()));
		return true;
	}

	/** A page of {@link #PAGE_SIZE} messages, newest first, of one status or of all. */
	@Transactional(readOnly = true)
	public Page<OutboxMessage> messages(OutboxStatus status, int page) {
		PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id"));
		return (status != null) ? this.messages.findByStatus(status, request) : this.messages.findAll(request);
	}

	/** How many messages are in each status, every status listed. */
	@Transactional(readOnly = true)
	public Map<OutboxStatus, Long> countsByStatus() {
		Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : this.messages.countByStatus()) {
			counts.put((OutboxStatus) row[0], (Long) row[1]);
		}
		return counts;
	}

	@Transactional(readOnly = true)
	public OutboxMessage message(Long id) {
		return this.messages.findById(id).orElseThrow(() -> new NotFoundException("message", id));
	}

	/**
	 * Sends a failed message again: back to {@code PENDING}, due now. Its failed attempts
	 * are kept, so it gets one more attempt; if that fails too it is {@code FAILED}
	 * again.
	 * @throws DomainException if the message is not {@code FAILED}
	 */
	public OutboxMessage retry(Long id) {
		if (this.messages.retryFailed(id, this.clock.instant()) == 0) {
			throw new DomainException("notification.error.notFailed", message(id).getRecipient());
		}
		return message(id);
	}

	private static String requireDedupeKey(String key) {
		if (key == null || key.isBlank() || key.length() > OutboxMessage.DEDUPE_KEY_MAX) {
			throw new IllegalArgumentException(
					"a dedupe key has 1 to " + OutboxMessage.DEDUPE_KEY_MAX + " characters: " + key);
		}
		return key;
	}

	/** A bare address, {@code name@domain}: no display name, no list. */
	private static String requireAddress(String recipient) {
		if (recipient == null || recipient.isBlank()) {
			throw new DomainException("notification.error.noRecipient");
		}
		String address = recipient.strip();
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			if (!address.equals(parsed.getAddress()) || address.indexOf('@') < 1
					|| address.length() > OutboxMessage.RECIPIENT_MAX) {
				throw new AddressException("not a bare address");
			}
		}
		catch (AddressException ex) {
			throw new DomainException("notification.error.badRecipient", address);
		}
		return address;
	}

	/** {@link java.text.MessageFormat} formats dates, not instants. */
	private static Object formattable(Object arg) {
		return (arg instanceof Instant instant) ? Date.from(instant) : arg;
	}

}
