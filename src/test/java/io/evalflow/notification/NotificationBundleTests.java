package io.evalflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every e-mail template and every status label is written in Chinese and in English, and
 * each template fills its documented arguments.
 */
class NotificationBundleTests {

	private final ResourceBundleMessageSource bundles = bundles();

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void everyTemplateAndStatusHasItsTextInTheLanguage(String tag) {
		Locale locale = Locale.forLanguageTag(tag);
		Object[] args = { "ARG0", "ARG1", "ARG2", 7, Date.from(Instant.now()), "ARG5" };
		for (MailTemplate template : MailTemplate.values()) {
			String subject = this.bundles.getMessage(template.subjectKey(), args, locale);
			String body = this.bundles.getMessage(template.bodyKey(), args, locale);
			assertThat(subject).as(template + " subject").contains("ARG1").doesNotContain("{");
			assertThat(body).as(template + " body").contains("ARG0").contains("ARG1").doesNotContain("{");
		}
		List<String> labels = new ArrayList<>();
		for (OutboxStatus status : OutboxStatus.values()) {
			labels.add(this.bundles.getMessage("notification.status." + status, null, locale));
		}
		assertThat(labels).doesNotHaveDuplicates();
		boolean english = locale.getLanguage().equals("en");
		assertThat(this.bundles.getMessage("notification.outbox.title", null, locale))
			.isEqualTo(english ? "E-mail outbox" : "邮件发件箱");
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/notification");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
