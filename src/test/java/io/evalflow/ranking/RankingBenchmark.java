package io.evalflow.ranking;

import java.util.Arrays;
import java.util.Random;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.TieRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranks and normalises a million reviews in memory: 200,000 applications in four
 * categories, five reviews each, 20,000 experts with harsh and lenient offsets. One run
 * computes every method's figures, the cut under the round's method (z-score, top 5,000
 * per category, ties to the organizer), the cut under each other method and the near-line
 * marks. Prints the median of five timed runs after two warm-ups:
 * {@code BENCH rank_normalise_1M <seconds> s}. {@code ./mvnw -Pbench test
 * -Dtest=RankingBenchmark}.
 */
class RankingBenchmark {

	private static final int APPLICATIONS = 200_000;

	private static final int PER_APPLICATION = 5;

	private static final int EXPERTS = 20_000;

	private static final int CATEGORIES = 4;

	@Test
	void rankAndNormaliseAMillionReviews() {
		Random random = new Random(42);
		double[] bias = new double[EXPERTS];
		for (int e = 0; e < EXPERTS; e++) {
			bias[e] = random.nextGaussian() * 6;
		}
		int n = APPLICATIONS * PER_APPLICATION;
		int[] application = new int[n];
		int[] expert = new int[n];
		double[] total = new double[n];
		int[] category = new int[APPLICATIONS];
		long[] ids = new long[APPLICATIONS];
		for (int a = 0, i = 0; a < APPLICATIONS; a++) {
			category[a] = a % CATEGORIES;
			ids[a] = a + 1;
			double quality = 40 + random.nextDouble() * 50;
			for (int k = 0; k < PER_APPLICATION; k++, i++) {
				application[i] = a;
				expert[i] = random.nextInt(EXPERTS);
				// Totals as the review table holds them: four decimals.
				double t = Math.max(0, Math.min(100, quality + bias[expert[i]] + random.nextGaussian() * 4));
				total[i] = Math.round(t * 10_000) / 10_000.0;
			}
		}
		ScoreSheet sheet = new ScoreSheet(APPLICATIONS, EXPERTS, application, expert, total);
		Ranker.Settings settings = new Ranker.Settings(Aggregation.ZSCORE, 0.2, 5, 15,
				new CutRule.Rule(AdvancementRule.TOP_N_PER_CATEGORY, 5_000, 0, new int[CATEGORIES], TieRule.ORGANIZER));

		Ranker.Ranking ranking = null;
		double[] seconds = new double[5];
		for (int run = -2; run < seconds.length; run++) {
			long start = System.nanoTime();
			ranking = Ranker.rank(sheet, category, CATEGORIES, ids, null, settings);
			if (run >= 0) {
				seconds[run] = (System.nanoTime() - start) / 1e9;
			}
		}
		Arrays.sort(seconds);
		System.out.printf("BENCH rank_normalise_1M %.3f s%n", seconds[seconds.length / 2]);

		assertThat(ranking.applied()).isEqualTo(Aggregation.ZSCORE);
		assertThat(ranking.aggregates().expertsNormalised() + ranking.aggregates().expertsFallback())
			.isEqualTo(EXPERTS);
		int proposed = 0;
		for (boolean p : ranking.cut().proposed) {
			proposed += p ? 1 : 0;
		}
		int open = ranking.cut().openTies.stream().mapToInt(t -> t.candidates().length - t.places()).sum();
		assertThat(proposed - open).isEqualTo(CATEGORIES * 5_000);
	}

}
