package io.evalflow.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.panel.PanelResult.IgnoredVote;
import io.evalflow.panel.PanelResult.Standing;
import io.evalflow.shared.DomainException;

/**
 * From counts to winners: whole groups of equal count are taken while they fit the quota;
 * the group that straddles the line goes to the tie-break, and what the tie-break leaves
 * tied across the line is reported.
 */
final class Selection {

	private Selection() {
	}

	static PanelResult select(PanelCount count, PanelCount.Panel panel, Map<Long, Ratio> values,
			Map<Long, Integer> voters, List<IgnoredVote> ignored) {
		List<Long> ordered = panel.finalists().stream().sorted(PanelCount.byValue(values)).toList();
		int quota = Math.min(panel.quota(), ordered.size());
		List<Long> selected = new ArrayList<>();
		List<Long> tied = List.of();
		Set<Long> brokenTie = new HashSet<>();
		List<Long> finalOrder = new ArrayList<>();
		for (List<Long> group : groups(ordered, values)) {
			int room = quota - selected.size();
			if (!tied.isEmpty() || room <= 0 || group.size() <= room) {
				if (tied.isEmpty() && room > 0) {
					selected.addAll(group);
				}
				finalOrder.addAll(group);
				continue;
			}
			// The group straddles the line: the tie-break splits it, best first.
			List<List<Long>> separated = tieBreak(count.tieBreak(), group, panel.priorScores());
			for (List<Long> part : separated) {
				int left = quota - selected.size();
				if (separated.size() > 1) {
					brokenTie.addAll(part);
				}
				if (tied.isEmpty() && left > 0) {
					if (part.size() <= left) {
						selected.addAll(part);
					}
					else {
						tied = part;
					}
				}
				finalOrder.addAll(part);
			}
		}
		int placesLeft = tied.isEmpty() ? 0 : quota - selected.size();
		List<Standing> standings = new ArrayList<>();
		for (Long id : finalOrder) {
			int position = 1 + (int) ordered.stream().filter(o -> values.get(o).compareTo(values.get(id)) > 0).count();
			standings.add(new Standing(id, position, values.get(id).toDecimal(), voters.getOrDefault(id, 0),
					brokenTie.contains(id)));
		}
		return new PanelResult(count.method(), standings, selected, tied, placesLeft, ignored);
	}

	/** Runs of equal count, best first. */
	private static List<List<Long>> groups(List<Long> ordered, Map<Long, Ratio> values) {
		List<List<Long>> groups = new ArrayList<>();
		for (Long id : ordered) {
			if (groups.isEmpty() || values.get(groups.get(groups.size() - 1).get(0)).compareTo(values.get(id)) != 0) {
				groups.add(new ArrayList<>());
			}
			groups.get(groups.size() - 1).add(id);
		}
		return groups;
	}

	/** The tied group split into runs the tie-break ranks, best first. */
	private static List<List<Long>> tieBreak(PanelCount.TieBreak tieBreak, List<Long> group,
			Map<Long, BigDecimal> priorScores) {
		if (tieBreak == PanelCount.TieBreak.NONE) {
			return List.of(group);
		}
		Map<Long, Ratio> prior = new java.util.HashMap<>();
		for (Long id : group) {
			BigDecimal score = priorScores.get(id);
			if (score == null) {
				throw new DomainException("panel.error.noPriorScore", id);
			}
			prior.put(id, Ratio.of(score));
		}
		return groups(group.stream().sorted(PanelCount.byValue(prior)).toList(), prior);
	}

}
