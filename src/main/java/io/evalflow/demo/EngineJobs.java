package io.evalflow.demo;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.job.api.Job;

import org.springframework.stereotype.Component;

/**
 * Waits for the engine's asynchronous work the replay depends on (the draw, the release
 * of reviews). With the async executor running, it waits for it; without one (the test
 * suite), it runs the jobs itself, one by one, as the executor would.
 */
@Component
class EngineJobs {

	private static final Duration PATIENCE = Duration.ofMinutes(30);

	private final ManagementService management;

	private final ProcessEngineConfiguration configuration;

	EngineJobs(ManagementService management, ProcessEngineConfiguration configuration) {
		this.management = management;
		this.configuration = configuration;
	}

	void await(BooleanSupplier done) {
		long giveUp = System.nanoTime() + PATIENCE.toNanos();
		boolean executor = this.configuration.getAsyncExecutor() != null
				&& this.configuration.getAsyncExecutor().isActive();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > giveUp) {
				throw new IllegalStateException("the engine did not finish in " + PATIENCE);
			}
			if (executor) {
				pause();
				continue;
			}
			List<Job> jobs = this.management.createJobQuery().list();
			if (jobs.isEmpty()) {
				throw new IllegalStateException("nothing left for the engine to do, and still not done");
			}
			this.management.executeJob(jobs.get(0).getId());
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
