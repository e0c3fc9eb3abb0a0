package io.evalflow.review.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.evalflow.review.assignment.AssignmentPlan.Shortfall;
import io.evalflow.review.assignment.AssignmentProblem.Application;
import io.evalflow.review.assignment.AssignmentProblem.Expert;

/**
 * Gives each application of a round k experts under hard constraints (see
 * {@link Constraint}), balancing load. Plain Java over plain inputs.
 * <p>
 * The draw (随机遴选) is seeded: applications are taken in a shuffled order and each of an
 * application's k places goes to a random expert among the least loaded of its category
 * who breaks no constraint, so loads stay within one of each other wherever the
 * constraints allow and the same inputs and seed give the same plan. An application the
 * draw leaves short gets a repair pass (an expert who is full hands one of their other
 * applications to an expert with room); what is still short is reported with the
 * constraint that bound it, never silently under-assigned.
 * <p>
 * Cost: each place costs a few random probes into a bucket of equally loaded experts, so
 * 100,000 × 5 among 20,000 experts is a matter of seconds.
 */
public final class AssignmentEngine {

	private static final int REPAIR_CANDIDATES = 2_000;

	private final AssignmentProblem problem;

	private final Conflicts conflicts;

	private final Random random;

	private final Expert[] experts;

	private final int[] capacity;

	private final int[] load;

	private final Map<String, Pool> pools = new HashMap<>();

	private final int[][] poolsOf;

	private final List<Pool> poolList = new ArrayList<>();

	private final int[][] chosen;

	private final int[] chosenCount;

	private final long[][] lineages;

	private final IntList[] assignedTo;

	private AssignmentEngine(AssignmentProblem problem) {
		this.problem = problem;
		this.conflicts = new Conflicts(problem.unitParents(), problem.regionConflict());
		this.random = new Random(problem.seed());
		this.experts = problem.experts().toArray(Expert[]::new);
		int n = this.experts.length;
		this.capacity = new int[n];
		this.load = new int[n];
		this.assignedTo = new IntList[n];
		for (int g = 0; g < n; g++) {
			this.capacity[g] = this.experts[g].capacity();
			this.assignedTo[g] = new IntList();
		}
		int apps = problem.applications().size();
		this.chosen = new int[apps][problem.expertsPerApplication()];
		this.chosenCount = new int[apps];
		this.lineages = new long[apps][];
		for (Application application : problem.applications()) {
			this.pools.computeIfAbsent(application.categoryCode(), code -> {
				Pool pool = new Pool(this.poolList.size(), n);
				this.poolList.add(pool);
				return pool;
			});
		}
		List<List<Integer>> membership = new ArrayList<>();
		for (int g = 0; g < n; g++) {
			List<Integer> of = new ArrayList<>();
			for (Map.Entry<String, Pool> entry : this.pools.entrySet()) {
				if (this.experts[g].covers(entry.getKey())) {
					entry.getValue().members.add(g);
					of.add(entry.getValue().index);
					if (this.capacity[g] > 0) {
						entry.getValue().add(g, 0);
					}
				}
			}
			membership.add(of);
		}
		this.poolsOf = membership.stream()
			.map(l -> l.stream().mapToInt(Integer::intValue).toArray())
			.toArray(int[][]::new);
	}

	public static AssignmentPlan assign(AssignmentProblem problem) {
		return new AssignmentEngine(problem).run();
	}

