package io.evalflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.evalflow.MutableTestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sender, switched on for this class only: against an SMTP server in memory, with a
 * clock the test moves. The schedule is a day apart, so only the test polls. Each test
 * starts from an empty outbox, because a poll takes whatever is due.
 */
@SpringBootTest
@TestPropertySource(properties = { "evalflow.mail.enabled=true", "evalflow.mail.poll-interval=PT24H",
		"evalflow.mail.from=evalflow-test@example.org", "evalflow.mail.max-attempts=5", "evalflow.mail.backoff=PT1M",
		"evalflow.mail.max-backoff=PT1H", "evalflow.mail.claim-timeout=PT5M" })
@Import({ MutableTestClock.Config.class, OutboxSenderTests.Smtp.class })
class OutboxSenderTests {

	@Autowired
	OutboxSender sender;

	@Autowired
	TestMailSender smtp;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRepository repository;

	@Autowired
	MailSettings settings;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MutableTestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyOutbox() {
		this.jdbc.update("delete from outbox_message");
		this.smtp.reset();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aMessageIsSentOnceAndMarkedSent() {
		Long id = enqueue("once@example.org");

		assertThat(this.sender.pollOnce()).isEqualTo(1);
		assertThat(this.sender.pollOnce()).isZero();
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.sender.pollOnce()).isZero();

		assertThat(this.smtp.accepted()).singleElement().satisfies(mail -> {
			assertThat(mail.getFrom()).isEqualTo("evalflow-test@example.org");
			assertThat(mail.getTo()).containsExactly("once@example.org");
			assertThat(mail.getSubject()).isEqualTo(message(id).getSubject());
			assertThat(mail.getText()).isEqualTo(message(id).getBody());
		});
		OutboxMessage sent = message(id);
		assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
		assertThat(sent.getSentAt()).isAfterOrEqualTo(sent.getCreatedAt());
		assertThat(sent.getClaimedAt()).isNull();
		assertThat(sent.getAttempts()).isZero();
	}

	@Test
	void aRefusedMessageIsRetriedWithGrowingWaitsThenGivenUpAndAnOrganizerRetrySendsIt() {
		Long id = enqueue("unlucky@example.org");
		this.smtp.refuses(new MailSendException("Mail server connection failed: Connection refused"));

		List<Duration> waits = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(8));
		for (int failures = 1; failures <= 4; failures++) {
			Instant before = this.clock.instant();
			assertThat(this.sender.pollOnce()).isZero();
			Instant after = this.clock.instant();
			OutboxMessage message = message(id);
			assertThat(message.getStatus()).isEqualTo(OutboxStatus.PENDING);
			assertThat(message.getAttempts()).isEqualTo(failures);
			assertThat(message.getLastError()).contains("Connection refused");
			Duration wait = waits.get(failures - 1);
			// Connector/J on MariaDB (reported as MySQL 5.5.5) stores whole seconds.
			assertThat(message.getNextAttemptAt()).isBetween(before.plus(wait).minusSeconds(1), after.plus(wait));

			// Not due yet: a poll leaves it alone.
			this.sender.pollOnce();
			assertThat(this.smtp.attempts()).isEqualTo(failures);
			this.clock.advance(wait);
		}

		this.sender.pollOnce();
		OutboxMessage failed = message(id);
		assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
		assertThat(failed.getAttempts()).isEqualTo(5);
		assertThat(this.smtp.attempts()).isEqualTo(5);
		this.clock.advance(Duration.ofDays(1));
		this.sender.pollOnce();
		assertThat(this.smtp.attempts()).isEqualTo(5);

		// The organizer retries while the server is still down: one more attempt, then
		// given up again.
		OutboxMessage retried = this.outbox.retry(id);
		assertThat(retried.getStatus()).isEqualTo(OutboxStatus.PENDING);
		assertThat(retried.getAttempts()).isEqualTo(5);
		this.sender.pollOnce();
		assertThat(message(id).getStatus()).isEqualTo(OutboxStatus.FAILED);
		assertThat(message(id).getAttempts()).isEqualTo(6);

