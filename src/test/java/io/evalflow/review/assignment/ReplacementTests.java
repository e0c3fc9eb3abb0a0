package io.evalflow.review.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import io.evalflow.review.assignment.AssignmentProblem.Application;
import io.evalflow.review.assignment.AssignmentProblem.Expert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who takes over a place an expert left: the draw's rules, the least loaded in the round,
 * a replayable tie-break, and the rule that left nobody.
 */
class ReplacementTests {

	private static final String CATEGORY = "MANAGEMENT";

	private static final Conflicts NO_HIERARCHY = new Conflicts(Map.of(), false);

	private final Application application = new Application(1, CATEGORY, Set.of(900L), Set.of("江苏"), Set.of());

	@Test
	void choosesTheLeastLoadedExpertInTheRound() {
		List<Expert> experts = List.of(expert(1, 101, 10), expert(2, 102, 10), expert(3, 103, 10));
		Replacement.Choice choice = Replacement.choose(this.application, experts, Map.of(1L, 4, 2L, 1, 3L, 3), Set.of(),
				NO_HIERARCHY, 7);
		assertThat(choice.found()).isTrue();
		assertThat(choice.expertId()).isEqualTo(2L);
		assertThat(choice.binding()).isNull();
	}

	@Test
	void neverChoosesAnExpertAlreadyOnTheApplicationNorTheOneLeaving() {
		List<Expert> experts = List.of(expert(1, 101, 10), expert(2, 102, 10), expert(3, 103, 10));
		Replacement.Choice choice = Replacement.choose(this.application, experts, Map.of(3L, 9), Set.of(1L, 2L),
				NO_HIERARCHY, 7);
		assertThat(choice.expertId()).isEqualTo(3L);
	}

	@Test
	void holdsTheReplacementToTheDrawsRules() {
		Map<Long, Long> parents = Map.of(900L, 90L);
		Expert sameUnit = expert(1, 900, 10);
		Expert parentUnit = expert(2, 90, 10);
		Expert otherCategory = new Expert(3, 103, null, Set.of("SERVICE"), 10, 10, Set.of(), Set.of());
		Expert declared = new Expert(4, 104, null, Set.of(), 10, 10, Set.of(1L), Set.of());
		Expert reviewedEarlier = expert(5, 105, 10);
		Expert sameRegion = new Expert(6, 106, "江苏", Set.of(), 10, 10, Set.of(), Set.of());
		Expert full = expert(7, 107, 2);
		Expert campaignCapSpent = new Expert(8, 108, null, Set.of(), 10, 0, Set.of(), Set.of());
		Expert eligible = expert(9, 109, 10);
		Application reviewedBefore = new Application(1, CATEGORY, Set.of(900L), Set.of("江苏"), Set.of(5L));
		List<Expert> experts = List.of(sameUnit, parentUnit, otherCategory, declared, reviewedEarlier, sameRegion, full,
				campaignCapSpent, eligible);
		// The eligible expert is the most loaded, and still the only one allowed.
		Replacement.Choice choice = Replacement.choose(reviewedBefore, experts, Map.of(7L, 2, 9L, 8), Set.of(),
				new Conflicts(parents, true), 1);
		assertThat(choice.expertId()).isEqualTo(9L);
	}

	@Test
	void namesTheRuleThatLeftNobody() {
		assertThat(Replacement.choose(this.application, List.of(), Map.of(), Set.of(), NO_HIERARCHY, 1))
			.isEqualTo(new Replacement.Choice(null, Constraint.CATEGORY));
		Expert otherCategory = new Expert(1, 101, null, Set.of("SERVICE"), 10, 10, Set.of(), Set.of());
		assertThat(Replacement.choose(this.application, List.of(otherCategory), Map.of(), Set.of(), NO_HIERARCHY, 1)
			.binding()).isEqualTo(Constraint.CATEGORY);
		Expert sameUnit = expert(2, 900, 10);
		assertThat(Replacement
			.choose(this.application, List.of(otherCategory, sameUnit), Map.of(), Set.of(), NO_HIERARCHY, 1)
			.binding()).isEqualTo(Constraint.UNIT);
		Expert declared = new Expert(3, 103, null, Set.of(), 10, 10, Set.of(1L), Set.of());
		assertThat(
				Replacement.choose(this.application, List.of(sameUnit, declared), Map.of(), Set.of(), NO_HIERARCHY, 1)
					.binding())
			.isEqualTo(Constraint.DECLARED);
		Expert full = expert(4, 104, 3);
		assertThat(Replacement.choose(this.application, List.of(sameUnit, declared, full), Map.of(4L, 3), Set.of(),
				NO_HIERARCHY, 1))
			.isEqualTo(new Replacement.Choice(null, Constraint.LOAD));
	}

	@Test
	void theSameSeedChoosesTheSameExpertAndTiesAreSpread() {
		List<Expert> experts = LongStream.rangeClosed(1, 10).mapToObj(i -> expert(i, 100 + i, 10)).toList();
		Map<Long, Integer> chosen = new HashMap<>();
		for (long seed = 0; seed < 200; seed++) {
			Replacement.Choice first = Replacement.choose(this.application, experts, Map.of(), Set.of(), NO_HIERARCHY,
					seed);
			Replacement.Choice again = Replacement.choose(this.application, experts, Map.of(), Set.of(), NO_HIERARCHY,
					seed);
			assertThat(again).isEqualTo(first);
			chosen.merge(first.expertId(), 1, Integer::sum);
		}
		assertThat(chosen).hasSize(10);
	}

	private static Expert expert(long id, long unitId, int roundCap) {
		return new Expert(id, unitId, null, Set.of(), roundCap, Integer.MAX_VALUE, Set.of(), Set.of());
	}

}
