package io.evalflow.notification;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

	private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10));

	@Test
	void theWaitDoublesAfterEachFailureUpToTheLongestWait() {
		assertThat(this.policy.nextAttempt(1, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(this.policy.nextAttempt(2, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
		assertThat(this.policy.nextAttempt(3, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
		assertThat(this.policy.nextAttempt(4, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(8)));
		assertThat(this.policy.nextAttempt(5, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
		assertThat(this.policy.nextAttempt(1_000, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void aMessageIsGivenUpAfterTheLastAttempt() {
		assertThat(this.policy.exhausted(4)).isFalse();
		assertThat(this.policy.exhausted(5)).isTrue();
		assertThat(this.policy.exhausted(6)).isTrue();
	}

	@Test
	void refusesAPolicyWithoutAttemptsOrWithALongestWaitShorterThanTheFirst() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(2), Duration.ofMinutes(1)));
	}

}
