package io.evalflow.notification;

import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enqueueing: rendered in the recipient's language, stored in the caller's transaction,
 * once per dedupe key; bad recipients refused with nothing stored. The sender is off
 * here, as in every test that does not turn it on.
 */
@SpringBootTest
class OutboxTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationContext context;

	@Test
	void aSecondMessageWithTheSameDedupeKeyStoresNothing() {
		String key = key("dup");
		assertThat(this.outbox.enqueue(OutgoingMail.of(MailTemplate.REVIEW_REMINDER, key, "  first@example.org ",
				Locale.SIMPLIFIED_CHINESE, "张三", "评选", "初审", 3, Instant.now(), "http://localhost/expert")))
			.isTrue();
		assertThat(this.outbox.enqueue(OutgoingMail.of(MailTemplate.REVIEW_REMINDER, key, "second@example.org",
				Locale.ENGLISH, "Li Si", "Selection", "First review", 9, Instant.now(), "http://localhost/expert")))
			.isFalse();

		assertThat(this.repository.findByDedupeKey(key)).hasValueSatisfying(m -> {
			assertThat(m.getRecipient()).isEqualTo("first@example.org");
			assertThat(m.getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
			assertThat(m.getStatus()).isEqualTo(OutboxStatus.PENDING);
			assertThat(m.getAttempts()).isZero();
			assertThat(m.getNextAttemptAt()).isEqualTo(m.getCreatedAt());
		});
	}

	@Test
	void theDatabaseRefusesADuplicateKeyThatSlipsPastTheCheck() {
		// Two transactions enqueueing one key at the same moment both pass the look-up;
		// the unique constraint fails the second one.
		String key = key("race");
		this.outbox.enqueue(mail(key, "race@example.org", Locale.ENGLISH));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.repository
				.saveAndFlush(new OutboxMessage(key, "race@example.org", Locale.ENGLISH, "s", "b", Instant.now()))));
		assertThat(this.repository.existsByDedupeKey(key)).isTrue();
	}

	@Test
	void aMessageEnqueuedInATransactionThatRollsBackIsNotStored() {
		String rolledBack = key("rollback");
		String failed = key("failed");
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		transaction.executeWithoutResult(status -> {
			assertThat(this.outbox.enqueue(mail(rolledBack, "rollback@example.org", Locale.ENGLISH))).isTrue();
			status.setRollbackOnly();
		});
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			this.outbox.enqueue(mail(failed, "failed@example.org", Locale.ENGLISH));
			throw new IllegalStateException("the engine job fails after enqueueing");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.repository.existsByDedupeKey(rolledBack)).isFalse();
		assertThat(this.repository.existsByDedupeKey(failed)).isFalse();
		// The job's retry enqueues it for real.
		assertThat(this.outbox.enqueue(mail(failed, "failed@example.org", Locale.ENGLISH))).isTrue();
	}

	@Test
	void aCallerMayCatchARefusedRecipientAndGoOn() {
		String refused = key("refused");
		String stored = key("stored");
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			assertThatExceptionOfType(DomainException.class)
				.isThrownBy(() -> this.outbox.enqueue(mail(refused, "no address", Locale.ENGLISH)));
			this.outbox.enqueue(mail(stored, "stored@example.org", Locale.ENGLISH));
		});
		assertThat(this.repository.existsByDedupeKey(refused)).isFalse();
		assertThat(this.repository.existsByDedupeKey(stored)).isTrue();
	}

	@Test
	void subjectAndBodyAreWrittenInTheRecipientsLanguage() {
		Instant deadline = Instant.parse("2026-07-31T08:30:00Z");
		String zhKey = key("zh");
		String enKey = key("en");
		this.outbox.enqueue(OutgoingMail.of(MailTemplate.REVIEW_ASSIGNMENT, zhKey, "zh@example.org",
				Locale.SIMPLIFIED_CHINESE, "王专家", "电子政务最佳实践评选", "初审", 12, deadline, "https://evalflow.example/expert"));
		this.outbox
			.enqueue(OutgoingMail.of(MailTemplate.REVIEW_ASSIGNMENT, enKey, "en@example.org", Locale.ENGLISH, "Dr Wang",
					"E-Government Best Practice", "first review", 12, deadline, "https://evalflow.example/expert"));

		OutboxMessage zh = byKey(zhKey);
		assertThat(zh.getSubject()).isEqualTo("“电子政务最佳实践评选”初审：您有 12 份申报材料待评审");
		assertThat(zh.getBody()).startsWith("王专家，您好：\n\n")
			.contains(new SimpleDateFormat("yyyy-MM-dd HH:mm").format(Date.from(deadline)))
			.contains("https://evalflow.example/expert");
		OutboxMessage en = byKey(enKey);
		assertThat(en.getLocale()).isEqualTo(Locale.ENGLISH);
		assertThat(en.getSubject())
			.isEqualTo("\"E-Government Best Practice\", first review: 12 applications to review");
		assertThat(en.getBody()).startsWith("Dear Dr Wang,\n\n").contains("please do not reply");
	}

	@Test
	void aMessageWithoutLanguageIsWrittenInChinese() {
		String key = key("nolocale");
		this.outbox.enqueue(mail(key, "nolocale@example.org", null));
		assertThat(byKey(key).getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(byKey(key).getSubject()).startsWith("邀请您担任");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   " })
	void aMessageWithoutRecipientIsRefusedAndNothingStored(String recipient) {
		String key = key("none");
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.outbox.enqueue(mail(key, recipient, Locale.ENGLISH)))
			.satisfies(ex -> assertThat(ex.getMessageKey()).isEqualTo("notification.error.noRecipient"));
		assertThat(this.repository.existsByDedupeKey(key)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "expert", "expert@", "@example.org", "expert@@example.org", "expert example@org.cn",
			"王专家 <wang@example.org>", "a@example.org, b@example.org", "a@example.org;b@example.org" })
	void aMessageToSomethingThatIsNotOneAddressIsRefusedAndNothingStored(String recipient) {
		String key = key("bad");
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.outbox.enqueue(mail(key, recipient, Locale.ENGLISH)))
			.satisfies(ex -> assertThat(ex.getMessageKey()).isEqualTo("notification.error.badRecipient"));
		assertThat(this.repository.existsByDedupeKey(key)).isFalse();
	}

	@Test
	void onlyAFailedMessageCanBeRetried() {
		String key = key("retry");
		this.outbox.enqueue(mail(key, "retry@example.org", Locale.ENGLISH));
		Long id = byKey(key).getId();
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> this.outbox.retry(id))
			.satisfies(ex -> assertThat(ex.getMessageKey()).isEqualTo("notification.error.notFailed"));
		assertThat(byKey(key).getStatus()).isEqualTo(OutboxStatus.PENDING);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.outbox.retry(Long.MAX_VALUE));
	}

	@Test
	void theOrganizersListIsNewestFirstAndFilteredByStatus() {
		String older = key("older");
		String newer = key("newer");
		this.outbox.enqueue(mail(older, "older@example.org", Locale.ENGLISH));
		this.outbox.enqueue(mail(newer, "newer@example.org", Locale.ENGLISH));
		long pending = this.outbox.countsByStatus().get(OutboxStatus.PENDING);

		var page = this.outbox.messages(OutboxStatus.PENDING, 0);
		assertThat(page.getSize()).isEqualTo(Outbox.PAGE_SIZE);
		assertThat(page.getTotalElements()).isEqualTo(pending);
		assertThat(page.getContent()).extracting(OutboxMessage::getDedupeKey).startsWith(newer, older);
		assertThat(this.outbox.messages(OutboxStatus.SENT, 0).getContent())
			.noneMatch(m -> m.getDedupeKey().equals(newer));
		assertThat(this.outbox.countsByStatus()).containsOnlyKeys(OutboxStatus.values());
	}

	@Test
	void withoutMailEnabledThereIsNoSender() {
		assertThat(this.context.getBeanProvider(OutboxSender.class).getIfAvailable()).isNull();
	}

	private OutboxMessage byKey(String key) {
		return this.repository.findByDedupeKey(key).orElseThrow();
	}

	private static OutgoingMail mail(String key, String recipient, Locale locale) {
		return OutgoingMail.of(MailTemplate.EXPERT_INVITATION, key, recipient, locale, "专家", "评选", "expert1",
				"http://localhost:8080/login");
	}

	static String key(String prefix) {
		return "test:" + prefix + ":" + System.nanoTime() + ":" + SEQUENCE.incrementAndGet();
	}

}
