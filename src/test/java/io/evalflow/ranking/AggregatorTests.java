package io.evalflow.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AggregatorTests {

	private static final double EPS = 1e-9;

	@Test
	void meanAndPopulationStandardDeviationPerApplicationAndNothingWithoutReviews() {
		// A: 80, 90 → mean 85, sd 5; B: 70 → 70, sd 0; C: no review.
		Aggregates a = Aggregator.aggregate(Sheets.of(3, 3, 0, 0, 80, 0, 1, 90, 1, 2, 70), 0.2, 5);
		assertThat(a.count()).containsExactly(2, 1, 0);
		assertThat(a.mean()[0]).isCloseTo(85, within(EPS));
		assertThat(a.stdDev()[0]).isCloseTo(5, within(EPS));
		assertThat(a.mean()[1]).isCloseTo(70, within(EPS));
		assertThat(a.stdDev()[1]).isCloseTo(0, within(EPS));
		assertThat(a.mean()[2]).isNaN();
		assertThat(a.trimmed()[2]).isNaN();
		assertThat(a.normalised()[2]).isNaN();
	}

	@Test
	void trimmedMeanDropsTheTrimShareOfTotalsAtEachEnd() {
		// A: 10, 80, 85, 90, 95 with 0.2 → floor(5 × 0.2) = 1 dropped at each end:
		// (80 + 85 + 90) / 3 = 85, where the mean is 72.
		// B: 10, 80, 90 with 0.2 → floor(0.6) = 0: nothing dropped, 60.
		// C: 50, 60, 70, 100 with 0.25 → 1 each end: (60 + 70) / 2 = 65.
		Aggregates a = Aggregator.aggregate(
				Sheets.of(2, 5, 0, 0, 95, 0, 1, 10, 0, 2, 85, 0, 3, 80, 0, 4, 90, 1, 0, 10, 1, 1, 80, 1, 2, 90), 0.2,
				5);
		assertThat(a.mean()[0]).isCloseTo(72, within(EPS));
		assertThat(a.trimmed()[0]).isCloseTo(85, within(EPS));
		assertThat(a.trimmed()[1]).isCloseTo(60, within(EPS));
		Aggregates quarter = Aggregator.aggregate(Sheets.of(1, 4, 0, 0, 100, 0, 1, 50, 0, 2, 70, 0, 3, 60), 0.25, 5);
		assertThat(quarter.trimmed()[0]).isCloseTo(65, within(EPS));
	}

	@Test
	void zScoreMapsEachExpertsTotalsOntoTheRoundsScale() {
		// Expert H: A 73, B 79 → μH 76, σH 3. Expert L: B 81, C 87 → μL 84, σL 3.
		// Round: 73, 79, 81, 87 → μ 80, σ = √((49 + 1 + 1 + 49) / 4) = 5.
		// H: A z −1 → 75, B z +1 → 85. L: B z −1 → 75, C z +1 → 85.
		// Normalised: A 75, B (85 + 75) / 2 = 80, C 85. Raw: A 73, B 80, C 87.
		Aggregates a = Aggregator.aggregate(Sheets.of(3, 2, 0, 0, 73, 1, 0, 79, 1, 1, 81, 2, 1, 87), 0.2, 2);
		assertThat(a.normalised()[0]).isCloseTo(75, within(EPS));
		assertThat(a.normalised()[1]).isCloseTo(80, within(EPS));
		assertThat(a.normalised()[2]).isCloseTo(85, within(EPS));
		assertThat(a.expertsNormalised()).isEqualTo(2);
		assertThat(a.expertsFallback()).isZero();
	}

	@Test
	void zScoreCorrectsAHarshAndALenientExpert() {
		// Harsh H: A 70, B 60 (μ 65, σ 5); lenient L: C 90, D 80 (μ 85, σ 5).
		// Round μ 75, σ = √((25 + 225 + 225 + 25) / 4) = √125.
		// A and C are each expert's best (z +1): both 75 + √125 ≈ 86.18; B and D 75 −
		// √125.
		// The raw mean puts D (80) above A (70); normalised, A is level with C, above D.
		Aggregates a = Aggregator.aggregate(Sheets.of(4, 2, 0, 0, 70, 1, 0, 60, 2, 1, 90, 3, 1, 80), 0.2, 2);
		assertThat(a.normalised()[0]).isCloseTo(75 + Math.sqrt(125), within(EPS));
		assertThat(a.normalised()[2]).isCloseTo(a.normalised()[0], within(EPS));
		assertThat(a.normalised()[1]).isCloseTo(75 - Math.sqrt(125), within(EPS));
		assertThat(a.normalised()[0]).isGreaterThan(a.normalised()[3]);
		assertThat(a.mean()[0]).isLessThan(a.mean()[3]);
	}

	@Test
	void anExpertWithTooFewReviewsKeepsTheTotalsAsGiven() {
		// H (2 reviews): A 73, B 79 → normalised as above with the round's μ and σ.
		// X (1 review): C 90 → kept at 90. Round: 73, 79, 90 → μ 80.6667.
		Aggregates a = Aggregator.aggregate(Sheets.of(3, 2, 0, 0, 73, 1, 0, 79, 2, 1, 90), 0.2, 2);
		assertThat(a.normalised()[2]).isCloseTo(90, within(EPS));
		assertThat(a.expertsNormalised()).isEqualTo(1);
		assertThat(a.expertsFallback()).isEqualTo(1);
		double mu = (73 + 79 + 90) / 3.0;
		double sigma = Math.sqrt((Math.pow(73 - mu, 2) + Math.pow(79 - mu, 2) + Math.pow(90 - mu, 2)) / 3);
		assertThat(a.normalised()[0]).isCloseTo(mu - sigma, within(EPS));
	}

	@Test
	void whenNoExpertHasEnoughReviewsTheNormalisedMeanIsThePlainMeanAndSaysSo() {
		Aggregates a = Aggregator.aggregate(Sheets.of(3, 2, 0, 0, 73, 1, 0, 79, 1, 1, 81, 2, 1, 87), 0.2, 3);
		assertThat(a.normalisationFellBack()).isTrue();
		assertThat(a.expertsFallback()).isEqualTo(2);
		assertThat(a.normalised()).containsExactly(a.mean());
	}

	@Test
	void anExpertWhoGivesEveryoneTheSameTotalCannotBeNormalised() {
		Aggregates a = Aggregator.aggregate(Sheets.of(2, 1, 0, 0, 80, 1, 0, 80), 0.2, 2);
		assertThat(a.expertsNormalised()).isZero();
		assertThat(a.normalised()[0]).isCloseTo(80, within(EPS));
	}

}
