package io.evalflow.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.TieRule;

/**
 * Ranks a round's applications by their aggregate and proposes its cut under the round's
 * rule and tie rule. Aggregates are compared as fixed-point numbers with four decimals
 * ({@link #scale(double)}): applications whose figures read the same are tied, and the
 * comparison is exact. Applications without a review ({@link #NONE}) rank last and are
 * never proposed.
 * <p>
 * A tie at the line (the applications scoring what the last place scores run past it):
 * {@link TieRule#TAKE_ALL} proposes all of them; {@link TieRule#CRITERIA} orders them by
 * their tie keys (the named criteria's mean scores, highest first) and takes the places
 * left, proposing all whom the keys cannot separate; {@link TieRule#ORGANIZER} proposes
 * all of them. Each tie the rule leaves is an {@link OpenTie}, for the organizer.
 */
public final class CutRule {

	/** No aggregate: the application has no submitted review. */
	public static final long NONE = Long.MIN_VALUE;

	/** One point of a weighted total, in {@link #scale(double) scaled} units. */
	public static final long ONE_POINT = 10_000;

	private CutRule() {
	}

	/** A figure as a fixed-point number of ten-thousandths. */
	public static long scale(double value) {
		return Double.isNaN(value) ? NONE : Math.round(value * ONE_POINT);
	}

	/**
	 * @param score each application's scaled aggregate, or {@link #NONE}
	 * @param category each application's category index ({@code 0..categories-1})
	 * @param ids the applications' ids: the order among equals, for display only
	 * @param tieKeys each application's tie-break keys (scaled, most important first), or
	 * {@code null} when the rule has none
	 */
	public static Cut cut(long[] score, int[] category, int categories, long[] ids, long[][] tieKeys, Rule rule) {
		int n = score.length;
		Integer[] sorted = new Integer[n];
		for (int i = 0; i < n; i++) {
			sorted[i] = i;
		}
		Arrays.sort(sorted, Comparator.<Integer>comparingLong(i -> score[i]).reversed().thenComparingLong(i -> ids[i]));
		Cut cut = new Cut(n, categories);
		List<List<Integer>> byCategory = new ArrayList<>();
		for (int c = 0; c < categories; c++) {
			byCategory.add(new ArrayList<>());
		}
		for (int i : sorted) {
			byCategory.get(category[i]).add(i);
		}
		ranks(Arrays.asList(sorted), score, cut.rankOverall);
		byCategory.forEach(list -> ranks(list, score, cut.rankInCategory));

		switch (rule.rule()) {
			case TOP_N_OVERALL ->
				settle(Arrays.asList(sorted), rule.count(), -1, score, tieKeys, ids, rule.tieRule(), cut);
			case SCORE_THRESHOLD -> {
				for (int i : sorted) {
					cut.proposed[i] = score[i] != NONE && score[i] >= rule.threshold();
				}
				Arrays.fill(cut.line, rule.threshold());
			}
			default -> {
				int[] places = places(rule, byCategory, categories);
				for (int c = 0; c < categories; c++) {
					cut.places[c] = places[c];
					settle(byCategory.get(c), places[c], c, score, tieKeys, ids, rule.tieRule(), cut);
				}
			}
		}
		return cut;
	}

	/** The places of each category under a per-category rule. */
	static int[] places(Rule rule, List<List<Integer>> byCategory, int categories) {
		int[] places = new int[categories];
		switch (rule.rule()) {
			case TOP_N_PER_CATEGORY -> Arrays.fill(places, rule.count());
			case CATEGORY_QUOTA -> {
				for (int c = 0; c < categories; c++) {
					places[c] = rule.quota()[c];
				}
			}
			case CATEGORY_SHARE -> {
				// Hamilton's largest remainder: each category's exact share rounded down,
				// the places left going to the largest remainders (the earlier category
				// first among equal remainders).
				long total = byCategory.stream().mapToLong(List::size).sum();
				long[] remainder = new long[categories];
				int given = 0;
				for (int c = 0; c < categories; c++) {
					long exact = (long) rule.count() * byCategory.get(c).size();
					places[c] = (total > 0) ? (int) (exact / total) : 0;
					remainder[c] = (total > 0) ? exact % total : 0;
					given += places[c];
				}
				Integer[] order = new Integer[categories];
				for (int c = 0; c < categories; c++) {
					order[c] = c;
				}
				Arrays.sort(order, Comparator.<Integer>comparingLong(c -> remainder[c]).reversed());
				for (int k = 0; given < rule.count() && total > 0 && k < categories; k++, given++) {
					places[order[k]]++;
				}
			}
			default -> throw new IllegalArgumentException(rule.rule() + " is not a per-category rule");
		}
		return places;
	}

