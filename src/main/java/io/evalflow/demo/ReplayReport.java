package io.evalflow.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a replay did, stage by stage: how many items and how long it took. Each stage is
 * also handed to a listener as it finishes, so the command line and the organizer's
 * screen show progress.
 */
public class ReplayReport {

	private final List<Stage> stages = new ArrayList<>();

	private final Consumer<Stage> listener;

	ReplayReport(Consumer<Stage> listener) {
		this.listener = listener;
	}

	synchronized void add(String name, long count, long millis) {
		Stage stage = new Stage(name, count, millis);
		this.stages.add(stage);
		this.listener.accept(stage);
	}

	public synchronized List<Stage> stages() {
		return List.copyOf(this.stages);
	}

	public synchronized long totalMillis() {
		return this.stages.stream().mapToLong(Stage::millis).sum();
	}

	/**
	 * A stage: its message key suffix ({@code demo.stage.<name>}), the items it handled
	 * and its duration.
	 */
	public record Stage(String name, long count, long millis) {

		public String line() {
			return "REPLAY %-22s %6d %8.1f s".formatted(this.name, this.count, this.millis / 1000.0);
		}

	}

}
