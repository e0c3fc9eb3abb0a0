package io.evalflow.panel;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One panel member's ballot on the finalists of a category: either a score per
 * application (for {@link PanelCount.Method#MEAN_SCORE}) or a rank per application, 1 the
 * best (for {@link PanelCount.Method#BORDA} and {@link PanelCount.Method#SCHULZE}). A
 * member leaves out the applications they have a conflict with.
 *
 * @param member the member's user name
 * @param ranks the rank of each application, empty on a score ballot
 * @param scores the score of each application, empty on a rank ballot
 */
public record Ballot(String member, Map<Long, Integer> ranks, Map<Long, BigDecimal> scores) {

	public Ballot {
		ranks = Collections.unmodifiableMap(new LinkedHashMap<>(ranks));
		scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
	}

	/** A rank ballot: application id → rank, 1 the best. */
	public static Ballot ranked(String member, Map<Long, Integer> ranks) {
		return new Ballot(member, ranks, Map.of());
	}

	/** A score ballot: application id → score. */
	public static Ballot scored(String member, Map<Long, BigDecimal> scores) {
		return new Ballot(member, Map.of(), scores);
	}

	public boolean isRanked() {
		return !this.ranks.isEmpty();
	}

}