	private static void settle(List<Integer> group, int places, int categoryIndex, long[] score, long[][] tieKeys,
			long[] ids, TieRule tieRule, Cut cut) {
		int scored = (int) group.stream().filter(i -> score[i] != NONE).count();
		int lineIndex = (categoryIndex < 0) ? 0 : categoryIndex;
		if (places <= 0 || scored == 0) {
			cut.line[lineIndex] = NONE;
			return;
		}
		if (places >= scored) {
			group.subList(0, scored).forEach(i -> cut.proposed[i] = true);
			cut.line[lineIndex] = score[group.get(scored - 1)];
			return;
		}
		long at = score[group.get(places - 1)];
		cut.line[lineIndex] = at;
		if (score[group.get(places)] != at) {
			group.subList(0, places).forEach(i -> cut.proposed[i] = true);
			return;
		}
		int from = 0;
		while (score[group.get(from)] != at) {
			cut.proposed[group.get(from++)] = true;
		}
		int to = from;
		while (to < group.size() && score[group.get(to)] == at) {
			to++;
		}
		List<Integer> block = new ArrayList<>(group.subList(from, to));
		int left = places - from;
		block.forEach(i -> cut.tied[i] = true);
		if (tieRule == TieRule.TAKE_ALL) {
			block.forEach(i -> cut.proposed[i] = true);
			return;
		}
		if (tieRule == TieRule.CRITERIA && tieKeys != null) {
			Comparator<Integer> byKeys = (a, b) -> Arrays.compare(tieKeys[b], tieKeys[a]);
			block.sort(byKeys.thenComparingLong(i -> ids[i]));
			long[] lastIn = tieKeys[block.get(left - 1)];
			if (!Arrays.equals(lastIn, tieKeys[block.get(left)])) {
				block.subList(0, left).forEach(i -> cut.proposed[i] = true);
				return;
			}
			int keyFrom = 0;
			while (!Arrays.equals(tieKeys[block.get(keyFrom)], lastIn)) {
				cut.proposed[block.get(keyFrom++)] = true;
			}
			int keyTo = keyFrom;
			while (keyTo < block.size() && Arrays.equals(tieKeys[block.get(keyTo)], lastIn)) {
				keyTo++;
			}
			left -= keyFrom;
			block = block.subList(keyFrom, keyTo);
		}
		block.forEach(i -> {
			cut.proposed[i] = true;
			cut.tieOpen[i] = true;
		});
		cut.openTies.add(new OpenTie(categoryIndex, left, block.stream().mapToInt(Integer::intValue).toArray()));
	}

	/** Competition ranks (1, 2, 2, 4) over a list in best-first order. */
	private static void ranks(List<Integer> sorted, long[] score, int[] ranks) {
		for (int k = 0; k < sorted.size(); k++) {
			int i = sorted.get(k);
			boolean same = k > 0 && score[i] != NONE && score[sorted.get(k - 1)] == score[i];
			ranks[i] = same ? ranks[sorted.get(k - 1)] : k + 1;
		}
	}

	/**
	 * A round's rule: {@code count} for the top-N and share rules, {@code threshold}
	 * (scaled) for the score threshold, {@code quota} per category index for quotas.
	 */
	public record Rule(AdvancementRule rule, int count, long threshold, int[] quota, TieRule tieRule) {
	}

	/**
	 * A tie at the line the rule leaves to the organizer: in category {@code category}
	 * ({@code -1}: the whole round), {@code places} places for the {@code candidates}.
	 */
	public record OpenTie(int category, int places, int[] candidates) {
	}

	/**
	 * The proposal, per application index; {@code line} is the aggregate of the last
	 * place per category index (index 0 for a round-wide rule), {@code places} the places
	 * per category under a per-category rule.
	 */
	public static final class Cut {

		public final boolean[] proposed;

		public final boolean[] tied;

		public final boolean[] tieOpen;

		public final int[] rankOverall;

		public final int[] rankInCategory;

		public final long[] line;

		public final int[] places;

		public final List<OpenTie> openTies = new ArrayList<>();

		Cut(int n, int categories) {
			this.proposed = new boolean[n];
			this.tied = new boolean[n];
			this.tieOpen = new boolean[n];
			this.rankOverall = new int[n];
			this.rankInCategory = new int[n];
			this.line = new long[Math.max(1, categories)];
			this.places = new int[Math.max(1, categories)];
		}

	}

}
