package io.evalflow.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Gives each application {@code k} experts, balancing load. Plain Java over plain inputs.
 * <p>
 * Hard constraints: an expert never reviews an application of their own unit (lead or
 * co-applicant), covers the application's category (an expert with no categories covers
 * all), and stays within their load cap. Among the experts allowed, the least loaded is
 * chosen; ties fall to a seeded shuffle, so the same inputs and seed give the same plan.
 * Applications that cannot get {@code k} experts are reported, never silently
 * under-assigned.
 */
public final class AssignmentPlanner {

	private AssignmentPlanner() {
	}

	public static Plan plan(List<Candidate> applications, List<Reviewer> experts, int k, long seed) {
		Random random = new Random(seed);
		List<Reviewer> pool = new ArrayList<>(experts);
		Collections.shuffle(pool, random);
		Map<Long, Integer> drawOrder = new HashMap<>();
		for (int i = 0; i < pool.size(); i++) {
			drawOrder.put(pool.get(i).id(), i);
		}
		Map<Long, Integer> load = new HashMap<>();
		Map<Long, List<Long>> assigned = new LinkedHashMap<>();
		List<Shortfall> shortfalls = new ArrayList<>();
		Comparator<Reviewer> leastLoaded = Comparator.comparingInt((Reviewer r) -> load.getOrDefault(r.id(), 0))
			.thenComparingInt(r -> drawOrder.get(r.id()));
		for (Candidate application : applications) {
			List<Reviewer> allowed = pool.stream()
				.filter(r -> r.covers(application.categoryCode()))
				.filter(r -> !application.unitIds().contains(r.unitId()))
				.filter(r -> load.getOrDefault(r.id(), 0) < r.loadCap())
				.sorted(leastLoaded)
				.limit(k)
				.toList();
			List<Long> chosen = allowed.stream().map(Reviewer::id).toList();
			chosen.forEach(id -> load.merge(id, 1, Integer::sum));
			assigned.put(application.id(), chosen);
			if (chosen.size() < k) {
				shortfalls.add(new Shortfall(application.id(), k - chosen.size()));
			}
		}
		return new Plan(assigned, load, shortfalls);
	}

	/** An application to assign: its id, category code and the units it speaks for. */
	public record Candidate(Long id, String categoryCode, Set<Long> unitIds) {
	}

	/** An expert who may be assigned. An empty category set means a generalist. */
	public record Reviewer(Long id, Long unitId, Set<String> categoryCodes, int loadCap) {

		boolean covers(String categoryCode) {
			return this.categoryCodes.isEmpty() || this.categoryCodes.contains(categoryCode);
		}

	}

	/** An application that got {@code missing} experts fewer than asked. */
	public record Shortfall(Long applicationId, int missing) {
	}

	/**
	 * @param assignments expert ids per application id, in application order
	 * @param load assignments per expert id
	 * @param shortfalls the applications left short
	 */
	public record Plan(Map<Long, List<Long>> assignments, Map<Long, Integer> load, List<Shortfall> shortfalls) {

		public boolean complete() {
			return this.shortfalls.isEmpty();
		}

	}

}
