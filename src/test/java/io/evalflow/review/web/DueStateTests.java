package io.evalflow.review.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's deadline flags: overdue from the deadline on, due soon in the two days
 * before it.
 */
class DueStateTests {

	private static final Instant NOW = Instant.parse("2012-07-01T08:00:00Z");

	@Test
	void reviewIsOverdueFromItsDeadlineOn() {
		assertThat(DueState.of(NOW, NOW)).isEqualTo(DueState.OVERDUE);
		assertThat(DueState.of(NOW.minusSeconds(1), NOW)).isEqualTo(DueState.OVERDUE);
	}

	@Test
	void reviewIsDueSoonWithinTwoDaysOfItsDeadline() {
		assertThat(DueState.of(NOW.plusSeconds(1), NOW)).isEqualTo(DueState.DUE_SOON);
		assertThat(DueState.of(NOW.plus(Duration.ofDays(2)).minusSeconds(1), NOW)).isEqualTo(DueState.DUE_SOON);
	}

	@Test
	void reviewIsOnTimeFurtherAwayOrWithoutDeadline() {
		assertThat(DueState.of(NOW.plus(Duration.ofDays(2)), NOW)).isEqualTo(DueState.ON_TIME);
		assertThat(DueState.of(NOW.plus(Duration.ofDays(14)), NOW)).isEqualTo(DueState.ON_TIME);
		assertThat(DueState.of(null, NOW)).isEqualTo(DueState.ON_TIME);
	}

}
