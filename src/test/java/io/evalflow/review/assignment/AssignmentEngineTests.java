package io.evalflow.review.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.evalflow.review.assignment.AssignmentPlan.Shortfall;
import io.evalflow.review.assignment.AssignmentProblem.Application;
import io.evalflow.review.assignment.AssignmentProblem.Expert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assignment rules on plain inputs: every hard constraint, balance, a replayable draw
 * and honest shortfalls.
 */
class AssignmentEngineTests {

	private static final String CATEGORY = "MANAGEMENT";

	private static final int UNLIMITED = 1_000;

	@Test
	void neverAssignsAnExpertOfTheLeadOrACoApplicantUnit() {
		List<Expert> experts = LongStream.rangeClosed(1, 12).mapToObj(i -> expert(i, 100 + i)).toList();
		List<Application> applications = LongStream.rangeClosed(1, 60)
			.mapToObj(i -> application(i, Set.of(101 + i % 12, 101 + (i + 5) % 12)))
			.toList();
		AssignmentPlan plan = assign(applications, experts, Map.of(), 5, 42);
		assertThat(plan.complete()).isTrue();
		assertRespected(plan, applications, experts, Map.of(), false, 5);
	}

	@Test
	void aParentOrChildOfAnApplicantUnitIsAConflictButASiblingIsNot() {
		// 部委 1 → 司局 11, 12; 司局 11 → 处 111.
		Map<Long, Long> parents = Map.of(11L, 1L, 12L, 1L, 111L, 11L);
		Expert inMinistry = expert(1, 1);
		Expert inDivision = expert(2, 111);
		Expert inSibling = expert(3, 12);
		Expert outsider = expert(4, 500);
		List<Expert> experts = List.of(inMinistry, inDivision, inSibling, outsider);
		Conflicts conflicts = new Conflicts(parents, false);
		Application byBureau = application(1, Set.of(11L));
		assertThat(conflicts.violated(inMinistry, byBureau)).contains(Constraint.UNIT);
		assertThat(conflicts.violated(inDivision, byBureau)).contains(Constraint.UNIT);
		assertThat(conflicts.violated(inSibling, byBureau)).isEmpty();
		AssignmentPlan plan = assign(List.of(byBureau), experts, parents, 2, 1);
		assertThat(plan.assignments().get(1L)).containsExactlyInAnyOrder(3L, 4L);
	}

	@Test
	void assignsOnlyExpertsWhoCoverTheCategoryGeneralistsCoverAll() {
		List<Expert> experts = new ArrayList<>();
		List<String> categories = List.of("A", "B", "C", "D");
		for (long i = 1; i <= 16; i++) {
			experts.add(expert(i, 100 + i, null, Set.of(categories.get((int) (i % 4))), UNLIMITED));
		}
		experts.add(expert(99, 199, null, Set.of(), UNLIMITED));
		List<Application> applications = LongStream.rangeClosed(1, 40)
			.mapToObj(i -> new Application(i, categories.get((int) (i % 4)), Set.of(1000 + i), Set.of(), Set.of()))
			.toList();
		AssignmentPlan plan = assign(applications, experts, Map.of(), 3, 7);
		assertThat(plan.complete()).isTrue();
		assertRespected(plan, applications, experts, Map.of(), false, 3);
		assertThat(plan.load()).containsKey(99L);
	}

	@Test
	void sameRegionIsAConflictOnlyWhereTheCampaignSaysSo() {
		List<Expert> experts = List.of(expert(1, 101, "北京", Set.of(), UNLIMITED),
				expert(2, 102, "上海", Set.of(), UNLIMITED), expert(3, 103, "广东", Set.of(), UNLIMITED));
		Application beijing = new Application(1, CATEGORY, Set.of(900L), Set.of("北京"), Set.of());
		AssignmentPlan strict = AssignmentEngine
			.assign(new AssignmentProblem(List.of(beijing), experts, Map.of(), 2, true, 5));
		assertThat(strict.assignments().get(1L)).containsExactlyInAnyOrder(2L, 3L);
		AssignmentPlan relaxed = AssignmentEngine
			.assign(new AssignmentProblem(List.of(beijing), experts, Map.of(), 3, false, 5));
		assertThat(relaxed.assignments().get(1L)).containsExactlyInAnyOrder(1L, 2L, 3L);
	}

