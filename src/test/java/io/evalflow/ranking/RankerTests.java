package io.evalflow.ranking;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.TieRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankerTests {

	// Harsh H: A 70, B 60; lenient L: C 90, D 80 (see AggregatorTests). Top 2 overall.
	private static final ScoreSheet BIASED = Sheets.of(4, 2, 0, 0, 70, 1, 0, 60, 2, 1, 90, 3, 1, 80);

	private static Ranker.Ranking rank(ScoreSheet sheet, Aggregation method, int minReviews, int count) {
		return Ranker.rank(sheet, new int[sheet.applications()], 1, Sheets.ids(sheet.applications()), null,
				new Ranker.Settings(method, 0.2, minReviews, 15,
						new CutRule.Rule(AdvancementRule.TOP_N_OVERALL, count, 0, new int[] { 0 }, TieRule.TAKE_ALL)));
	}

	@Test
	void theRoundsMethodDecidesTheCutAndTheOthersShowWhoWouldCrossTheLine() {
		// Mean: C 90, D 80 advance. Normalised: A and C (both 86.18) advance, D drops.
		Ranker.Ranking mean = rank(BIASED, Aggregation.MEAN, 2, 2);
		assertThat(mean.cut().proposed).containsExactly(false, false, true, true);
		assertThat(mean.inUnder()[Aggregation.ZSCORE.ordinal()]).containsExactly(true, false, true, false);
		assertThat(mean.inUnder()[Aggregation.TRIMMED_MEAN.ordinal()]).containsExactly(false, false, true, true);

		Ranker.Ranking normalised = rank(BIASED, Aggregation.ZSCORE, 2, 2);
		assertThat(normalised.applied()).isEqualTo(Aggregation.ZSCORE);
		assertThat(normalised.cut().proposed).containsExactly(true, false, true, false);
		assertThat(normalised.score()[0]).isEqualTo(CutRule.scale(75 + Math.sqrt(125)));
	}

	@Test
	void zScoreWithoutEnoughReviewsPerExpertFallsBackToTheMeanAndSaysSo() {
		Ranker.Ranking ranking = rank(BIASED, Aggregation.ZSCORE, 3, 2);
		assertThat(ranking.applied()).isEqualTo(Aggregation.MEAN);
		assertThat(ranking.aggregates().expertsFallback()).isEqualTo(2);
		assertThat(ranking.cut().proposed).containsExactly(false, false, true, true);
	}

	@Test
	void applicationsWithinOnePointOfTheLineAreMarked() {
		// Line at the last place, 80.0: 80.5 and 79.0 are within one point, 78.9 is not.
		ScoreSheet sheet = Sheets.of(4, 1, 0, 0, 90, 1, 0, 80, 2, 0, 79, 3, 0, 78.9);
		Ranker.Ranking ranking = rank(sheet, Aggregation.MEAN, 5, 2);
		assertThat(ranking.nearLine()).containsExactly(false, true, true, false);
	}

	@Test
	void disagreementAboveTheThresholdIsFlagged() {
		// A: 60, 100 → sd 20 > 15; B: 75, 85 → sd 5.
		ScoreSheet sheet = Sheets.of(2, 2, 0, 0, 60, 0, 1, 100, 1, 0, 75, 1, 1, 85);
		Ranker.Ranking ranking = rank(sheet, Aggregation.MEAN, 5, 1);
		assertThat(ranking.disputed()).containsExactly(true, false);
	}

}