	private AssignmentPlan run() {
		List<Application> applications = this.problem.applications();
		int[] order = new int[applications.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		for (int i = order.length - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		for (int a : order) {
			this.lineages[a] = this.conflicts.lineage(applications.get(a));
			draw(a);
		}
		for (int a : order) {
			while (this.chosenCount[a] < this.problem.expertsPerApplication() && repair(a)) {
				// each successful repair fills one place
			}
		}
		return plan();
	}

	/** Fills the application's places from the least loaded experts of its category. */
	private void draw(int a) {
		Application application = this.problem.applications().get(a);
		Pool pool = this.pools.get(application.categoryCode());
		int k = this.problem.expertsPerApplication();
		for (int level = pool.minLevel; level < pool.buckets.size() && this.chosenCount[a] < k; level++) {
			IntList bucket = pool.buckets.get(level);
			int end = bucket.size;
			int taken = 0;
			int[] picked = new int[k];
			while (this.chosenCount[a] + taken < k && end > 0) {
				int r = this.random.nextInt(end);
				int g = bucket.values[r];
				pool.swap(bucket, r, end - 1);
				end--;
				if (!isChosen(a, g) && allowed(g, a)) {
					picked[taken++] = g;
				}
			}
			for (int i = 0; i < taken; i++) {
				take(a, picked[i]);
			}
		}
		pool.advance();
	}

	/**
	 * One place for a short application: an expert who may review it but is full gives up
	 * one of their other applications to an expert with room.
	 */
	private boolean repair(int a) {
		Application application = this.problem.applications().get(a);
		Pool pool = this.pools.get(application.categoryCode());
		IntList members = pool.members;
		int start = (members.size == 0) ? 0 : this.random.nextInt(members.size);
		int limit = Math.min(members.size, REPAIR_CANDIDATES);
		for (int i = 0; i < limit; i++) {
			int e = members.values[(start + i) % members.size];
			if (this.capacity[e] == 0 || isChosen(a, e) || !allowed(e, a)) {
				continue;
			}
			if (this.load[e] < this.capacity[e]) {
				take(a, e);
				return true;
			}
			for (int j = 0; j < this.assignedTo[e].size; j++) {
				int b = this.assignedTo[e].values[j];
				int y = substitute(b, e);
				if (y >= 0) {
					replace(b, e, y);
					take(a, e);
					return true;
				}
			}
		}
		return false;
	}

	/** An expert with room who may take {@code e}'s place on application {@code b}. */
	private int substitute(int b, int e) {
		Pool pool = this.pools.get(this.problem.applications().get(b).categoryCode());
		for (int level = pool.minLevel; level < pool.buckets.size(); level++) {
			IntList bucket = pool.buckets.get(level);
			for (int i = 0; i < bucket.size; i++) {
				int y = bucket.values[i];
				if (y != e && !isChosen(b, y) && allowed(y, b)) {
					return y;
				}
			}
		}
		return -1;
	}

	private void replace(int b, int e, int y) {
		for (int i = 0; i < this.chosenCount[b]; i++) {
			if (this.chosen[b][i] == e) {
				this.chosen[b][i] = this.chosen[b][--this.chosenCount[b]];
				break;
			}
		}
		this.assignedTo[e].remove(b);
		this.load[e]--;
		for (int p : this.poolsOf[e]) {
			this.poolList.get(p).move(e, this.load[e] + 1, this.load[e], this.capacity[e]);
		}
		take(b, y);
	}

	private void take(int a, int g) {
		this.chosen[a][this.chosenCount[a]++] = g;
		this.assignedTo[g].add(a);
		this.load[g]++;
		for (int p : this.poolsOf[g]) {
			this.poolList.get(p).move(g, this.load[g] - 1, this.load[g], this.capacity[g]);
		}
	}

	private boolean allowed(int g, int a) {
		return this.conflicts.conflict(this.experts[g], this.problem.applications().get(a), this.lineages[a]) == null;
	}

	private boolean isChosen(int a, int g) {
		for (int i = 0; i < this.chosenCount[a]; i++) {
			if (this.chosen[a][i] == g) {
				return true;
			}
		}
		return false;
	}

	private AssignmentPlan plan() {
		List<Application> applications = this.problem.applications();
		Map<Long, List<Long>> assignments = new LinkedHashMap<>();
		List<Shortfall> shortfalls = new ArrayList<>();
		for (int a = 0; a < applications.size(); a++) {
			List<Long> ids = new ArrayList<>(this.chosenCount[a]);
			for (int i = 0; i < this.chosenCount[a]; i++) {
				ids.add(this.experts[this.chosen[a][i]].id());
			}
			assignments.put(applications.get(a).id(), ids);
			if (ids.size() < this.problem.expertsPerApplication()) {
				shortfalls.add(diagnose(a));
			}
		}
		Map<Long, Integer> loads = new LinkedHashMap<>();
		for (int g = 0; g < this.experts.length; g++) {
			if (this.load[g] > 0) {
				loads.put(this.experts[g].id(), this.load[g]);
			}
		}
		return new AssignmentPlan(this.problem.seed(), assignments, loads, shortfalls);
	}

	/** How many experts each constraint left for a short application. */
	private Shortfall diagnose(int a) {
		Application application = this.problem.applications().get(a);
		Map<Constraint, Integer> remaining = new EnumMap<>(Constraint.class);
		for (Constraint constraint : Constraint.values()) {
			remaining.put(constraint, 0);
		}
		for (int g = 0; g < this.experts.length; g++) {
			Expert expert = this.experts[g];
			if (!expert.covers(application.categoryCode())) {
				continue;
			}
			Constraint broken = this.conflicts.conflict(expert, application, this.lineages[a]);
			boolean hasRoom = isChosen(a, g) || this.load[g] < this.capacity[g];
			for (Constraint constraint : Constraint.values()) {
				if (constraint == broken || (constraint == Constraint.LOAD && !hasRoom)) {
					break;
				}
				remaining.merge(constraint, 1, Integer::sum);
			}
		}
		int k = this.problem.expertsPerApplication();
		Constraint binding = Constraint.LOAD;
		for (Constraint constraint : Constraint.values()) {
			if (remaining.get(constraint) < k) {
				binding = constraint;
				break;
			}
		}
		return new Shortfall(application.id(), k - this.chosenCount[a], binding, remaining);
	}

	/**
	 * The experts of one category, bucketed by load so that the least loaded are found at
	 * once. Full experts leave the buckets.
	 */
	private static final class Pool {

		final int index;

		final IntList members = new IntList();

		final List<IntList> buckets = new ArrayList<>();

		final int[] position;

		int minLevel;

		Pool(int index, int experts) {
			this.index = index;
			this.position = new int[experts];
		}

		void add(int g, int level) {
			while (this.buckets.size() <= level) {
				this.buckets.add(new IntList());
			}
			IntList bucket = this.buckets.get(level);
			this.position[g] = bucket.size;
			bucket.add(g);
			this.minLevel = Math.min(this.minLevel, level);
		}

		/** Moves an expert between load levels; a full expert is in no bucket. */
		void move(int g, int from, int to, int capacity) {
			if (from < capacity) {
				IntList bucket = this.buckets.get(from);
				swap(bucket, this.position[g], bucket.size - 1);
				bucket.size--;
			}
			if (to < capacity) {
				add(g, to);
			}
		}

		void swap(IntList bucket, int i, int j) {
			int a = bucket.values[i];
			int b = bucket.values[j];
			bucket.values[i] = b;
			bucket.values[j] = a;
			this.position[b] = i;
			this.position[a] = j;
		}

		void advance() {
			while (this.minLevel < this.buckets.size() && this.buckets.get(this.minLevel).size == 0) {
				this.minLevel++;
			}
		}

	}

	/** A growable list of ints, without boxing. */
	private static final class IntList {

		int[] values = new int[8];

		int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		void remove(int value) {
			for (int i = 0; i < this.size; i++) {
				if (this.values[i] == value) {
					this.values[i] = this.values[--this.size];
					return;
				}
			}
		}

	}

}
