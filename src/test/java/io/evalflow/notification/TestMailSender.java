package io.evalflow.notification;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * An SMTP server in memory: it keeps what it accepted, and can be told to refuse every
 * message, or to take the sending node down with it.
 */
class TestMailSender implements JavaMailSender {

	private final List<SimpleMailMessage> accepted = new CopyOnWriteArrayList<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile RuntimeException refusal;

	private volatile Error crash;

	/** Accepts every message from now on. */
	void works() {
		this.refusal = null;
		this.crash = null;
	}

	/** Refuses every message from now on, as an unreachable server does. */
	void refuses(RuntimeException refusal) {
		this.refusal = refusal;
	}

	/** The node dies while sending: the send never returns. */
	void crashes(Error crash) {
		this.crash = crash;
	}

	void reset() {
		works();
		this.accepted.clear();
		this.attempts.set(0);
	}

	List<SimpleMailMessage> accepted() {
		return List.copyOf(this.accepted);
	}

	/** Every send tried, accepted or not. */
	int attempts() {
		return this.attempts.get();
	}

	@Override
	public void send(SimpleMailMessage... messages) throws MailException {
		for (SimpleMailMessage message : messages) {
			this.attempts.incrementAndGet();
			if (this.crash != null) {
				throw this.crash;
			}
			if (this.refusal != null) {
				throw this.refusal;
			}
			this.accepted.add(new SimpleMailMessage(message));
		}
	}

	@Override
	public MimeMessage createMimeMessage() {
		throw new UnsupportedOperationException("the outbox sends plain text messages");
	}

	@Override
	public MimeMessage createMimeMessage(InputStream contentStream) {
		throw new UnsupportedOperationException("the outbox sends plain text messages");
	}

	@Override
	public void send(MimeMessage... mimeMessages) {
		throw new UnsupportedOperationException("the outbox sends plain text messages");
	}

}
