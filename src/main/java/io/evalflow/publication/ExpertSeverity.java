package io.evalflow.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How harsh or lenient each expert of a round was. An expert's <b>severity</b> is the
 * mean, over the expert's submitted reviews, of the review's total minus the mean of the
 * other experts' totals for the same application: negative for an expert who scores below
 * colleagues reading the same cases, positive above. Comparing with the same
 * applications, not with the round's mean, keeps an expert who happened to draw weaker
 * cases from looking harsh. Reviews of applications nobody else reviewed say nothing and
 * are left out. Plain Java.
 */
final class ExpertSeverity {

	private ExpertSeverity() {
	}

	/** A submitted review's total. */
	record Scored(Long expertId, Long applicationId, double total) {
	}

	/**
	 * @param offset the mean offset; {@code reviews} of the expert's reviews counted
	 */
	record Severity(Long expertId, double offset, int reviews) {
	}

	/**
	 * Severities in order of the experts' first review; experts with none counted left
	 * out.
	 */
	static List<Severity> of(List<Scored> reviews) {
		Map<Long, double[]> perApplication = new HashMap<>();
		for (Scored review : reviews) {
			double[] sumAndCount = perApplication.computeIfAbsent(review.applicationId(), id -> new double[2]);
			sumAndCount[0] += review.total();
			sumAndCount[1]++;
		}
		Map<Long, double[]> perExpert = new LinkedHashMap<>();
		for (Scored review : reviews) {
			double[] application = perApplication.get(review.applicationId());
			double others = application[1] - 1;
			if (others < 1) {
				perExpert.computeIfAbsent(review.expertId(), id -> new double[2]);
				continue;
			}
			double othersMean = (application[0] - review.total()) / others;
			double[] expert = perExpert.computeIfAbsent(review.expertId(), id -> new double[2]);
			expert[0] += review.total() - othersMean;
			expert[1]++;
		}
		List<Severity> severities = new ArrayList<>();
		perExpert.forEach((expertId, sumAndCount) -> {
			if (sumAndCount[1] > 0) {
				severities.add(new Severity(expertId, sumAndCount[0] / sumAndCount[1], (int) sumAndCount[1]));
			}
		});
		return severities;
	}

}
