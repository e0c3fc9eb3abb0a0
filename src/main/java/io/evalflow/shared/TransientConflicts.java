package io.evalflow.shared;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a user's transaction again when it lost a race with another user's: two experts
 * completing the same application's tasks at once collide on the engine's multi-instance
 * execution (optimistic locking), and on MySQL or MariaDB the database may pick one of
 * them as a deadlock victim or time out its lock wait. The conflict rolled the whole
 * transaction back, so running it again from the start is safe and usually succeeds;
 * after a few tries with a growing, jittered pause the user is told the system is busy
 * ({@link BusyException}), never the engine's or the driver's text.
 * <p>
 * The work must open its own transaction (a call into a {@code @Transactional} service):
 * a retry inside a transaction would run again in one the conflict has already doomed. A
 * refusal ({@link DomainException}) is never retried.
 */
@Component
public class TransientConflicts {

	private static final Logger logger = LoggerFactory.getLogger(TransientConflicts.class);

	private final int maxAttempts;

	private final Duration backoff;

	private final SQLExceptionTranslator translator;

	private final AtomicLong retries = new AtomicLong();

	private final AtomicLong exhausted = new AtomicLong();

	@Autowired
	TransientConflicts(DataSource dataSource, @Value("${evalflow.conflicts.max-attempts:5}") int maxAttempts,
			@Value("${evalflow.conflicts.backoff:20ms}") Duration backoff) {
		// Flowable reports a deadlock in its own statements as a FlowableException around
		// the driver's SQLException; Spring's translator reads that the way it reads its
		// own (MySQL/MariaDB 1213 deadlock and 1205 lock wait, H2 50200, SQLState 40xxx).
		this(new SQLErrorCodeSQLExceptionTranslator(dataSource), maxAttempts, backoff);
	}

	TransientConflicts(SQLExceptionTranslator translator, int maxAttempts, Duration backoff) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("evalflow.conflicts.max-attempts must be at least 1");
		}
		this.translator = translator;
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
	}

	/**
	 * Runs {@code work}, and again after a transient conflict, at most
	 * {@code evalflow.conflicts.max-attempts} times in all.
	 * @throws BusyException when every attempt lost a conflict
	 */
	public <T> T retry(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A conflict dooms the surrounding transaction: retry outside of it");
		}
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (RuntimeException ex) {
				if (!isTransient(ex)) {
					throw ex;
				}
				if (attempt >= this.maxAttempts) {
					this.exhausted.incrementAndGet();
					logger.warn("Gave up after {} attempts lost a transient conflict", attempt, ex);
					BusyException busy = new BusyException();
					busy.initCause(ex);
					throw busy;
				}
				long pause = pauseBefore(attempt + 1);
				long total = this.retries.incrementAndGet();
				logger.debug("Attempt {} of {} lost a transient conflict ({}); retrying in {} ms, {} retries so far",
						attempt, this.maxAttempts, ex.getClass().getSimpleName(), pause, total);
				sleep(pause);
			}
		}
	}

	/** Attempts run again since the application started. */
	public long retries() {
		return this.retries.get();
	}

	/** Calls that lost every attempt since the application started. */
	public long exhausted() {
		return this.exhausted.get();
	}

	/**
	 * Whether the failure is a lost race that a fresh transaction may win: optimistic
	 * locking in the engine or in JPA, a deadlock or a lock wait timeout, also when
	 * wrapped by the engine.
	 */
	boolean isTransient(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof DomainException) {
				return false;
			}
			if (t instanceof FlowableOptimisticLockingException || t instanceof OptimisticLockingFailureException
					|| t instanceof PessimisticLockingFailureException) {
				return true;
			}
			if (t instanceof SQLException sql && isLockConflict(sql)) {
				return true;
			}
		}
		return false;
	}

	private boolean isLockConflict(SQLException sql) {
		DataAccessException translated = this.translator.translate("transient conflict check", null, sql);
		return translated instanceof PessimisticLockingFailureException
				|| translated instanceof OptimisticLockingFailureException;
	}

	/** Exponential from the configured backoff, with jitter so the losers spread out. */
	private long pauseBefore(int attempt) {
		long base = this.backoff.toMillis() << Math.min(attempt - 2, 10);
		return base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BusyException();
		}
	}

}
