package io.evalflow.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;

/**
 * How far a round's reviews are: counts per status, and per expert.
 */
record RoundProgressView(Long roundId, int roundNo, RoundStatus status, Instant deadline,
		Map<ReviewStatus, Long> reviews, List<ExpertProgressView> experts) {

	static RoundProgressView of(ReviewRound round, Map<ReviewStatus, Long> counts,
			List<ReviewService.ExpertProgress> perExpert) {
		return new RoundProgressView(round.getId(), round.getRoundNo(), round.getStatus(), round.getDeadline(), counts,
				perExpert.stream()
					.map(p -> new ExpertProgressView(p.expert().getId(), p.expert().getName(), p.assigned(),
							p.submitted()))
					.toList());
	}

	record ExpertProgressView(Long expertId, String name, long assigned, long submitted) {
	}

}
