package io.evalflow.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.review.ReviewService;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A round's progress, ranking and cut.
 */
@Service
@Transactional
public class RankingService {

	private final RoundResultRepository results;

	private final CampaignService campaigns;

	private final ReviewService reviews;

	RankingService(RoundResultRepository results, CampaignService campaigns, ReviewService reviews) {
		this.results = results;
		this.campaigns = campaigns;
		this.reviews = reviews;
	}

	/** Admits the applications to the round. Idempotent. */
	public void admit(ReviewRound round, List<Application> applications) {
		if (this.results.existsByRoundId(round.getId())) {
			return;
		}
		this.results.saveAll(
				applications.stream().map(a -> new RoundResult(round.getId(), a.getId(), a.getCategoryId())).toList());
	}

	/**
	 * Records that an application's reviews are all in. The round's row is locked first,
	 * so of two experts finishing the round's last two applications at once exactly one
	 * sees nothing remaining.
	 * @return how many of the round's applications still wait for reviews
	 */
	public long markReviewsComplete(Long roundId, Long applicationId) {
		this.campaigns.lockRound(roundId);
		RoundResult result = this.results.findByRoundIdAndApplicationId(roundId, applicationId)
			.orElseThrow(() -> new DomainException("round.error.notAdmitted", applicationId));
		if (result.isReviewsComplete()) {
			return -1;
		}
		result.reviewsComplete();
		this.results.flush();
		return this.results.countByRoundIdAndReviewsCompleteFalse(roundId);
	}

	/**
	 * A review of the application was reopened: it waits for reviews again. Locks the
	 * round's row, as {@link #markReviewsComplete} does.
	 */
	public void markReviewsIncomplete(Long roundId, Long applicationId) {
		this.campaigns.lockRound(roundId);
		this.results.findByRoundIdAndApplicationId(roundId, applicationId)
			.orElseThrow(() -> new DomainException("round.error.notAdmitted", applicationId))
			.reviewsIncomplete();
	}

	/**
	 * Aggregates the submitted reviews, ranks and proposes the cut. Safe to run again.
	 */
	public List<RoundResult> rank(Long roundId) {
		ReviewRound round = this.campaigns.round(roundId);
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Map<Long, List<BigDecimal>> totals = this.reviews.submittedTotals(roundId);
		List<RoundResult> rows = this.results.findByRoundIdOrderByRankOverallAscApplicationIdAsc(roundId);
		List<Ranker.Entry> entries = rows.stream()
			.map(r -> new Ranker.Entry(r.getApplicationId(), r.getCategoryId(),
					totals.getOrDefault(r.getApplicationId(), List.of())))
			.toList();
		Map<Long, Integer> quotas = campaign.getCategories()
			.stream()
			.collect(Collectors.toMap(Category::getId, Category::getQuota));
		Map<Long, Ranker.Ranked> ranked = Ranker.rank(entries, round.getRuleType(), round.getRuleCount(), quotas)
			.stream()
			.collect(Collectors.toMap(Ranker.Ranked::applicationId, r -> r));
		rows.forEach(row -> row.ranked(ranked.get(row.getApplicationId())));
		return rows;
	}

	@Transactional(readOnly = true)
	public List<RoundResult> results(Long roundId) {
		return this.results.findByRoundIdOrderByRankOverallAscApplicationIdAsc(roundId);
	}

	/**
	 * The first {@code limit} of the round's applications still waiting for reviews, by
	 * application id; {@link #remaining(Long)} says how many there are in all.
	 */
	@Transactional(readOnly = true)
	public List<RoundResult> awaitingReviews(Long roundId, int limit) {
		return this.results.findByRoundIdAndReviewsCompleteFalseOrderByApplicationIdAsc(roundId, Limit.of(limit));
	}

	@Transactional(readOnly = true)
	public long remaining(Long roundId) {
		return this.results.countByRoundIdAndReviewsCompleteFalse(roundId);
	}

	/**
	 * Confirms the cut: the proposal as it stands when {@code advancedIds} is
	 * {@code null}, otherwise exactly the given applications, which needs a reason when
	 * it differs from the proposal. The final round must name each category's quota
	 * exactly (or all of a category's finalists, when it has fewer).
	 */
	public void confirmCut(Long roundId, Set<Long> advancedIds, String reason, String actor) {
		ReviewRound round = this.campaigns.round(roundId);
		if (round.getStatus() != RoundStatus.RANKED) {
			throw new DomainException("cut.error.notRanked", round.getName());
		}
		List<RoundResult> rows = results(roundId);
		Set<Long> proposed = rows.stream()
			.filter(RoundResult::isProposed)
			.map(RoundResult::getApplicationId)
			.collect(Collectors.toSet());
		Set<Long> chosen = (advancedIds != null) ? advancedIds : proposed;
		Set<Long> admitted = rows.stream().map(RoundResult::getApplicationId).collect(Collectors.toSet());
		if (!admitted.containsAll(chosen)) {
			throw new DomainException("cut.error.unknownApplication");
		}
		boolean override = !chosen.equals(proposed);
		if (override && !StringUtils.hasText(reason)) {
			throw new DomainException("cut.error.reasonRequired");
		}
		if (round.getRuleType() == AdvancementRule.CATEGORY_QUOTA) {
			checkQuotas(this.campaigns.get(round.getCampaignId()), rows, chosen);
		}
		else if (chosen.isEmpty() && !rows.isEmpty()) {
			throw new DomainException("cut.error.nobody");
		}
		rows.forEach(row -> row.decide(chosen.contains(row.getApplicationId())));
		this.campaigns.cutConfirmed(roundId, actor, override ? reason.trim() : reason);
		this.campaigns.decide(round.getCampaignId(), PipelineDecision.CONFIRM_CUT, round.getRoundNo(), actor);
	}

	private static void checkQuotas(Campaign campaign, List<RoundResult> rows, Set<Long> chosen) {
		Map<Long, Integer> admittedPerCategory = new HashMap<>();
		Map<Long, Integer> chosenPerCategory = new HashMap<>();
		for (RoundResult row : rows) {
			admittedPerCategory.merge(row.getCategoryId(), 1, Integer::sum);
			if (chosen.contains(row.getApplicationId())) {
				chosenPerCategory.merge(row.getCategoryId(), 1, Integer::sum);
			}
		}
		List<String> wrong = new ArrayList<>();
		for (Category category : campaign.getCategories()) {
			int expected = Math.min(category.getQuota(), admittedPerCategory.getOrDefault(category.getId(), 0));
			int actual = chosenPerCategory.getOrDefault(category.getId(), 0);
			if (actual != expected) {
				wrong.add(category.getName() + " " + actual + "/" + expected);
			}
		}
		if (!wrong.isEmpty()) {
			throw new DomainException("cut.error.quota", String.join("; ", wrong));
		}
	}

}
