package io.evalflow.publication;

import java.util.ArrayList;
import java.util.List;

/**
 * Review totals counted in equal bins from 0 to the rubric's maximum (Σ weights), the
 * last bin closed so the maximum itself is counted. Plain Java.
 */
final class ScoreHistogram {

	private ScoreHistogram() {
	}

	/** A bin {@code [from, to)}; the last one {@code [from, to]}. */
	record Bin(double from, double to, long count) {
	}

	static List<Bin> of(List<Double> totals, double max, int bins) {
		long[] counts = new long[bins];
		double width = max / bins;
		for (double total : totals) {
			int bin = (int) Math.floor(total / width);
			counts[Math.max(0, Math.min(bins - 1, bin))]++;
		}
		List<Bin> result = new ArrayList<>(bins);
		for (int i = 0; i < bins; i++) {
			result.add(new Bin(i * width, (i + 1) * width, counts[i]));
		}
		return result;
	}

}
