package io.evalflow.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.TieRule;
import io.evalflow.ranking.CutRule;
import io.evalflow.ranking.Ranker;
import io.evalflow.ranking.ScoreSheet;

/**
 * The calibration replay: does per-expert normalisation find the best applications when
 * experts are biased? Synthetic applications have a hidden true quality; synthetic
 * experts are harsh, lenient or neutral (a fixed offset) with their own noise; each
 * application gets a seeded draw of distinct experts. For each cut of the 2012 shape (200
 * after 初审, 122 finalists, 40 winners) it counts how many of the true top applications
 * each aggregation method puts above the line, averaged over many seeded replications.
 * Plain Java: it uses the ranking's own pure code, nothing of the database.
 */
final class Calibration {

	static final int[] CUTS = { 200, 122, 40 };

	/** Of three totals, the highest and the lowest dropped: the median. */
	static final double TRIM_SHARE = 0.34;

	private final int applications;

	private final int experts;

	private final int perApplication;

	private final double offset;

	private final double noise;

	Calibration(int applications, int experts, int perApplication, double offset, double noise) {
		this.applications = applications;
		this.experts = experts;
		this.perApplication = perApplication;
		this.offset = offset;
		this.noise = noise;
	}

	/** The 2012 shape: 300 applications, 30 experts, 3 each; offsets ±8, noise σ 4. */
	static Calibration egov2012() {
		return new Calibration(300, 30, 3, 8, 4);
	}

	/**
	 * Runs {@code replications} seeded replications from {@code seed}.
	 * @return per cut, the mean number of the true top recovered by each method
	 */
	List<Result> run(long seed, int replications) {
		double[][] recovered = new double[CUTS.length][Aggregation.values().length];
		for (int r = 0; r < replications; r++) {
			Random random = new Random(seed + r);
			double[] quality = new double[this.applications];
			for (int a = 0; a < this.applications; a++) {
				quality[a] = 30 + random.nextDouble() * 65;
			}
			ScoreSheet sheet = sheet(quality, random);
			for (int c = 0; c < CUTS.length; c++) {
				boolean[] trueTop = top(quality, CUTS[c]);
				for (Aggregation method : Aggregation.values()) {
					boolean[] proposed = rank(sheet, method, CUTS[c]);
					int hits = 0;
					for (int a = 0; a < this.applications; a++) {
						hits += (proposed[a] && trueTop[a]) ? 1 : 0;
					}
					recovered[c][method.ordinal()] += hits / (double) replications;
				}
			}
		}
		List<Result> results = new ArrayList<>();
		for (int c = 0; c < CUTS.length; c++) {
			results.add(new Result(CUTS[c], recovered[c][Aggregation.MEAN.ordinal()],
					recovered[c][Aggregation.TRIMMED_MEAN.ordinal()], recovered[c][Aggregation.ZSCORE.ordinal()]));
		}
		return results;
	}

	/**
	 * A third of the experts harsh (−offset), a third lenient (+offset), a third neutral;
	 * each application drawn {@code perApplication} distinct experts, the least loaded
	 * first (ties at random), as a load-capped assignment would.
	 */
	private ScoreSheet sheet(double[] quality, Random random) {
		double[] bias = new double[this.experts];
		for (int e = 0; e < this.experts; e++) {
			bias[e] = switch (e % 3) {
				case 0 -> -this.offset;
				case 1 -> this.offset;
				default -> 0;
			};
		}
		int n = this.applications * this.perApplication;
		int[] application = new int[n];
		int[] expert = new int[n];
		double[] total = new double[n];
		int[] load = new int[this.experts];
		Integer[] order = new Integer[this.experts];
		double[] tiebreak = new double[this.experts];
		for (int a = 0, i = 0; a < this.applications; a++) {
			for (int e = 0; e < this.experts; e++) {
				order[e] = e;
				tiebreak[e] = random.nextDouble();
			}
			Arrays.sort(order, Comparator.<Integer>comparingInt(e -> load[e]).thenComparingDouble(e -> tiebreak[e]));
			for (int k = 0; k < this.perApplication; k++, i++) {
				int e = order[k];
				load[e]++;
				application[i] = a;
				expert[i] = e;
				double t = quality[a] + bias[e] + random.nextGaussian() * this.noise;
				total[i] = Math.round(Math.max(0, Math.min(100, t)) * 10_000) / 10_000.0;
			}
		}
		return new ScoreSheet(this.applications, this.experts, application, expert, total);
	}

	private boolean[] rank(ScoreSheet sheet, Aggregation method, int cut) {
		long[] ids = new long[this.applications];
		for (int a = 0; a < this.applications; a++) {
			ids[a] = a;
		}
		return Ranker
			.rank(sheet, new int[this.applications], 1, ids, null,
					new Ranker.Settings(method, TRIM_SHARE, 5, 15,
							new CutRule.Rule(AdvancementRule.TOP_N_OVERALL, cut, 0, new int[] { 0 }, TieRule.TAKE_ALL)))
			.cut().proposed;
	}

	private static boolean[] top(double[] quality, int k) {
		Integer[] order = new Integer[quality.length];
		for (int a = 0; a < quality.length; a++) {
			order[a] = a;
		}
		Arrays.sort(order, Comparator.<Integer>comparingDouble(a -> quality[a]).reversed());
		boolean[] top = new boolean[quality.length];
		for (int i = 0; i < k; i++) {
			top[order[i]] = true;
		}
		return top;
	}

	/** Of the true top {@code cut}, how many each method recovered, on average. */
	record Result(int cut, double mean, double trimmed, double zscore) {

		String line() {
			return "CALIBRATION cut=%-4d true-top-recovered  mean %6.1f  trimmed %6.1f  zscore %6.1f  (of %d)"
				.formatted(this.cut, this.mean, this.trimmed, this.zscore, this.cut);
		}

	}

}
