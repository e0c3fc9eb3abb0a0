package io.evalflow.review.assignment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the engine needs to assign one round, as plain values.
 *
 * @param applications the round's applications
 * @param experts the experts who may be drawn
 * @param unitParents each unit's parent unit, for the hierarchy of conflicts (部委 → 司局)
 * @param expertsPerApplication k
 * @param regionConflict whether an expert from an applicant unit's region is in conflict
 * @param seed the seed of the random draw; stored with the round so the draw can be
 * replayed
 */
public record AssignmentProblem(List<Application> applications, List<Expert> experts, Map<Long, Long> unitParents,
		int expertsPerApplication, boolean regionConflict, long seed) {

	public AssignmentProblem {
		if (expertsPerApplication < 1) {
			throw new IllegalArgumentException("expertsPerApplication must be at least 1");
		}
		applications = List.copyOf(applications);
		experts = List.copyOf(experts);
		unitParents = Map.copyOf(unitParents);
	}

	/**
	 * An application to assign.
	 *
	 * @param id the application id
	 * @param categoryCode its category
	 * @param unitIds the lead unit and the co-applicant units
	 * @param regions the applicant units' regions
	 * @param earlierExperts experts excluded because they reviewed it in an earlier round
	 * (empty where the round allows them again)
	 */
	public record Application(long id, String categoryCode, Set<Long> unitIds, Set<String> regions,
			Set<Long> earlierExperts) {

		public Application {
			unitIds = Set.copyOf(unitIds);
			regions = Set.copyOf(regions);
			earlierExperts = Set.copyOf(earlierExperts);
		}

	}

	/**
	 * An expert who may be drawn.
	 *
	 * @param id the expert id
	 * @param unitId the expert's unit
	 * @param region the expert's region, or {@code null}
	 * @param categoryCodes the categories covered; empty for a generalist
	 * @param roundCap the most reviews in this round
	 * @param campaignCapLeft what the expert's campaign cap leaves after earlier rounds
	 * @param declaredApplications applications the expert declared a conflict with
	 * @param declaredUnits units the expert declared a conflict with
	 */
	public record Expert(long id, long unitId, String region, Set<String> categoryCodes, int roundCap,
			int campaignCapLeft, Set<Long> declaredApplications, Set<Long> declaredUnits) {

		public Expert {
			categoryCodes = Set.copyOf(categoryCodes);
			declaredApplications = Set.copyOf(declaredApplications);
			declaredUnits = Set.copyOf(declaredUnits);
		}

		/** The most this expert may take in the round. */
		public int capacity() {
			return Math.max(0, Math.min(this.roundCap, this.campaignCapLeft));
		}

		public boolean covers(String categoryCode) {
			return this.categoryCodes.isEmpty() || this.categoryCodes.contains(categoryCode);
		}

	}

}
