package io.evalflow.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.evalflow.shared.DomainException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the replay for an organizer in the background, one at a time, and keeps what it
 * has done so far for the progress screen. Kept in this node's memory on purpose: it is a
 * demo tool of the embedded database.
 */
@Component
@ConditionalOnBooleanProperty("evalflow.demo.enabled")
public class ReplayRuns {

	private static final Logger log = LoggerFactory.getLogger(ReplayRuns.class);

	private final DemoReplay replay;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final List<ReplayReport.Stage> stages = new ArrayList<>();

	private State state = State.IDLE;

	private DomainException refusal;

	private String failure;

	private Instant startedAt;

	ReplayRuns(DemoReplay replay, Clock clock) {
		this.replay = replay;
		this.clock = clock;
	}

	public synchronized void start(String organizer) {
		if (this.state == State.RUNNING) {
			throw new DomainException("demo.error.running");
		}
		this.state = State.RUNNING;
		this.stages.clear();
		this.refusal = null;
		this.failure = null;
		this.startedAt = this.clock.instant();
		log.info("Demo replay started by {}", organizer);
		this.executor.submit(this::runReplay);
	}

	private void runReplay() {
		try {
			this.replay.run(this::stageDone);
			finish(State.DONE, null, null);
		}
		catch (DomainException ex) {
			finish(State.FAILED, ex, null);
		}
		catch (RuntimeException ex) {
			log.error("Demo replay failed", ex);
			finish(State.FAILED, null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private synchronized void stageDone(ReplayReport.Stage stage) {
		log.info(stage.line());
		this.stages.add(stage);
	}

	private synchronized void finish(State state, DomainException refusal, String failure) {
		this.state = state;
		this.refusal = refusal;
		this.failure = failure;
	}

	public synchronized Status status() {
		return new Status(this.state, List.copyOf(this.stages), this.refusal, this.failure, this.startedAt);
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	public enum State {

		IDLE, RUNNING, DONE, FAILED

	}

	/**
	 * @param refusal why the replay was refused, shown in the organizer's language
	 * @param failure an unexpected error, as the log has it
	 */
	public record Status(State state, List<ReplayReport.Stage> stages, DomainException refusal, String failure,
			Instant startedAt) {

		public long totalMillis() {
			return this.stages.stream().mapToLong(ReplayReport.Stage::millis).sum();
		}

	}

}
