package io.evalflow.review.assignment;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.evalflow.review.assignment.AssignmentProblem.Application;
import io.evalflow.review.assignment.AssignmentProblem.Expert;

/**
 * Whether an expert may review an application, constraint by constraint. The engine asks
 * it for every candidate it draws; the organizer's manual changes ask it too, so a manual
 * assignment is held to the same rules (and an override of one is recorded).
 */
public final class Conflicts {

	private final Map<Long, Long> unitParents;

	private final boolean regionConflict;

	private final Map<Long, long[]> lineages = new HashMap<>();

	public Conflicts(Map<Long, Long> unitParents, boolean regionConflict) {
		this.unitParents = unitParents;
		this.regionConflict = regionConflict;
	}

	/**
	 * The first constraint (in {@link Constraint} order, load aside) the pair breaks, if
	 * any.
	 */
	public Optional<Constraint> violated(Expert expert, Application application) {
		if (!expert.covers(application.categoryCode())) {
			return Optional.of(Constraint.CATEGORY);
		}
		return Optional.ofNullable(conflict(expert, application, lineage(application)));
	}

	/** The constraint of interest the pair breaks, or {@code null}; category aside. */
	Constraint conflict(Expert expert, Application application, long[] applicationLineage) {
		if (contains(applicationLineage, expert.unitId())) {
			return Constraint.UNIT;
		}
		long[] expertLineage = lineage(expert.unitId());
		for (Long unitId : application.unitIds()) {
			if (contains(expertLineage, unitId)) {
				return Constraint.UNIT;
			}
		}
		if (this.regionConflict && expert.region() != null && application.regions().contains(expert.region())) {
			return Constraint.REGION;
		}
		if (expert.declaredApplications().contains(application.id())) {
			return Constraint.DECLARED;
		}
		for (Long unitId : expert.declaredUnits()) {
			if (application.unitIds().contains(unitId)) {
				return Constraint.DECLARED;
			}
		}
		if (application.earlierExperts().contains(expert.id())) {
			return Constraint.EARLIER_ROUND;
		}
		return null;
	}

	/** The application's units and all their ancestors. */
	long[] lineage(Application application) {
		Set<Long> units = new LinkedHashSet<>();
		for (Long unitId : application.unitIds()) {
			for (long id : lineage(unitId)) {
				units.add(id);
			}
		}
		return units.stream().mapToLong(Long::longValue).toArray();
	}

	/** The unit and its ancestors, nearest first; a cycle in bad data stops the walk. */
	long[] lineage(long unitId) {
		long[] known = this.lineages.get(unitId);
		if (known != null) {
			return known;
		}
		Set<Long> chain = new LinkedHashSet<>();
		Long current = unitId;
		while (current != null && chain.add(current)) {
			current = this.unitParents.get(current);
		}
		long[] lineage = chain.stream().mapToLong(Long::longValue).toArray();
		this.lineages.put(unitId, lineage);
		return lineage;
	}

	private static boolean contains(long[] values, long value) {
		for (long v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

}