	@Test
	void declaredConflictsWithAnApplicationOrAUnitAreRespected() {
		Expert declaredApplication = new Expert(1, 101, null, Set.of(), UNLIMITED, UNLIMITED, Set.of(7L), Set.of());
		Expert declaredUnit = new Expert(2, 102, null, Set.of(), UNLIMITED, UNLIMITED, Set.of(), Set.of(900L));
		Expert free = expert(3, 103);
		Application application = application(7, Set.of(900L));
		AssignmentPlan plan = assign(List.of(application), List.of(declaredApplication, declaredUnit, free), Map.of(),
				3, 3);
		assertThat(plan.assignments().get(7L)).containsExactly(3L);
		Shortfall shortfall = plan.shortfalls().get(0);
		assertThat(shortfall.missing()).isEqualTo(2);
		assertThat(shortfall.binding()).isEqualTo(Constraint.DECLARED);
		assertThat(shortfall.remaining()).containsEntry(Constraint.REGION, 3).containsEntry(Constraint.DECLARED, 1);
	}

	@Test
	void expertsOfAnEarlierRoundAreNotReusedWhereTheRoundSaysSo() {
		List<Expert> experts = LongStream.rangeClosed(1, 6).mapToObj(i -> expert(i, 100 + i)).toList();
		Application seenBefore = new Application(1, CATEGORY, Set.of(900L), Set.of(), Set.of(1L, 2L, 3L));
		AssignmentPlan plan = assign(List.of(seenBefore), experts, Map.of(), 3, 11);
		assertThat(plan.assignments().get(1L)).containsExactlyInAnyOrder(4L, 5L, 6L);
	}

	@Test
	void loadCapsPerRoundAndWhatTheCampaignCapLeavesHold() {
		List<Expert> experts = List.of(new Expert(1, 101, null, Set.of(), 2, UNLIMITED, Set.of(), Set.of()),
				new Expert(2, 102, null, Set.of(), UNLIMITED, 1, Set.of(), Set.of()),
				new Expert(3, 103, null, Set.of(), UNLIMITED, 0, Set.of(), Set.of()));
		List<Application> applications = LongStream.rangeClosed(1, 4)
			.mapToObj(i -> application(i, Set.of(900 + i)))
			.toList();
		AssignmentPlan plan = assign(applications, experts, Map.of(), 1, 9);
		assertThat(plan.load()).containsEntry(1L, 2).containsEntry(2L, 1).doesNotContainKey(3L);
		assertThat(plan.shortfalls()).singleElement().satisfies(s -> {
			assertThat(s.missing()).isEqualTo(1);
			assertThat(s.binding()).isEqualTo(Constraint.LOAD);
		});
	}

	@Test
	void loadsDifferByAtMostOneWhereTheConstraintsAllow() {
		Random random = new Random(3);
		List<Expert> experts = LongStream.rangeClosed(1, 100).mapToObj(i -> expert(i, 100 + i)).toList();
		List<Application> applications = LongStream.rangeClosed(1, 1_000)
			.mapToObj(i -> application(i, Set.of(101L + random.nextInt(100), 5_000 + i)))
			.toList();
		AssignmentPlan plan = assign(applications, experts, Map.of(), 3, 2012);
		assertThat(plan.complete()).isTrue();
		assertRespected(plan, applications, experts, Map.of(), false, 3);
		IntSummaryStatistics loads = plan.load().values().stream().mapToInt(Integer::intValue).summaryStatistics();
		assertThat(loads.getCount()).isEqualTo(100);
		assertThat(loads.getMax() - loads.getMin()).isLessThanOrEqualTo(1);
	}

