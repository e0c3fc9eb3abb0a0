package io.evalflow.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.panel.PanelResult.IgnoredVote;
import io.evalflow.panel.PanelResult.Standing;
import io.evalflow.shared.DomainException;

/**
 * Counts a category's panel vote by the campaign's declared method and tie-break.
 * <ul>
 * <li>{@link Method#MEAN_SCORE}: each finalist's mean score over the members who scored
 * it.</li>
 * <li>{@link Method#BORDA}: on a ballot of m finalists, the one ranked p-th (from 1)
 * earns (m − p) / (m − 1) points, 1 for the best and 0 for the last; a finalist's count
 * is the mean over the ballots it is on. Normalising each ballot to 0..1 and taking the
 * mean is what makes partial ballots fair: a member with a conflict ranks one finalist
 * fewer, and that finalist is neither punished by the missing ballot (as with summed
 * points) nor are the others inflated by a longer scale. With full ballots it orders
 * exactly as classic Borda. A ballot of a single finalist states no preference and counts
 * for nothing.</li>
 * <li>{@link Method#SCHULZE}: pairwise preferences (a member counts for a pair only when
 * both are on their ballot), strongest paths by winning votes; a finalist's count is how
 * many others it beats.</li>
 * </ul>
 * The count decides the order; equal counts are equal, compared exactly. Where equal
 * finalists straddle the quota line, the declared {@link TieBreak} decides; what it
 * cannot separate is reported, never settled silently.
 *
 * @param method how ballots are counted
 * @param tieBreak how a tie at the line is broken
 */
public record PanelCount(Method method, TieBreak tieBreak) {

	/** How the panel's ballots are counted. */
	public enum Method {

		MEAN_SCORE, BORDA, SCHULZE

	}

	/** How finalists tied at the quota line are separated. */
	public enum TieBreak {

		/** Not at all: the tie is reported for the organizer to resolve. */
		NONE,

		/** The higher score in the previous round; equal scores stay tied. */
		PRIOR_ROUND

	}

	/**
	 * What is voted on.
	 *
	 * @param finalists the category's finalists
	 * @param quota the category's number of winners
	 * @param conflicts per member, the finalists they have a conflict with
	 * @param priorScores each finalist's score in the previous round, for
	 * {@link TieBreak#PRIOR_ROUND}
	 */
	public record Panel(List<Long> finalists, int quota, Map<String, Set<Long>> conflicts,
			Map<Long, BigDecimal> priorScores) {

		public Panel {
			finalists = List.copyOf(finalists);
			conflicts = Map.copyOf(conflicts);
			priorScores = Map.copyOf(priorScores);
		}

		Set<Long> conflictsOf(String member) {
			return this.conflicts.getOrDefault(member, Set.of());
		}

	}

	/**
	 * Counts the ballots.
	 * @throws DomainException when a ballot or the panel is invalid: nothing is counted
	 */
	public PanelResult count(Panel panel, List<Ballot> ballots) {
		List<IgnoredVote> ignored = new ArrayList<>();
		List<Ballots.Counted> counted = Ballots.validate(this.method, panel, ballots, ignored);
		Map<Long, Ratio> values = new LinkedHashMap<>();
		Map<Long, Integer> voters = new HashMap<>();
		switch (this.method) {
			case MEAN_SCORE -> meanScores(panel, counted, values, voters);
			case BORDA -> borda(panel, counted, values, voters);
			case SCHULZE -> Schulze.count(panel.finalists(), counted, values, voters);
		}
		for (Long id : panel.finalists()) {
			if (voters.getOrDefault(id, 0) == 0) {
				throw new DomainException("panel.error.noVoters", id);
			}
		}
		return Selection.select(this, panel, values, voters, ignored);
	}

	private static void meanScores(Panel panel, List<Ballots.Counted> ballots, Map<Long, Ratio> values,
			Map<Long, Integer> voters) {
		for (Long id : panel.finalists()) {
			Ratio sum = Ratio.ZERO;
			int n = 0;
			for (Ballots.Counted ballot : ballots) {
				BigDecimal score = ballot.scores().get(id);
				if (score != null) {
					sum = sum.plus(Ratio.of(score));
					n++;
				}
			}
			voters.put(id, n);
			values.put(id, (n == 0) ? Ratio.ZERO : sum.dividedBy(n));
		}
	}

	private static void borda(Panel panel, List<Ballots.Counted> ballots, Map<Long, Ratio> values,
			Map<Long, Integer> voters) {
		Map<Long, Ratio> sums = new HashMap<>();
		for (Ballots.Counted ballot : ballots) {
			List<Long> order = ballot.order();
			int m = order.size();
			if (m < 2) {
				continue;
			}
			for (int p = 0; p < m; p++) {
				sums.merge(order.get(p), Ratio.of(m - 1 - p, m - 1), Ratio::plus);
				voters.merge(order.get(p), 1, Integer::sum);
			}
		}
		for (Long id : panel.finalists()) {
			int n = voters.getOrDefault(id, 0);
			values.put(id, (n == 0) ? Ratio.ZERO : sums.get(id).dividedBy(n));
		}
	}

	static Comparator<Long> byValue(Map<Long, Ratio> values) {
		return Comparator.comparing(values::get, Comparator.reverseOrder());
	}

}
