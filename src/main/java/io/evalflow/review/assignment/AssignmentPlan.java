package io.evalflow.review.assignment;

import java.util.List;
import java.util.Map;

/**
 * What the engine proposes.
 *
 * @param seed the seed of the draw
 * @param assignments expert ids per application id, in the applications' order
 * @param load reviews per expert id in this plan
 * @param shortfalls the applications left with fewer than k experts
 */
public record AssignmentPlan(long seed, Map<Long, List<Long>> assignments, Map<Long, Integer> load,
		List<Shortfall> shortfalls) {

	public boolean complete() {
		return this.shortfalls.isEmpty();
	}

	/**
	 * An application left short.
	 *
	 * @param applicationId the application
	 * @param missing how many experts it lacks
	 * @param binding the first constraint that left fewer than k experts
	 * @param remaining how many experts were left after each constraint, in
	 * {@link Constraint} order
	 */
	public record Shortfall(long applicationId, int missing, Constraint binding, Map<Constraint, Integer> remaining) {
	}

}
