package io.evalflow.ranking;

import java.util.Arrays;

/**
 * Aggregates a round's reviews per application by every method at once, in a few passes
 * over primitive arrays. Plain Java over plain inputs.
 * <ul>
 * <li>mean: the plain mean of the totals; standard deviation: the population standard
 * deviation of the totals (how far the experts disagree);</li>
 * <li>trimmed mean: of an application's {@code n} totals, the lowest and the highest
 * {@code floor(n × trimShare)} are dropped;</li>
 * <li>normalised mean: a total {@code x} of an expert with mean {@code μₑ} and standard
 * deviation {@code σₑ} over the round becomes {@code μ + σ·(x − μₑ)/σₑ}, where {@code μ}
 * and {@code σ} are the mean and standard deviation of all the round's totals, so the
 * result reads on the rubric's scale. An expert with fewer than
 * {@code minReviewsPerExpert} reviews, or with no spread, keeps the totals as given and
 * is counted as a fallback.</li>
 * </ul>
 */
public final class Aggregator {

	private Aggregator() {
	}

	public static Aggregates aggregate(ScoreSheet sheet, double trimShare, int minReviewsPerExpert) {
		int n = sheet.size();
		int[] app = sheet.application();
		int[] exp = sheet.expert();
		double[] total = sheet.total();
		int[] count = new int[sheet.applications()];
		double[] sum = new double[sheet.applications()];
		int[] expertCount = new int[sheet.experts()];
		double[] expertSum = new double[sheet.experts()];
		double all = 0;
		for (int i = 0; i < n; i++) {
			count[app[i]]++;
			sum[app[i]] += total[i];
			expertCount[exp[i]]++;
			expertSum[exp[i]] += total[i];
			all += total[i];
		}
		double[] mean = divide(sum, count);
		double[] expertMean = divide(expertSum, expertCount);
		double roundMean = (n > 0) ? all / n : Double.NaN;
		double[] squares = new double[sheet.applications()];
		double[] expertSquares = new double[sheet.experts()];
		double roundSquares = 0;
		for (int i = 0; i < n; i++) {
			double d = total[i] - mean[app[i]];
			squares[app[i]] += d * d;
			double e = total[i] - expertMean[exp[i]];
			expertSquares[exp[i]] += e * e;
			double r = total[i] - roundMean;
			roundSquares += r * r;
		}
		double[] stdDev = sqrt(divide(squares, count));
		double[] expertSd = sqrt(divide(expertSquares, expertCount));
		double roundSd = (n > 0) ? Math.sqrt(roundSquares / n) : 0;

		boolean[] normalise = new boolean[sheet.experts()];
		int normalised = 0;
		int fallback = 0;
		for (int e = 0; e < sheet.experts(); e++) {
			if (expertCount[e] == 0) {
				continue;
			}
			normalise[e] = expertCount[e] >= minReviewsPerExpert && expertSd[e] > 0 && roundSd > 0;
			if (normalise[e]) {
				normalised++;
			}
			else {
				fallback++;
			}
		}
		double[] normalisedSum = new double[sheet.applications()];
		for (int i = 0; i < n; i++) {
			int e = exp[i];
			normalisedSum[app[i]] += normalise[e] ? roundMean + roundSd * (total[i] - expertMean[e]) / expertSd[e]
					: total[i];
		}
		return new Aggregates(count, mean, trimmed(sheet, count, trimShare), divide(normalisedSum, count), stdDev,
				normalised, fallback);
	}

	/** Groups the totals by application (a counting sort), sorts each group, trims it. */
	private static double[] trimmed(ScoreSheet sheet, int[] count, double trimShare) {
		int applications = sheet.applications();
		int[] start = new int[applications + 1];
		for (int a = 0; a < applications; a++) {
			start[a + 1] = start[a] + count[a];
		}
		int[] next = Arrays.copyOf(start, applications);
		double[] grouped = new double[sheet.size()];
		for (int i = 0; i < sheet.size(); i++) {
			grouped[next[sheet.application()[i]]++] = sheet.total()[i];
		}
		double[] trimmed = new double[applications];
		for (int a = 0; a < applications; a++) {
			int c = count[a];
			if (c == 0) {
				trimmed[a] = Double.NaN;
				continue;
			}
			Arrays.sort(grouped, start[a], start[a + 1]);
			// The epsilon keeps 5 × 0.2 at 1 whatever the binary rounding of 0.2.
			int cut = (int) Math.floor(c * trimShare + 1e-9);
			double s = 0;
			for (int i = start[a] + cut; i < start[a + 1] - cut; i++) {
				s += grouped[i];
			}
			trimmed[a] = s / (c - 2 * cut);
		}
		return trimmed;
	}

	private static double[] divide(double[] sums, int[] counts) {
		double[] result = new double[sums.length];
		for (int i = 0; i < sums.length; i++) {
			result[i] = (counts[i] > 0) ? sums[i] / counts[i] : Double.NaN;
		}
		return result;
	}

	private static double[] sqrt(double[] values) {
		for (int i = 0; i < values.length; i++) {
			values[i] = Math.sqrt(values[i]);
		}
		return values;
	}

}
