package io.evalflow.ranking;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;

/**
 * Aggregates and ranks a round, proposes its cut under the round's method, and tells how
 * stable that cut is: which applications each other method would put on the other side of
 * the line, and which sit within one point of it. Plain Java over plain inputs.
 */
public final class Ranker {

	private Ranker() {
	}

	/**
	 * @param category each application's category index
	 * @param ids the applications' ids, for the order among equals
	 * @param tieKeys the tie-break keys per application, or {@code null}
	 */
	public static Ranking rank(ScoreSheet sheet, int[] category, int categories, long[] ids, long[][] tieKeys,
			Settings settings) {
		Aggregates aggregates = Aggregator.aggregate(sheet, settings.trimShare(), settings.minReviewsPerExpert());
		Aggregation applied = (settings.method() == Aggregation.ZSCORE && aggregates.normalisationFellBack())
				? Aggregation.MEAN : settings.method();
		long[] score = scaled(aggregates.of(applied));
		CutRule.Cut cut = CutRule.cut(score, category, categories, ids, tieKeys, settings.rule());

		int n = sheet.applications();
		boolean[][] inUnder = new boolean[Aggregation.values().length][];
		for (Aggregation method : Aggregation.values()) {
			inUnder[method.ordinal()] = (method == applied) ? cut.proposed : CutRule.cut(scaled(aggregates.of(method)),
					category, categories, ids, tieKeys, settings.rule()).proposed;
		}
		boolean roundWide = settings.rule().rule() == AdvancementRule.TOP_N_OVERALL
				|| settings.rule().rule() == AdvancementRule.SCORE_THRESHOLD;
		boolean[] nearLine = new boolean[n];
		boolean[] disputed = new boolean[n];
		for (int i = 0; i < n; i++) {
			long line = cut.line[roundWide ? 0 : category[i]];
			nearLine[i] = score[i] != CutRule.NONE && line != CutRule.NONE
					&& Math.abs(score[i] - line) <= CutRule.ONE_POINT;
			disputed[i] = aggregates.count()[i] > 1 && aggregates.stdDev()[i] > settings.disagreementThreshold();
		}
		return new Ranking(aggregates, applied, score, cut, inUnder, nearLine, disputed);
	}

	private static long[] scaled(double[] values) {
		long[] scaled = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			scaled[i] = CutRule.scale(values[i]);
		}
		return scaled;
	}

	/**
	 * How the round aggregates ({@code method}, {@code trimShare},
	 * {@code minReviewsPerExpert}), flags disagreement (a standard deviation above
	 * {@code disagreementThreshold}) and cuts.
	 */
	public record Settings(Aggregation method, double trimShare, int minReviewsPerExpert, double disagreementThreshold,
			CutRule.Rule rule) {
	}

	/**
	 * A ranked round, per application index: the figures, the method actually applied
	 * (the plain mean when no expert could be normalised), the aggregate ranked on
	 * (scaled), the cut, whether each method would propose it
	 * ({@code inUnder[method.ordinal()]}), whether it sits within one point of its line,
	 * and whether its experts disagree.
	 */
	public record Ranking(Aggregates aggregates, Aggregation applied, long[] score, CutRule.Cut cut,
			boolean[][] inUnder, boolean[] nearLine, boolean[] disputed) {

		public boolean proposedUnder(Aggregation method, int i) {
			return this.inUnder[method.ordinal()][i];
		}

	}

}
