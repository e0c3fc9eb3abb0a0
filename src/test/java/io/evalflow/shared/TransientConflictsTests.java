package io.evalflow.shared;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which failures are a lost race worth another attempt, and what the caller sees when the
 * attempts run out.
 */
class TransientConflictsTests {

	private final TransientConflicts mysql = conflicts("MySQL");

	private final TransientConflicts h2 = conflicts("H2");

	@Test
	void engineOptimisticLockingIsRetriedUntilAnAttemptWins() {
		AtomicInteger attempts = new AtomicInteger();
		String result = this.mysql.retry(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new FlowableOptimisticLockingException("Execution was updated by another transaction");
			}
			return "done";
		});
		assertThat(result).isEqualTo("done");
		assertThat(attempts).hasValue(3);
		assertThat(this.mysql.retries()).isEqualTo(2);
		assertThat(this.mysql.exhausted()).isZero();
	}

	@Test
	void jpaOptimisticLockingAndSpringLockFailuresAreTransient() {
		assertThat(this.mysql.isTransient(new ObjectOptimisticLockingFailureException("Review", 1L))).isTrue();
		assertThat(this.mysql.isTransient(new CannotAcquireLockException("deadlock"))).isTrue();
	}

	@Test
	void deadlockInsideTheEngineIsTransientWithEitherDriver() {
		// Connector/J raises MySQLTransactionRollbackException, the MariaDB driver
		// SQLTransactionRollbackException: both SQLState 40001, error 1213.
		SQLException deadlock = new SQLTransactionRollbackException(
				"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
		assertThat(this.mysql.isTransient(engineFailure(deadlock))).isTrue();
	}

	@Test
	void lockWaitTimeoutIsTransientThoughMariaDbReportsItAsAPlainSqlException() {
		SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000",
				1205);
		assertThat(this.mysql.isTransient(engineFailure(timeout))).isTrue();
	}

	@Test
	void h2LockTimeoutIsTransient() {
		SQLException timeout = new SQLException("Timeout trying to lock table", "HYT00", 50200);
		assertThat(this.h2.isTransient(engineFailure(timeout))).isTrue();
	}

	@Test
	void refusalsAndOtherFailuresAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.mysql.retry(() -> {
			attempts.incrementAndGet();
			throw new DomainException("review.error.locked");
		})).isInstanceOf(DomainException.class).hasMessageContaining("review.error.locked");
		assertThat(attempts).hasValue(1);
		assertThat(this.mysql.isTransient(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(this.mysql.isTransient(engineFailure(new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
		assertThat(this.mysql.isTransient(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void refusalRaisedInsideTheEngineIsNotRetried() {
		assertThat(this.mysql.isTransient(new FlowableException("Error while evaluating expression",
				new DomainException("round.error.notAdmitted", 1L))))
			.isFalse();
	}

	@Test
	void conflictThatNeverClearsEndsAsBusyAfterTheLastAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		Supplier<Object> alwaysLosing = () -> {
			attempts.incrementAndGet();
			throw new FlowableOptimisticLockingException("Task was updated by another transaction concurrently");
		};
		assertThatThrownBy(() -> this.mysql.retry(alwaysLosing)).isInstanceOf(BusyException.class)
			.satisfies(ex -> assertThat(((BusyException) ex).getMessageKey()).isEqualTo("error.busy"))
			.hasCauseInstanceOf(FlowableOptimisticLockingException.class);
		assertThat(attempts).hasValue(4);
		assertThat(this.mysql.retries()).isEqualTo(3);
		assertThat(this.mysql.exhausted()).isEqualTo(1);
	}

	@Test
	void retryInsideATransactionIsAProgrammingError() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatThrownBy(() -> this.mysql.retry(() -> "never")).isInstanceOf(IllegalStateException.class);
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
	}

	/** As the engine reports a failed statement: wrapped, with the driver's cause. */
	private static RuntimeException engineFailure(SQLException cause) {
		return new FlowableException("Could not update ACT_RU_EXECUTION",
				new RuntimeException("### Error updating database.", cause));
	}

	private static TransientConflicts conflicts(String database) {
		return new TransientConflicts(new SQLErrorCodeSQLExceptionTranslator(database), 4, Duration.ofMillis(1));
	}

}
