package io.evalflow.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code evalflow.mail.*}: whether this node sends (otherwise the outbox only fills), the
 * sender address, and the pace of the sender. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param enabled whether this node runs the sender
 * @param from the sender address of every message
 * @param pollInterval pause between two polls of the outbox
 * @param batchSize messages claimed per poll at most
 * @param maxAttempts failed attempts after which a message is {@code FAILED}
 * @param backoff wait after the first failure; it doubles after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param claimTimeout how long a message may stay {@code SENDING} before another poll
 * takes it for a sender that died mid-send; far longer than an SMTP send may take
 */
@ConfigurationProperties("evalflow.mail")
record MailSettings(@DefaultValue("false") boolean enabled, @DefaultValue("evalflow@localhost") String from,
		@DefaultValue("PT10S") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("5") int maxAttempts, @DefaultValue("PT1M") Duration backoff,
		@DefaultValue("PT1H") Duration maxBackoff, @DefaultValue("PT5M") Duration claimTimeout) {

	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.maxAttempts, this.backoff, this.maxBackoff);
	}

}
