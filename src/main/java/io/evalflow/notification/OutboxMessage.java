package io.evalflow.notification;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One e-mail, rendered when it was enqueued, and how its delivery went. After it is
 * stored only the sender and the organizer's retry change it, each through a conditional
 * update in {@link OutboxRepository} (a status check in the {@code WHERE} clause), so
 * that several nodes can work on the same table without locks.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

	static final int DEDUPE_KEY_MAX = 191;

	static final int RECIPIENT_MAX = 254;

	static final int SUBJECT_MAX = 500;

	static final int ERROR_MAX = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String dedupeKey;

	private String recipient;

	private String locale;

	private String subject;

	private String body;

	@Enumerated(EnumType.STRING)
	private OutboxStatus status;

	private int attempts;

	private Instant nextAttemptAt;

	private Instant claimedAt;

	private String lastError;

	private Instant createdAt;

	private Instant sentAt;

	protected OutboxMessage() {
	}

	OutboxMessage(String dedupeKey, String recipient, Locale locale, String subject, String body, Instant now) {
		this.dedupeKey = dedupeKey;
		this.recipient = recipient;
		this.locale = locale.toLanguageTag();
		this.subject = subject;
		this.body = body;
		this.status = OutboxStatus.PENDING;
		this.attempts = 0;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getDedupeKey() {
		return this.dedupeKey;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public Locale getLocale() {
		return Locale.forLanguageTag(this.locale);
	}

	public String getSubject() {
		return this.subject;
	}

	public String getBody() {
		return this.body;
	}

	public OutboxStatus getStatus() {
		return this.status;
	}

	/** Failed attempts so far. */
	public int getAttempts() {
		return this.attempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public Instant getClaimedAt() {
		return this.claimedAt;
	}

	public String getLastError() {
		return this.lastError;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	static String truncate(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

}
