package io.evalflow.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sender exists, and polls on a schedule, only where {@code evalflow.mail.enabled} is
 * {@code true} (the {@code mysql} profile); elsewhere the outbox only fills. It then
 * needs Spring Boot's {@link JavaMailSender}, which {@code spring.mail.host} brings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "evalflow.mail.enabled", havingValue = "true")
	@EnableScheduling
	static class SenderConfiguration {

		@Bean
		OutboxSender outboxSender(OutboxRepository messages, PlatformTransactionManager transactions,
				JavaMailSender mailSender, MailSettings settings, Clock clock) {
			return new OutboxSender(messages, transactions, mailSender, settings, clock);
		}

	}

}
