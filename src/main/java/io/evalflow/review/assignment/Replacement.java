package io.evalflow.review.assignment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;

import io.evalflow.review.assignment.AssignmentProblem.Application;
import io.evalflow.review.assignment.AssignmentProblem.Expert;

/**
 * Finds the expert who takes over one place of an application in a round that is already
 * under way: someone who breaks none of the draw's constraints and still has room, the
 * least loaded in the round first, as the draw would have chosen. Ties are broken by a
 * seeded random choice, so the same inputs and seed choose the same expert.
 */
public final class Replacement {

	private Replacement() {
	}

	/**
	 * Chooses the replacement.
	 * @param application the application whose place is free
	 * @param experts the pool, with caps as the draw sees them
	 * @param roundLoad places each expert holds in the round now, by expert id
	 * @param excluded experts who may not take the place whatever the rules say: those
	 * already on the application in the round, and the one leaving it
	 * @param conflicts the rules of interest
	 * @param seed the seed of the tie-break
	 * @return the chosen expert, or the constraint that left nobody
	 */
	public static Choice choose(Application application, List<Expert> experts, Map<Long, Integer> roundLoad,
			Set<Long> excluded, Conflicts conflicts, long seed) {
		long[] lineage = conflicts.lineage(application);
		Map<Constraint, Integer> passed = new EnumMap<>(Constraint.class);
		SplittableRandom random = new SplittableRandom(seed);
		Expert best = null;
		int bestLoad = Integer.MAX_VALUE;
		int ties = 0;
		for (Expert expert : experts) {
			if (excluded.contains(expert.id())) {
				continue;
			}
			Constraint broken = expert.covers(application.categoryCode())
					? conflicts.conflict(expert, application, lineage) : Constraint.CATEGORY;
			int load = roundLoad.getOrDefault(expert.id(), 0);
			if (broken == null && load >= expert.capacity()) {
				broken = Constraint.LOAD;
			}
			for (Constraint constraint : Constraint.values()) {
				if (constraint == broken) {
					break;
				}
				passed.merge(constraint, 1, Integer::sum);
			}
			if (broken != null) {
				continue;
			}
			if (load < bestLoad) {
				best = expert;
				bestLoad = load;
				ties = 1;
			}
			else if (load == bestLoad && random.nextInt(++ties) == 0) {
				best = expert;
			}
		}
		if (best != null) {
			return new Choice(best.id(), null);
		}
		for (Constraint constraint : Constraint.values()) {
			if (passed.getOrDefault(constraint, 0) == 0) {
				return new Choice(null, constraint);
			}
		}
		throw new IllegalStateException("an expert passed every constraint but was not chosen");
	}

	/**
	 * The outcome: an expert, or none and the first constraint that left nobody.
	 *
	 * @param expertId the chosen expert, or {@code null}
	 * @param binding why nobody was found, or {@code null} when someone was
	 */
	public record Choice(Long expertId, Constraint binding) {

		public boolean found() {
			return this.expertId != null;
		}

	}

}
