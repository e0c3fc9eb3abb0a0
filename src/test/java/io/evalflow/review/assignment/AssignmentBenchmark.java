package io.evalflow.review.assignment;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.evalflow.review.assignment.AssignmentProblem.Application;
import io.evalflow.review.assignment.AssignmentProblem.Expert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assignment engine at national scale, with every constraint switched on: unit
 * hierarchy, joint applications, regions, declared conflicts, experts of an earlier round
 * excluded, round and campaign caps. Run with {@code ./mvnw -Pbench test} (1 GB heap);
 * prints {@code BENCH} lines, asserts only correctness.
 */
class AssignmentBenchmark {

	private static final List<String> CATEGORIES = List.of("MANAGEMENT", "SERVICE", "TECHNOLOGY", "MICROBLOG");

	@Test
	void nationalScale() {
		AssignmentProblem warmUp = problem(1_000, 100, 3, 1);
		for (int i = 0; i < 5; i++) {
			AssignmentEngine.assign(warmUp);
		}
		long[] small = new long[7];
		for (int i = 0; i < small.length; i++) {
			AssignmentProblem problem = problem(1_000, 100, 3, 100 + i);
			long start = System.nanoTime();
			AssignmentPlan plan = AssignmentEngine.assign(problem);
			small[i] = System.nanoTime() - start;
			assertThat(plan.complete()).isTrue();
		}
		Arrays.sort(small);
		bench("assign_1000x3", small[small.length / 2] / 1e6, "ms");

		AssignmentProblem national = problem(100_000, 20_000, 5, 2012);
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		AssignmentPlan plan = AssignmentEngine.assign(national);
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
		bench("assign_100000x5", seconds, "s");
		bench("assign_100000x5_peak_heap", peak / 1024.0 / 1024.0, "MB");
		bench("assign_100000x5_max_heap", Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0, "MB");
		bench("assign_100000x5_short", plan.shortfalls().size(), "applications");
		assertThat(plan.assignments()).hasSize(100_000);
		int[] loads = plan.load().values().stream().mapToInt(Integer::intValue).toArray();
		bench("assign_100000x5_load_spread",
				Arrays.stream(loads).max().orElse(0) - Arrays.stream(loads).min().orElse(0), "reviews");
	}

	private static void bench(String name, double value, String unit) {
		System.out.printf("BENCH %s %.2f %s%n", name, value, unit);
	}

	/**
	 * A campaign of the 2012 shape at any size: units in a two-level hierarchy (部委/省 →
	 * 司局/厅局), one application in five joint, 31 regions, 2 % of experts with declared
	 * conflicts, every application with k experts of an earlier round to avoid.
	 */
	static AssignmentProblem problem(int applications, int experts, int k, long seed) {
		Random random = new Random(seed);
		int topUnits = Math.max(10, applications / 30);
		int units = topUnits * 11;
		Map<Long, Long> parents = new HashMap<>();
		for (long unit = topUnits; unit < units; unit++) {
			parents.put(unit, unit % topUnits);
		}
		List<String> regions = new ArrayList<>();
		for (int i = 0; i < 31; i++) {
			regions.add("R" + i);
		}
		List<Application> candidates = new ArrayList<>(applications);
		for (long id = 1; id <= applications; id++) {
			Set<Long> unitIds = new HashSet<>();
			unitIds.add((long) random.nextInt(units));
			if (random.nextInt(5) == 0) {
				unitIds.add((long) random.nextInt(units));
			}
			Set<String> applicationRegions = new HashSet<>();
			unitIds.forEach(u -> applicationRegions.add(regions.get((int) (u % 31))));
			Set<Long> earlier = new HashSet<>();
			while (earlier.size() < k) {
				earlier.add(1L + random.nextInt(experts));
			}
			candidates.add(new Application(id, CATEGORIES.get(random.nextInt(CATEGORIES.size())), unitIds,
					applicationRegions, earlier));
		}
		int perExpert = (int) Math.ceil((double) applications * k / experts);
		List<Expert> pool = new ArrayList<>(experts);
		for (long id = 1; id <= experts; id++) {
			Set<String> covers = switch (random.nextInt(10)) {
				case 0, 1 -> Set.of();
				case 2, 3 -> Set.of(CATEGORIES.get((int) (id % 4)), CATEGORIES.get((int) ((id + 1) % 4)));
				default -> Set.of(CATEGORIES.get(random.nextInt(4)));
			};
			boolean declares = random.nextInt(50) == 0;
			Set<Long> declaredApplications = declares ? Set.of(1L + random.nextInt(applications)) : Set.of();
			Set<Long> declaredUnits = declares ? Set.of((long) random.nextInt(units)) : Set.of();
			long unit = random.nextInt(units);
			pool.add(new Expert(id, unit, regions.get((int) (unit % 31)), covers, perExpert * 2,
					perExpert + random.nextInt(perExpert * 2), declaredApplications, declaredUnits));
		}
		return new AssignmentProblem(candidates, pool, parents, k, true, seed);
	}

}
