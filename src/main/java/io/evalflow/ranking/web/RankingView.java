package io.evalflow.ranking.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Aggregation;
import io.evalflow.campaign.TieRule;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RoundResult;
import io.evalflow.submission.Application;

/**
 * A round's ranking: one line per admitted application, best first.
 */
record RankingView(Long roundId, Long campaignId, int roundNo, String name, RoundStatus status, AdvancementRule rule,
		Integer ruleCount, BigDecimal ruleThreshold, Aggregation aggregation, TieRule tieRule, String cutConfirmedBy,
		String cutNote, List<RankedApplicationView> results) {

	static RankingView of(ReviewRound round, List<RoundResult> results, Map<Long, Application> applications) {
		return new RankingView(round.getId(), round.getCampaignId(), round.getRoundNo(), round.getName(),
				round.getStatus(), round.getRuleType(), round.getRuleCount(), round.getRuleThreshold(),
				round.getAggregation(), round.getTieRule(), round.getCutConfirmedBy(), round.getCutNote(),
				results.stream()
					.map(r -> RankedApplicationView.of(r, applications.get(r.getApplicationId())))
					.toList());
	}

	/**
	 * @param advanced whether the confirmed cut advanced it; {@code null} until confirmed
	 */
	record RankedApplicationView(Long applicationId, String referenceNo, String title, Long categoryId,
			boolean reviewsComplete, int reviewCount, BigDecimal mean, BigDecimal trimmedMean,
			BigDecimal normalisedMean, BigDecimal aggregate, BigDecimal sd, boolean disputed, Integer rankOverall,
			Integer rankInCategory, boolean proposed, boolean tiedAtCut, boolean tieOpen, boolean nearLine,
			Map<Aggregation, Boolean> proposedUnder, Boolean advanced) {

		static RankedApplicationView of(RoundResult r, Application application) {
			return new RankedApplicationView(r.getApplicationId(),
					(application != null) ? application.getReferenceNo() : null,
					(application != null) ? application.getTitle() : null, r.getCategoryId(), r.isReviewsComplete(),
					r.getReviewCount(), r.getMeanTotal(), r.getTrimmedMean(), r.getNormalisedMean(), r.getAggregate(),
					r.getStdDev(), r.isDisputed(), r.getRankOverall(), r.getRankInCategory(), r.isProposed(),
					r.isTiedAtCut(), r.isTieOpen(), r.isNearLine(), proposedUnder(r), r.getAdvanced());
		}

		private static Map<Aggregation, Boolean> proposedUnder(RoundResult r) {
			Map<Aggregation, Boolean> under = new java.util.EnumMap<>(Aggregation.class);
			for (Aggregation method : Aggregation.values()) {
				under.put(method, r.isProposedUnder(method));
			}
			return under;
		}

	}

}
