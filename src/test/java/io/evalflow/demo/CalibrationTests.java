package io.evalflow.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationTests {

	@Test
	void withHarshAndLenientExpertsTheNormalisedMeanRecoversMoreOfTheTrueTopThanTheRawMean() {
		List<Calibration.Result> results = Calibration.egov2012().run(2012, 20);
		assertThat(results).extracting(Calibration.Result::cut).containsExactly(200, 122, 40);
		results.forEach(r -> System.out.println(r.line()));
		assertThat(results).allSatisfy(r -> assertThat(r.zscore()).isGreaterThan(r.mean()));
	}

	@Test
	void withoutBiasNormalisingCostsLittle() {
		List<Calibration.Result> results = new Calibration(300, 30, 3, 0, 4).run(2012, 20);
		results.forEach(r -> System.out.println(r.line()));
		assertThat(results).allSatisfy(r -> assertThat(r.zscore()).isGreaterThan(r.mean() - 0.05 * r.cut()));
	}

}