	@Test
	void theSameSeedReplaysTheDrawAndAnotherSeedDrawsAgain() {
		List<Expert> experts = LongStream.rangeClosed(1, 30).mapToObj(i -> expert(i, 100 + i)).toList();
		List<Application> applications = LongStream.rangeClosed(1, 50)
			.mapToObj(i -> application(i, Set.of(900 + i)))
			.toList();
		AssignmentPlan first = assign(applications, experts, Map.of(), 3, 123_456);
		AssignmentPlan again = assign(applications, experts, Map.of(), 3, 123_456);
		AssignmentPlan other = assign(applications, experts, Map.of(), 3, 654_321);
		assertThat(again.assignments()).isEqualTo(first.assignments());
		assertThat(other.assignments()).isNotEqualTo(first.assignments());
		assertThat(first.seed()).isEqualTo(123_456);
	}

	@Test
	void panelsAreMixedRatherThanTheSameGroupOfExpertsOverAndOver() {
		List<Expert> experts = LongStream.rangeClosed(1, 20).mapToObj(i -> expert(i, 100 + i)).toList();
		List<Application> applications = LongStream.rangeClosed(1, 200)
			.mapToObj(i -> application(i, Set.of(900 + i)))
			.toList();
		AssignmentPlan plan = assign(applications, experts, Map.of(), 5, 8);
		Set<Set<Long>> panels = plan.assignments().values().stream().map(HashSet::new).collect(Collectors.toSet());
		assertThat(panels.size()).isGreaterThan(150);
	}

	@Test
	void aFullExpertHandsAnApplicationOverWhenThatIsTheOnlyWayToFillAPlace() {
		// Expert 1 may review both applications, expert 2 only the first; each takes one.
		// Whichever order the draw takes them in, both applications get an expert.
		Expert flexible = new Expert(1, 101, null, Set.of(), 1, UNLIMITED, Set.of(), Set.of());
		Expert constrained = new Expert(2, 102, null, Set.of(), 1, UNLIMITED, Set.of(2L), Set.of());
		List<Application> applications = List.of(application(1, Set.of(901L)), application(2, Set.of(902L)));
		for (long seed = 0; seed < 20; seed++) {
			AssignmentPlan plan = assign(applications, List.of(flexible, constrained), Map.of(), 1, seed);
			assertThat(plan.complete()).as("seed %d", seed).isTrue();
			assertThat(plan.assignments()).containsEntry(1L, List.of(2L)).containsEntry(2L, List.of(1L));
		}
	}

	@Test
	void aShortApplicationIsReportedWithTheConstraintThatBoundIt() {
		List<Expert> experts = List.of(expert(1, 101, null, Set.of("A"), UNLIMITED),
				expert(2, 102, null, Set.of("A"), UNLIMITED), expert(3, 103, null, Set.of("B"), UNLIMITED),
				expert(4, 104, null, Set.of("B"), UNLIMITED), expert(5, 105, null, Set.of("B"), UNLIMITED));
		Application fewExperts = new Application(1, "A", Set.of(900L), Set.of(), Set.of());
		Application ownUnits = new Application(2, "B", Set.of(103L, 104L), Set.of(), Set.of());
		AssignmentPlan plan = AssignmentEngine
			.assign(new AssignmentProblem(List.of(fewExperts, ownUnits), experts, Map.of(), 3, false, 4));
		Map<Long, Shortfall> shortfalls = plan.shortfalls()
			.stream()
			.collect(Collectors.toMap(Shortfall::applicationId, Function.identity()));
		assertThat(shortfalls.get(1L).missing()).isEqualTo(1);
		assertThat(shortfalls.get(1L).binding()).isEqualTo(Constraint.CATEGORY);
		assertThat(shortfalls.get(2L).missing()).isEqualTo(2);
		assertThat(shortfalls.get(2L).binding()).isEqualTo(Constraint.UNIT);
		assertThat(plan.assignments().get(2L)).containsExactly(5L);
	}

