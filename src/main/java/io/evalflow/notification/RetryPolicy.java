package io.evalflow.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * When a message that failed is tried again: after {@code backoff}, then twice as long
 * after each further failure, never longer than {@code maxBackoff}; after
 * {@code maxAttempts} failures it is given up.
 */
record RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {

	RetryPolicy {
		if (maxAttempts < 1 || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
			throw new IllegalArgumentException("retry policy: at least one attempt, 0 <= backoff <= maxBackoff");
		}
	}

	/** Whether a message that has failed this many times is given up. */
	boolean exhausted(int failedAttempts) {
		return failedAttempts >= this.maxAttempts;
	}

	/** When to try again after the given number of failures (at least one). */
	Instant nextAttempt(int failedAttempts, Instant now) {
		Duration wait = this.backoff;
		for (int i = 1; i < failedAttempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return now.plus((wait.compareTo(this.maxBackoff) < 0) ? wait : this.maxBackoff);
	}

}