		// Once the server is back, the organizer's retry gets it through.
		this.smtp.works();
		this.outbox.retry(id);
		assertThat(this.sender.pollOnce()).isEqualTo(1);
		assertThat(message(id).getStatus()).isEqualTo(OutboxStatus.SENT);
		assertThat(message(id).getLastError()).isNull();
		assertThat(this.smtp.accepted()).hasSize(1);
	}

	@Test
	void aLongErrorIsCutToFitItsColumn() {
		Long id = enqueue("verbose@example.org");
		this.smtp.refuses(new MailSendException("失败".repeat(3_000)));
		this.sender.pollOnce();
		assertThat(message(id).getLastError()).hasSize(OutboxMessage.ERROR_MAX).endsWith("…");
	}

	@Test
	void twoSendersClaimingTheSameBatchSendEachMessageOnce() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(enqueue("both" + i + "@example.org"));
		}
		TestMailSender otherSmtp = new TestMailSender();
		OutboxSender other = new OutboxSender(this.repository, this.transactions, otherSmtp, this.settings, this.clock);

		// Both nodes read the same due messages before either claims one.
		List<Long> mine = this.sender.dueIds();
		List<Long> theirs = other.dueIds();
		assertThat(mine).containsExactlyInAnyOrderElementsOf(ids).isEqualTo(theirs);

		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<Integer> first = nodes.submit(() -> {
				start.await();
				return this.sender.deliver(mine);
			});
			Future<Integer> second = nodes.submit(() -> {
				start.await();
				return other.deliver(theirs);
			});
			start.countDown();
			assertThat(first.get(1, TimeUnit.MINUTES) + second.get(1, TimeUnit.MINUTES)).isEqualTo(ids.size());
		}
		finally {
			nodes.shutdownNow();
		}

		List<String> delivered = new ArrayList<>();
		this.smtp.accepted().forEach(mail -> delivered.add(mail.getTo()[0]));
		otherSmtp.accepted().forEach(mail -> delivered.add(mail.getTo()[0]));
		assertThat(delivered).hasSize(ids.size()).doesNotHaveDuplicates();
		assertThat(ids).allSatisfy(id -> assertThat(message(id).getStatus()).isEqualTo(OutboxStatus.SENT));
	}

	@Test
	void aMessageWhoseSenderDiedMidSendIsSentAgainAfterTheClaimTimeout() {
		Long id = enqueue("orphan@example.org");
		this.smtp.crashes(new NodeDied());
		assertThatThrownBy(() -> this.sender.pollOnce()).isInstanceOf(NodeDied.class);
		assertThat(message(id).getStatus()).isEqualTo(OutboxStatus.SENDING);
		assertThat(message(id).getClaimedAt()).isNotNull();

		this.smtp.works();
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.sender.pollOnce()).isZero();
		assertThat(message(id).getStatus()).isEqualTo(OutboxStatus.SENDING);

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.sender.pollOnce()).isEqualTo(1);
		OutboxMessage sent = message(id);
		assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
		assertThat(sent.getAttempts()).isZero();
		assertThat(this.smtp.accepted()).extracting(SimpleMailMessage::getTo)
			.containsExactly(new String[] { "orphan@example.org" });
	}

	@Test
	void aPollTakesAtMostOneBatch() {
		for (int i = 0; i < this.settings.batchSize() + 3; i++) {
			enqueue("many" + i + "@example.org");
		}
		assertThat(this.sender.pollOnce()).isEqualTo(this.settings.batchSize());
		assertThat(this.sender.pollOnce()).isEqualTo(3);
	}

	private Long enqueue(String recipient) {
		String key = OutboxTests.key("sender");
		this.outbox.enqueue(OutgoingMail.of(MailTemplate.EXPERT_INVITATION, key, recipient, Locale.SIMPLIFIED_CHINESE,
				"专家", "评选", "expert1", "http://localhost:8080/login"));
		return this.repository.findByDedupeKey(key).orElseThrow().getId();
	}

	private OutboxMessage message(Long id) {
		return this.repository.findById(id).orElseThrow();
	}

	/** What a sender sees of its node dying in the middle of a send: nothing more. */
	static class NodeDied extends Error {

		NodeDied() {
			super("the node dies while the SMTP server talks");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Smtp {

		@Bean
		TestMailSender testMailSender() {
			return new TestMailSender();
		}

	}

}
