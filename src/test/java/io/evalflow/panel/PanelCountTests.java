package io.evalflow.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.panel.PanelCount.Method;
import io.evalflow.panel.PanelCount.Panel;
import io.evalflow.panel.PanelCount.TieBreak;
import io.evalflow.panel.PanelResult.IgnoredVote;
import io.evalflow.panel.PanelResult.Standing;
import io.evalflow.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Panel counts worked out by hand.
 */
class PanelCountTests {

	private static final long A = 1;

	private static final long B = 2;

	private static final long C = 3;

	private static final long D = 4;

	private static final long E = 5;

	// Mean score

	@Test
	void meanScoreIsTheMeanOverTheMembersWithoutAConflict() {
		// m3 has a conflict with B and scores only A and C.
		// A: (90 + 80 + 70) / 3 = 80; B: (85 + 95) / 2 = 90; C: (70 + 75 + 88) / 3 =
		// 77.6667.
		PanelResult result = count(Method.MEAN_SCORE, TieBreak.NONE, panel(2, Map.of("m3", Set.of(B)), A, B, C),
				scored("m1", A, "90", B, "85", C, "70"), scored("m2", A, "80", B, "95", C, "75"),
				scored("m3", A, "70", C, "88"));
		assertThat(result.selected()).containsExactly(B, A);
		assertThat(result.complete()).isTrue();
		assertThat(result.standings()).extracting(Standing::applicationId, Standing::value, Standing::voters)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(B, new BigDecimal("90.0000"), 2),
					org.assertj.core.groups.Tuple.tuple(A, new BigDecimal("80.0000"), 3),
					org.assertj.core.groups.Tuple.tuple(C, new BigDecimal("77.6667"), 3));
	}

	@Test
	void aVoteOnAConflictedApplicationIsLeftOutAndReported() {
		// As above, but m3 scored B anyway (0): it must not pull B's mean down.
		PanelResult result = count(Method.MEAN_SCORE, TieBreak.NONE, panel(2, Map.of("m3", Set.of(B)), A, B, C),
				scored("m1", A, "90", B, "85", C, "70"), scored("m2", A, "80", B, "95", C, "75"),
				scored("m3", A, "70", B, "0", C, "88"));
		assertThat(result.selected()).containsExactly(B, A);
		assertThat(result.standings().get(0).value()).isEqualByComparingTo("90");
		assertThat(result.ignored()).containsExactly(new IgnoredVote("m3", B));
	}

	@Test
	void meansAreComparedExactlySoEqualFractionsTie() {
		// A: (1 + 2) / 2 = 3/2; B: (1 + 1.5 + 2) / 3 = 3/2 (m2 has a conflict with A); C:
		// 1.
		PanelResult result = count(Method.MEAN_SCORE, TieBreak.NONE, panel(1, Map.of("m2", Set.of(A)), A, B, C),
				scored("m1", A, "1", B, "1", C, "1"), scored("m2", B, "1.5", C, "1"),
				scored("m3", A, "2", B, "2", C, "1"));
		assertThat(result.complete()).isFalse();
		assertThat(result.selected()).isEmpty();
		assertThat(result.tiedAtLine()).containsExactlyInAnyOrder(A, B);
		assertThat(result.placesLeft()).isEqualTo(1);
		assertThat(result.standings()).extracting(Standing::position).containsExactly(1, 1, 3);
	}

	// Ties at the line

	@Test
	void aTieAtTheLineIsReportedWhenTheCampaignDeclaresNoTieBreak() {
		PanelResult result = count(Method.MEAN_SCORE, TieBreak.NONE, panel(2, Map.of(), A, B, C, D),
				scored("m1", A, "90", B, "85", C, "85", D, "70"));
		assertThat(result.selected()).containsExactly(A);
		assertThat(result.tiedAtLine()).containsExactlyInAnyOrder(B, C);
		assertThat(result.placesLeft()).isEqualTo(1);
	}

	@Test
	void thePriorRoundsScoreBreaksATieAtTheLine() {
		Panel panel = new Panel(List.of(A, B, C, D), 2, Map.of(), Map.of(B, new BigDecimal("80"), C,
				new BigDecimal("82.5"), A, new BigDecimal("1"), D, new BigDecimal("99")));
		PanelResult result = count(Method.MEAN_SCORE, TieBreak.PRIOR_ROUND, panel,
				scored("m1", A, "90", B, "85", C, "85", D, "70"));
		assertThat(result.complete()).isTrue();
		assertThat(result.selected()).containsExactly(A, C);
		assertThat(result.standings()).extracting(Standing::applicationId, Standing::tieBroken)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(A, false),
					org.assertj.core.groups.Tuple.tuple(C, true), org.assertj.core.groups.Tuple.tuple(B, true),
					org.assertj.core.groups.Tuple.tuple(D, false));
	}

	@Test
	void equalPriorScoresLeaveTheTieReportedAndNothingBelowItSelected() {
		Panel panel = new Panel(List.of(A, B, C, D), 3, Map.of(),
				Map.of(B, new BigDecimal("80"), C, new BigDecimal("80.0"), D, new BigDecimal("90")));
		PanelResult result = count(Method.MEAN_SCORE, TieBreak.PRIOR_ROUND, panel,
				scored("m1", A, "90", B, "85", C, "85", D, "84"));
		// A and B/C fill 3 places exactly: no tie at the line, the prior round is not
		// needed.
		assertThat(result.selected()).containsExactly(A, B, C);
		PanelResult two = count(Method.MEAN_SCORE, TieBreak.PRIOR_ROUND,
				new Panel(List.of(A, B, C, D), 2, Map.of(), panel.priorScores()),
				scored("m1", A, "90", B, "85", C, "85", D, "84"));
		assertThat(two.selected()).containsExactly(A);
		assertThat(two.tiedAtLine()).containsExactlyInAnyOrder(B, C);
	}

	@Test
	void aTieBreakWithoutAPriorScoreIsRefused() {
		assertRefused(() -> count(Method.MEAN_SCORE, TieBreak.PRIOR_ROUND, panel(1, Map.of(), A, B),
				scored("m1", A, "85", B, "85")), "panel.error.noPriorScore");
	}

	@Test
	void aQuotaLargerThanTheFinalistsSelectsThemAll() {
		PanelResult result = count(Method.MEAN_SCORE, TieBreak.NONE, panel(10, Map.of(), A, B),
				scored("m1", A, "85", B, "85"));
		assertThat(result.selected()).containsExactlyInAnyOrder(A, B);
		assertThat(result.complete()).isTrue();
	}

	// Borda

	@Test
	void bordaGivesEachBallotPointsFromOneDownToZeroAndTakesTheMean() {
		// m1: A > B > C → A 1, B 1/2, C 0; m2: B > A > C → B 1, A 1/2, C 0;
		// m3 has a conflict with B: A > C → A 1, C 0.
		// A: (1 + 1/2 + 1) / 3 = 5/6; B: (1/2 + 1) / 2 = 3/4; C: 0.
		PanelResult result = count(Method.BORDA, TieBreak.NONE, panel(1, Map.of("m3", Set.of(B)), A, B, C),
				ranked("m1", A, B, C), ranked("m2", B, A, C), ranked("m3", A, C));
		assertThat(result.selected()).containsExactly(A);
		assertThat(result.standings()).extracting(Standing::applicationId, Standing::value, Standing::voters)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(A, new BigDecimal("0.8333"), 3),
					org.assertj.core.groups.Tuple.tuple(B, new BigDecimal("0.7500"), 2),
					org.assertj.core.groups.Tuple.tuple(C, new BigDecimal("0.0000"), 3));
	}

	@Test
	void bordaDoesNotPunishTheApplicationAMemberCouldNotRank() {
		// m1: A > B > C; m2 has a conflict with A: B > C.
		// Summed classic points would tie A (2) with B (1 + 1); the mean of normalised
		// points gives A 1/1 = 1 and B (1/2 + 1) / 2 = 3/4: A was first on every ballot
		// it
		// could be on.
		PanelResult result = count(Method.BORDA, TieBreak.NONE, panel(1, Map.of("m2", Set.of(A)), A, B, C),
				ranked("m1", A, B, C), ranked("m2", B, C));
		assertThat(result.selected()).containsExactly(A);
		assertThat(result.standings().get(0).value()).isEqualByComparingTo("1");
		assertThat(result.standings().get(1).value()).isEqualByComparingTo("0.75");
	}

	@Test
	void aConflictedApplicationRankedAnywayIsTakenOutAndTheOrderClosesUp() {
		// m2 ranked A (a conflict) first: without it their ballot is B > C, as above.
		PanelResult result = count(Method.BORDA, TieBreak.NONE, panel(1, Map.of("m2", Set.of(A)), A, B, C),
				ranked("m1", A, B, C), ranked("m2", A, B, C));
		assertThat(result.standings()).extracting(Standing::value)
			.containsExactly(new BigDecimal("1.0000"), new BigDecimal("0.7500"), new BigDecimal("0.0000"));
		assertThat(result.ignored()).containsExactly(new IgnoredVote("m2", A));
	}

	// Schulze

	/**
	 * The example of Schulze's paper and of Wikipedia's article on the method: 45 voters,
	 * five candidates; the winner is E, and the full order E > A > C > B > D.
	 */
	@Test
	void schulzeOnTheClassicFortyFiveVoterExample() {
		List<Ballot> ballots = new ArrayList<>();
		votes(ballots, 5, A, C, B, E, D);
		votes(ballots, 5, A, D, E, C, B);
		votes(ballots, 8, B, E, D, A, C);
		votes(ballots, 3, C, A, B, E, D);
		votes(ballots, 7, C, A, E, B, D);
		votes(ballots, 2, C, B, A, D, E);
		votes(ballots, 7, D, C, E, B, A);
		votes(ballots, 8, E, B, A, D, C);
		PanelResult result = new PanelCount(Method.SCHULZE, TieBreak.NONE).count(panel(2, Map.of(), A, B, C, D, E),
				ballots);
		assertThat(result.standings()).extracting(Standing::applicationId).containsExactly(E, A, C, B, D);
		assertThat(result.standings()).extracting(Standing::value)
			.containsExactly(new BigDecimal("4.0000"), new BigDecimal("3.0000"), new BigDecimal("2.0000"),
					new BigDecimal("1.0000"), new BigDecimal("0.0000"));
		assertThat(result.selected()).containsExactly(E, A);
	}

	@Test
	void schulzeStrongestPathsMatchThePublishedTable() {
		// d[i][j]: voters preferring i to j, in the order A B C D E (Wikipedia).
		int[][] d = { { 0, 20, 26, 30, 22 }, { 25, 0, 16, 33, 18 }, { 19, 29, 0, 17, 24 }, { 15, 12, 28, 0, 14 },
				{ 23, 27, 21, 31, 0 } };
		int[][] p = Schulze.strongestPaths(d);
		assertThat(p).isDeepEqualTo(new int[][] { { 0, 28, 28, 30, 24 }, { 25, 0, 28, 33, 24 }, { 25, 29, 0, 29, 24 },
				{ 25, 28, 28, 0, 24 }, { 25, 28, 28, 31, 0 } });
	}

	@Test
	void aSchulzeVoterWithAConflictCountsOnlyForPairsWithoutIt() {
		// m1: A > B > C, m2: B > A > C, m3 (conflict with A): C > B.
		// d[A][B] = 1, d[B][A] = 1 (m3 is out of this pair); d[B][C] = 2, d[C][B] = 1;
		// d[A][C] = 2, d[C][A] = 0. Links: B→C 2, A→C 2. p[A][B] = p[B][A] = 0: A and B
		// tie,
		// each beating only C.
		PanelResult result = count(Method.SCHULZE, TieBreak.NONE, panel(1, Map.of("m3", Set.of(A)), A, B, C),
				ranked("m1", A, B, C), ranked("m2", B, A, C), ranked("m3", C, B));
		assertThat(result.tiedAtLine()).containsExactlyInAnyOrder(A, B);
		assertThat(result.standings()).extracting(Standing::voters).containsExactlyInAnyOrder(2, 3, 3);
	}

	// Ballots that are refused

	@Test
	void aMissingRankIsRefusedWithTheMemberAndTheApplication() {
		DomainException refusal = assertRefused(
				() -> count(Method.BORDA, TieBreak.NONE, panel(1, Map.of(), A, B, C), ranked("m1", A, B)),
				"panel.error.missingRank");
		assertThat(refusal.getArguments()).containsExactly("m1", C);
	}

	@Test
	void aDuplicateRankIsRefused() {
		Map<Long, Integer> ranks = new LinkedHashMap<>();
		ranks.put(A, 1);
		ranks.put(B, 1);
		ranks.put(C, 2);
		DomainException refusal = assertRefused(() -> new PanelCount(Method.BORDA, TieBreak.NONE)
			.count(panel(1, Map.of(), A, B, C), List.of(Ballot.ranked("m1", ranks))), "panel.error.duplicateRank");
		assertThat(refusal.getArguments()).containsExactly("m1", 1);
	}

	@Test
	void aRankOutsideOneToTheBallotsLengthIsRefused() {
		assertRefused(() -> new PanelCount(Method.SCHULZE, TieBreak.NONE).count(panel(1, Map.of(), A, B),
				List.of(Ballot.ranked("m1", Map.of(A, 1, B, 3)))), "panel.error.rankRange");
	}

	@Test
	void aMissingScoreIsRefused() {
		assertRefused(() -> count(Method.MEAN_SCORE, TieBreak.NONE, panel(1, Map.of(), A, B), scored("m1", A, "90")),
				"panel.error.missingScore");
	}

	@Test
	void theWrongKindOfBallotIsRefused() {
		assertRefused(() -> count(Method.BORDA, TieBreak.NONE, panel(1, Map.of(), A, B), scored("m1", A, "1", B, "2")),
				"panel.error.ranksExpected");
		assertRefused(() -> count(Method.MEAN_SCORE, TieBreak.NONE, panel(1, Map.of(), A, B), ranked("m1", A, B)),
				"panel.error.scoresExpected");
	}

	@Test
	void anApplicationOutsideTheFinalistsATwiceVotingMemberAndAnUncountableFinalistAreRefused() {
		assertRefused(() -> count(Method.BORDA, TieBreak.NONE, panel(1, Map.of(), A, B), ranked("m1", A, B, C)),
				"panel.error.unknownApplication");
		assertRefused(() -> count(Method.BORDA, TieBreak.NONE, panel(1, Map.of(), A, B), ranked("m1", A, B),
				ranked("m1", B, A)), "panel.error.duplicateBallot");
		assertRefused(() -> count(Method.MEAN_SCORE, TieBreak.NONE,
				panel(1, Map.of("m1", Set.of(A), "m2", Set.of(A)), A, B), scored("m1", B, "1"), scored("m2", B, "2")),
				"panel.error.noVoters");
	}

	// Helpers

	private static PanelResult count(Method method, TieBreak tieBreak, Panel panel, Ballot... ballots) {
		return new PanelCount(method, tieBreak).count(panel, List.of(ballots));
	}

	private static Panel panel(int quota, Map<String, Set<Long>> conflicts, Long... finalists) {
		return new Panel(Arrays.asList(finalists), quota, conflicts, Map.of());
	}

	private static Ballot ranked(String member, Long... order) {
		Map<Long, Integer> ranks = new LinkedHashMap<>();
		for (int i = 0; i < order.length; i++) {
			ranks.put(order[i], i + 1);
		}
		return Ballot.ranked(member, ranks);
	}

	private static Ballot scored(String member, Object... pairs) {
		Map<Long, BigDecimal> scores = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			scores.put((Long) pairs[i], new BigDecimal((String) pairs[i + 1]));
		}
		return Ballot.scored(member, scores);
	}

	private static void votes(List<Ballot> ballots, int count, Long... order) {
		for (int i = 0; i < count; i++) {
			ballots.add(ranked("v" + ballots.size(), order));
		}
	}

	private static DomainException assertRefused(Runnable count, String key) {
		try {
			count.run();
		}
		catch (DomainException refusal) {
			assertThat(refusal.getMessageKey()).isEqualTo(key);
			return refusal;
		}
		throw new AssertionError("expected a refusal with " + key);
	}

}
