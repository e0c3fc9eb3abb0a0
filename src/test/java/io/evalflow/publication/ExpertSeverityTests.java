package io.evalflow.publication;

import java.util.List;

import io.evalflow.publication.ExpertSeverity.Scored;
import io.evalflow.publication.ExpertSeverity.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Severity against the other experts of the same applications, computed by hand. */
class ExpertSeverityTests {

	@Test
	void offsetIsTheMeanDifferenceFromTheOtherExpertsOfTheSameApplications() {
		// Application 100: A 60, B 80, C 70. Application 200: A 50, B 70.
		List<Severity> severities = ExpertSeverity.of(List.of(new Scored(1L, 100L, 60), new Scored(2L, 100L, 80),
				new Scored(3L, 100L, 70), new Scored(1L, 200L, 50), new Scored(2L, 200L, 70)));
		// A: (60 - 75) and (50 - 70) -> mean -17.5; B: (80 - 65) and (70 - 50) -> 17.5;
		// C: 70 - 70 -> 0.
		assertThat(severities).extracting(Severity::expertId).containsExactly(1L, 2L, 3L);
		assertThat(severities.get(0).offset()).isCloseTo(-17.5, within(1e-9));
		assertThat(severities.get(1).offset()).isCloseTo(17.5, within(1e-9));
		assertThat(severities.get(2).offset()).isCloseTo(0, within(1e-9));
		assertThat(severities).extracting(Severity::reviews).containsExactly(2, 2, 1);
	}

	@Test
	void anExpertWhoDrewOnlyWeakCasesIsNotHarshForIt() {
		// Expert 1 reads only weak cases and scores them like the others; expert 2 reads
		// strong ones and scores them like the others: both 0, whatever the round's mean.
		List<Severity> severities = ExpertSeverity.of(List.of(new Scored(1L, 1L, 30), new Scored(3L, 1L, 30),
				new Scored(2L, 2L, 90), new Scored(3L, 2L, 90)));
		assertThat(severities).allSatisfy(s -> assertThat(s.offset()).isCloseTo(0, within(1e-9)));
	}

	@Test
	void reviewsOfApplicationsNobodyElseReviewedAreLeftOut() {
		List<Severity> severities = ExpertSeverity.of(List.of(new Scored(1L, 1L, 30), new Scored(2L, 2L, 90),
				new Scored(1L, 3L, 40), new Scored(2L, 3L, 50)));
		assertThat(severities).extracting(Severity::reviews).containsExactly(1, 1);
		assertThat(severities.get(0).offset()).isCloseTo(-10, within(1e-9));
		assertThat(ExpertSeverity.of(List.of(new Scored(1L, 1L, 30)))).isEmpty();
	}

	@Test
	void histogramCountsTotalsInTenBinsWithTheMaximumInTheLast() {
		List<ScoreHistogram.Bin> bins = ScoreHistogram.of(List.of(0.0, 9.99, 10.0, 55.0, 99.9, 100.0), 100, 10);
		assertThat(bins).extracting(ScoreHistogram.Bin::count).containsExactly(2L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 2L);
		assertThat(bins.get(9).from()).isEqualTo(90.0);
		assertThat(bins.get(9).to()).isEqualTo(100.0);
	}

}
