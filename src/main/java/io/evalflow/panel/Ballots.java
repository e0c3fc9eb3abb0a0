package io.evalflow.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.panel.PanelResult.IgnoredVote;
import io.evalflow.shared.DomainException;

/**
 * Checks ballots before anything is counted, and takes out the votes on applications a
 * member has a conflict with (reported, never silently).
 */
final class Ballots {

	private Ballots() {
	}

	/**
	 * A valid ballot as counted: the scores, or the order best first, without the
	 * member's conflicts.
	 */
	record Counted(String member, Map<Long, BigDecimal> scores, List<Long> order) {
	}

	static List<Counted> validate(PanelCount.Method method, PanelCount.Panel panel, List<Ballot> ballots,
			List<IgnoredVote> ignored) {
		if (panel.finalists().isEmpty() || new HashSet<>(panel.finalists()).size() != panel.finalists().size()) {
			throw new DomainException("panel.error.finalists");
		}
		if (panel.quota() < 1) {
			throw new DomainException("panel.error.quota", panel.quota());
		}
		if (ballots.isEmpty()) {
			throw new DomainException("panel.error.noBallots");
		}
		Set<String> members = new HashSet<>();
		List<Counted> counted = new ArrayList<>();
		for (Ballot ballot : ballots) {
			if (!members.add(ballot.member())) {
				throw new DomainException("panel.error.duplicateBallot", ballot.member());
			}
			boolean wantsRanks = method != PanelCount.Method.MEAN_SCORE;
			boolean empty = ballot.ranks().isEmpty() && ballot.scores().isEmpty();
			if (!empty
					&& (wantsRanks != ballot.isRanked() || (!ballot.ranks().isEmpty() && !ballot.scores().isEmpty()))) {
				throw new DomainException(wantsRanks ? "panel.error.ranksExpected" : "panel.error.scoresExpected",
						ballot.member());
			}
			Set<Long> keys = wantsRanks ? ballot.ranks().keySet() : ballot.scores().keySet();
			for (Long id : keys) {
				if (!panel.finalists().contains(id)) {
					throw new DomainException("panel.error.unknownApplication", ballot.member(), id);
				}
			}
			Set<Long> conflicts = panel.conflictsOf(ballot.member());
			keys.stream()
				.filter(conflicts::contains)
				.sorted()
				.forEach(id -> ignored.add(new IgnoredVote(ballot.member(), id)));
			counted.add(wantsRanks ? ranked(ballot, panel, conflicts) : scored(ballot, panel, conflicts));
		}
		return counted;
	}

	private static Counted scored(Ballot ballot, PanelCount.Panel panel, Set<Long> conflicts) {
		Map<Long, BigDecimal> scores = new LinkedHashMap<>();
		for (Long id : panel.finalists()) {
			if (conflicts.contains(id)) {
				continue;
			}
			BigDecimal score = ballot.scores().get(id);
			if (score == null) {
				throw new DomainException("panel.error.missingScore", ballot.member(), id);
			}
			if (score.signum() < 0) {
				throw new DomainException("panel.error.negativeScore", ballot.member(), id);
			}
			scores.put(id, score);
		}
		return new Counted(ballot.member(), scores, List.of());
	}

	/**
	 * The ranks must be 1 to the number of finalists ranked, each once; every finalist
	 * the member has no conflict with must be ranked. A conflicted finalist the member
	 * ranked anyway is taken out and the order closes up.
	 */
	private static Counted ranked(Ballot ballot, PanelCount.Panel panel, Set<Long> conflicts) {
		int size = ballot.ranks().size();
		Set<Integer> seen = new HashSet<>();
		for (Map.Entry<Long, Integer> entry : ballot.ranks().entrySet()) {
			Integer rank = entry.getValue();
			if (rank == null || rank < 1 || rank > size) {
				throw new DomainException("panel.error.rankRange", ballot.member(), entry.getKey(), rank, size);
			}
			if (!seen.add(rank)) {
				throw new DomainException("panel.error.duplicateRank", ballot.member(), rank);
			}
		}
		for (Long id : panel.finalists()) {
			if (!conflicts.contains(id) && !ballot.ranks().containsKey(id)) {
				throw new DomainException("panel.error.missingRank", ballot.member(), id);
			}
		}
		List<Long> order = ballot.ranks()
			.entrySet()
			.stream()
			.filter(e -> !conflicts.contains(e.getKey()))
			.sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
			.map(Map.Entry::getKey)
			.toList();
		return new Counted(ballot.member(), Map.of(), order);
	}

}