	@Test
	void randomProblemsNeverBreakAHardConstraint() {
		for (long seed = 1; seed <= 25; seed++) {
			Random random = new Random(seed);
			Map<Long, Long> parents = new HashMap<>();
			for (long unit = 20; unit < 200; unit++) {
				parents.put(unit, (long) random.nextInt(20));
			}
			List<String> regions = List.of("北京", "上海", "广东", "四川");
			List<String> categories = List.of("A", "B", "C");
			List<Expert> experts = new ArrayList<>();
			for (long i = 1; i <= 60; i++) {
				Set<String> covers = random.nextInt(5) == 0 ? Set.of() : Set.of(categories.get(random.nextInt(3)));
				experts.add(new Expert(i, random.nextInt(200), regions.get(random.nextInt(4)), covers,
						5 + random.nextInt(10), random.nextInt(30), random.nextInt(10) == 0 ? Set.of(3L) : Set.of(),
						random.nextInt(10) == 0 ? Set.of((long) random.nextInt(200)) : Set.of()));
			}
			List<Application> applications = new ArrayList<>();
			for (long i = 1; i <= 150; i++) {
				Set<Long> units = new HashSet<>(List.of((long) random.nextInt(200), (long) random.nextInt(200)));
				Set<Long> earlier = new HashSet<>(List.of(1L + random.nextInt(60), 1L + random.nextInt(60)));
				applications.add(new Application(i, categories.get(random.nextInt(3)), units,
						Set.of(regions.get(random.nextInt(4))), earlier));
			}
			AssignmentPlan plan = AssignmentEngine
				.assign(new AssignmentProblem(applications, experts, parents, 3, true, seed));
			assertRespected(plan, applications, experts, parents, true, 3);
		}
	}

	/**
	 * Every assignment breaks no constraint, no expert is above capacity, nobody is
	 * assigned twice to one application, and exactly the short applications are reported.
	 */
	private static void assertRespected(AssignmentPlan plan, List<Application> applications, List<Expert> experts,
			Map<Long, Long> parents, boolean regionConflict, int k) {
		Conflicts conflicts = new Conflicts(parents, regionConflict);
		Map<Long, Expert> byId = experts.stream().collect(Collectors.toMap(Expert::id, Function.identity()));
		Map<Long, Integer> load = new HashMap<>();
		Set<Long> expectedShort = new HashSet<>();
		for (Application application : applications) {
			List<Long> assigned = plan.assignments().get(application.id());
			assertThat(assigned).doesNotHaveDuplicates();
			for (Long expertId : assigned) {
				assertThat(conflicts.violated(byId.get(expertId), application))
					.as("expert %d on application %d", expertId, application.id())
					.isEmpty();
				load.merge(expertId, 1, Integer::sum);
			}
		}
		load.forEach((id, n) -> assertThat(n).isLessThanOrEqualTo(byId.get(id).capacity()));
		assertThat(plan.load()).isEqualTo(load);
		for (Shortfall shortfall : plan.shortfalls()) {
			int assigned = plan.assignments().get(shortfall.applicationId()).size();
			assertThat(shortfall.missing()).isPositive();
			expectedShort.add(shortfall.applicationId());
			assertThat(assigned + shortfall.missing()).isGreaterThanOrEqualTo(k);
		}
		plan.assignments()
			.forEach((id, assigned) -> assertThat(expectedShort.contains(id) || assigned.size() == k)
				.as("application %d has %d experts and is not reported short", id, assigned.size())
				.isTrue());
	}

	private static AssignmentPlan assign(List<Application> applications, List<Expert> experts, Map<Long, Long> parents,
			int k, long seed) {
		return AssignmentEngine.assign(new AssignmentProblem(applications, experts, parents, k, false, seed));
	}

	private static Application application(long id, Set<Long> units) {
		return new Application(id, CATEGORY, units, Set.of(), Set.of());
	}

	private static Expert expert(long id, long unitId) {
		return expert(id, unitId, null, Set.of(), UNLIMITED);
	}

	private static Expert expert(long id, long unitId, String region, Set<String> categories, int cap) {
		return new Expert(id, unitId, region, categories, cap, UNLIMITED, Set.of(), Set.of());
	}

}
