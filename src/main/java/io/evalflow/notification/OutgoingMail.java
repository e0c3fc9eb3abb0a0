package io.evalflow.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An e-mail to enqueue: who gets it, in which language, the bundle keys of its subject
 * and body, and the arguments of both. The dedupe key names the occasion, not the text
 * (for example {@code review-assignment:round-7:expert-12}): enqueueing the same occasion
 * again stores nothing. At most 191 characters.
 *
 * @param dedupeKey what this message is about, unique among all messages ever enqueued
 * @param recipient a bare address, {@code name@example.org}
 * @param locale the recipient's language; {@code null} means Chinese
 * @param subjectKey the subject's key in the message bundles
 * @param bodyKey the body's key in the message bundles
 * @param args the arguments of subject and body, by position
 */
public record OutgoingMail(String dedupeKey, String recipient, Locale locale, String subjectKey, String bodyKey,
		List<Object> args) {

	public OutgoingMail {
		args = (args != null) ? Collections.unmodifiableList(new ArrayList<>(args)) : List.of();
	}

	/** A message written from one of the {@link MailTemplate templates}. */
	public static OutgoingMail of(MailTemplate template, String dedupeKey, String recipient, Locale locale,
			Object... args) {
		return new OutgoingMail(dedupeKey, recipient, locale, template.subjectKey(), template.bodyKey(),
				Arrays.asList(args));
	}

}
