package io.evalflow.ranking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.AdvancementRule;

/**
 * Aggregates and ranks a round and proposes its cut. Plain Java over plain inputs.
 * <p>
 * The mean of the submitted weighted totals ranks the applications; equal means share a
 * rank (1, 2, 2, 4). Applications without a submitted review rank last and are never
 * proposed. A rule proposes everyone whose rank is within its count, so everyone tied at
 * the line is proposed and flagged {@code tiedAtCut}; for category quotas that makes the
 * proposal larger than the quota, which the organizer must settle.
 */
public final class Ranker {

	private static final Comparator<Scored> BEST_FIRST = Comparator
		.comparing(Scored::mean, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(Scored::applicationId);

	private Ranker() {
	}

	public static List<Ranked> rank(List<Entry> entries, AdvancementRule rule, Integer ruleCount,
			Map<Long, Integer> quotas) {
		List<Scored> scored = entries.stream().map(Ranker::score).sorted(BEST_FIRST).toList();
		Map<Long, Integer> overall = ranks(scored);
		Map<Long, List<Scored>> byCategory = new LinkedHashMap<>();
		scored.forEach(s -> byCategory.computeIfAbsent(s.categoryId(), c -> new ArrayList<>()).add(s));
		Map<Long, Integer> inCategory = new LinkedHashMap<>();
		byCategory.values().forEach(list -> inCategory.putAll(ranks(list)));

		List<Ranked> ranked = new ArrayList<>();
		for (Scored s : scored) {
			int rank = (rule == AdvancementRule.TOP_N_OVERALL) ? overall.get(s.applicationId())
					: inCategory.get(s.applicationId());
			int line = (rule == AdvancementRule.CATEGORY_QUOTA) ? quotas.getOrDefault(s.categoryId(), 0) : ruleCount;
			List<Scored> group = (rule == AdvancementRule.TOP_N_OVERALL) ? scored : byCategory.get(s.categoryId());
			boolean proposed = s.mean() != null && rank <= line;
			boolean tied = proposed && straddles(group, s.mean(), line);
			ranked.add(new Ranked(s.applicationId(), s.categoryId(), s.count(), s.mean(), s.stdDev(),
					overall.get(s.applicationId()), inCategory.get(s.applicationId()), proposed, tied));
		}
		return ranked;
	}

	/** Whether the applications scoring {@code mean} run past position {@code line}. */
	private static boolean straddles(List<Scored> group, BigDecimal mean, int line) {
		int last = 0;
		for (int i = 0; i < group.size(); i++) {
			if (group.get(i).mean() != null && group.get(i).mean().compareTo(mean) == 0) {
				last = i + 1;
			}
		}
		long size = group.stream().filter(s -> s.mean() != null && s.mean().compareTo(mean) == 0).count();
		return size > 1 && last > line;
	}

	private static Map<Long, Integer> ranks(List<Scored> sorted) {
		Map<Long, Integer> ranks = new LinkedHashMap<>();
		for (int i = 0; i < sorted.size(); i++) {
			Scored s = sorted.get(i);
			boolean sameAsPrevious = i > 0 && s.mean() != null && sorted.get(i - 1).mean() != null
					&& s.mean().compareTo(sorted.get(i - 1).mean()) == 0;
			ranks.put(s.applicationId(), sameAsPrevious ? ranks.get(sorted.get(i - 1).applicationId()) : i + 1);
		}
		return ranks;
	}

	private static Scored score(Entry entry) {
		List<BigDecimal> totals = entry.totals();
		if (totals.isEmpty()) {
			return new Scored(entry.applicationId(), entry.categoryId(), 0, null, null);
		}
		BigDecimal n = BigDecimal.valueOf(totals.size());
		BigDecimal mean = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, 4, RoundingMode.HALF_UP);
		BigDecimal variance = totals.stream()
			.map(t -> t.subtract(mean).pow(2))
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(n, 8, RoundingMode.HALF_UP);
		BigDecimal stdDev = variance.sqrt(MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
		return new Scored(entry.applicationId(), entry.categoryId(), totals.size(), mean, stdDev);
	}

	/** An application of the round with its submitted weighted totals. */
	public record Entry(Long applicationId, Long categoryId, List<BigDecimal> totals) {
	}

	public record Ranked(Long applicationId, Long categoryId, int reviewCount, BigDecimal mean, BigDecimal stdDev,
			int rankOverall, int rankInCategory, boolean proposed, boolean tiedAtCut) {
	}

	private record Scored(Long applicationId, Long categoryId, int count, BigDecimal mean, BigDecimal stdDev) {
	}

}
