package io.evalflow.ranking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.QuotaChange;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.campaign.TieRule;
import io.evalflow.review.ReviewService;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;

import org.springframework.context.ApplicationEventPublisher;
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

	private final RoundSnapshotRepository snapshots;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RankingService(RoundResultRepository results, CampaignService campaigns, ReviewService reviews,
			RoundSnapshotRepository snapshots, ApplicationEventPublisher events, Clock clock) {
		this.results = results;
		this.campaigns = campaigns;
		this.reviews = reviews;
		this.snapshots = snapshots;
		this.events = events;
		this.clock = clock;
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
	 * Aggregates the submitted reviews by the round's method, ranks and proposes the cut,
	 * and records which reviews were ranked. Safe to run again until the cut is
	 * confirmed; refused after that, as the round is frozen.
	 */
	public List<RoundResult> rank(Long roundId) {
		ReviewRound round = this.campaigns.round(roundId);
		if (round.getStatus() == RoundStatus.DECIDED) {
			throw new DomainException("cut.error.frozen", round.getName());
		}
		List<RoundResult> rows = this.results.findByRoundIdOrderByRankOverallAscApplicationIdAsc(roundId);
		RoundComputation computed = compute(round, rows);
		for (int i = 0; i < rows.size(); i++) {
			rows.get(i).ranked(computed.ranking(), i);
		}
		RoundSnapshot snapshot = this.snapshots.findByRoundId(roundId).orElseGet(() -> new RoundSnapshot(roundId));
		snapshot.ranked(round.getAggregation(), computed.ranking(), computed.reviewCount(), computed.inputsHash(),
				this.clock.instant());
		this.snapshots.save(snapshot);
		return rows;
	}

	private RoundComputation compute(ReviewRound round, List<RoundResult> rows) {
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		return RoundComputation.of(round, campaign, rows, this.reviews.scoredReviews(round.getId()),
				(round.getTieRule() == TieRule.CRITERIA) ? this.reviews.criterionMeans(round.getId()) : Map.of());
	}

	/** The round's latest ranking and, once confirmed, its frozen snapshot. */
	@Transactional(readOnly = true)
	public Optional<RoundSnapshot> snapshot(Long roundId) {
		return this.snapshots.findByRoundId(roundId);
	}

	/**
	 * Recomputes a confirmed round from its stored reviews and compares the result with
	 * the snapshot frozen at confirmation: the reviews' hash, every application's figures
	 * and decision, and the figures' hash.
	 */
	@Transactional(readOnly = true)
	public SnapshotCheck verifySnapshot(Long roundId) {
		ReviewRound round = this.campaigns.round(roundId);
		RoundSnapshot snapshot = this.snapshots.findByRoundId(roundId)
			.filter(RoundSnapshot::isFrozen)
			.orElseThrow(() -> new DomainException("cut.error.notFrozen", round.getName()));
		List<RoundResult> stored = results(roundId);
		List<RoundResult> again = stored.stream()
			.map(r -> new RoundResult(roundId, r.getApplicationId(), r.getCategoryId()))
			.toList();
		RoundComputation computed = compute(round, again);
		List<Long> differing = new ArrayList<>();
		for (int i = 0; i < again.size(); i++) {
			again.get(i).ranked(computed.ranking(), i);
			again.get(i).decide(Boolean.TRUE.equals(stored.get(i).getAdvanced()));
			if (!again.get(i).figures().equals(stored.get(i).figures())
					|| !Objects.equals(again.get(i).getAdvanced(), stored.get(i).getAdvanced())) {
				differing.add(stored.get(i).getApplicationId());
			}
		}
		return new SnapshotCheck(computed.inputsHash().equals(snapshot.getInputsHash()),
				RoundComputation.figuresHash(again).equals(snapshot.getFiguresHash()), differing);
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
	 * exactly; a category with fewer finalists than its quota is a rule that cannot be
	 * met, refused until the organizer lowers that quota ({@link #lowerQuota}).
	 */
	public void confirmCut(Long roundId, Set<Long> advancedIds, String reason, String actor) {
		ReviewRound round = this.campaigns.lockRound(roundId);
		if (round.getStatus() != RoundStatus.RANKED) {
			throw new DomainException("cut.error.notRanked", round.getName());
		}
		List<RoundResult> rows = results(roundId);
		if (round.getRuleType() == AdvancementRule.CATEGORY_QUOTA) {
			Campaign campaign = this.campaigns.get(round.getCampaignId());
			Map<Long, Integer> finalists = finalistsPerCategory(rows);
			for (Category category : campaign.getCategories()) {
				int here = finalists.getOrDefault(category.getId(), 0);
				if (here < category.getQuota()) {
					throw new DomainException("cut.error.quotaShortfall", category.getName(), here,
							category.getQuota());
				}
			}
		}
		RoundSnapshot snapshot = this.snapshots.findByRoundId(roundId)
			.orElseThrow(() -> new DomainException("cut.error.notRanked", round.getName()));
		RoundComputation now = compute(round,
				rows.stream().map(r -> new RoundResult(roundId, r.getApplicationId(), r.getCategoryId())).toList());
		if (!now.inputsHash().equals(snapshot.getInputsHash())) {
			throw new DomainException("cut.error.stale", round.getName());
		}
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
		if (rows.stream().anyMatch(RoundResult::isTieOpen) && !StringUtils.hasText(reason)) {
			Campaign campaign = this.campaigns.get(round.getCampaignId());
			String where = rows.stream()
				.filter(RoundResult::isTieOpen)
				.map(r -> campaign.category(r.getCategoryId()).getName())
				.distinct()
				.collect(Collectors.joining("、"));
			throw new DomainException("cut.error.tieOpen", rows.stream().filter(RoundResult::isTieOpen).count(), where);
		}
		if (round.getRuleType() == AdvancementRule.CATEGORY_QUOTA) {
			checkQuotas(this.campaigns.get(round.getCampaignId()), rows, chosen);
		}
		else if (chosen.isEmpty() && !rows.isEmpty()) {
			throw new DomainException("cut.error.nobody");
		}
		rows.forEach(row -> row.decide(chosen.contains(row.getApplicationId())));
		String note = StringUtils.hasText(reason) ? reason.trim() : null;
		this.campaigns.cutConfirmed(roundId, actor, note);
		String figuresHash = RoundComputation.figuresHash(rows);
		snapshot.freeze(figuresHash, actor, this.clock.instant());
		this.events.publishEvent(new CutConfirmed(round.getCampaignId(), roundId, round.getRoundNo(), actor, override,
				note, Set.copyOf(chosen), snapshot.getInputsHash(), figuresHash));
		this.campaigns.decide(round.getCampaignId(), PipelineDecision.CONFIRM_CUT, round.getRoundNo(), actor);
	}

	private static Map<Long, Integer> finalistsPerCategory(List<RoundResult> rows) {
		Map<Long, Integer> perCategory = new HashMap<>();
		rows.forEach(row -> perCategory.merge(row.getCategoryId(), 1, Integer::sum));
		return perCategory;
	}

	/**
	 * Lowers the quota of a category of the final round that has fewer finalists than
	 * places, so that its cut can be confirmed. Only a shortfall justifies it, and only
	 * down to the category's finalists: at least one, or none when the category has no
	 * finalist at all. A raise, a quota the finalists still cannot fill, a missing reason
	 * or a round already decided are refused and change nothing. The round is ranked
	 * again so the proposal follows the new quota.
	 */
	public QuotaChange lowerQuota(Long roundId, Long categoryId, Integer newQuota, String reason, String actor) {
		ReviewRound round = this.campaigns.lockRound(roundId);
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Category category = campaign.category(categoryId);
		if (round.getRuleType() != AdvancementRule.CATEGORY_QUOTA) {
			throw new DomainException("quota.error.notFinal", round.getName());
		}
		if (round.getStatus() == RoundStatus.DECIDED) {
			throw new DomainException("quota.error.decided", round.getName());
		}
		if (round.getStatus() != RoundStatus.OPEN && round.getStatus() != RoundStatus.RANKED) {
			throw new DomainException("quota.error.notOpen", round.getName());
		}
		if (!StringUtils.hasText(reason)) {
			throw new DomainException("quota.error.reasonRequired");
		}
		if (newQuota == null) {
			throw new DomainException("quota.error.missing", category.getName());
		}
		int finalists = finalistsPerCategory(results(roundId)).getOrDefault(categoryId, 0);
		if (finalists >= category.getQuota()) {
			throw new DomainException("quota.error.noShortfall", category.getName(), finalists, category.getQuota());
		}
		if (newQuota >= category.getQuota()) {
			throw new DomainException("quota.error.notLower", category.getName(), category.getQuota(), newQuota);
		}
		if (newQuota > finalists) {
			throw new DomainException("quota.error.aboveFinalists", category.getName(), finalists, newQuota);
		}
		if (newQuota < Math.min(1, finalists)) {
			throw new DomainException("quota.error.belowOne", category.getName());
		}
		QuotaChange change = this.campaigns.changeQuota(roundId, categoryId, newQuota, reason, actor);
		if (round.getStatus() == RoundStatus.RANKED) {
			rank(roundId);
		}
		return change;
	}

	private static void checkQuotas(Campaign campaign, List<RoundResult> rows, Set<Long> chosen) {
		Map<Long, Integer> chosenPerCategory = new HashMap<>();
		for (RoundResult row : rows) {
			if (chosen.contains(row.getApplicationId())) {
				chosenPerCategory.merge(row.getCategoryId(), 1, Integer::sum);
			}
		}
		List<String> wrong = new ArrayList<>();
		for (Category category : campaign.getCategories()) {
			int expected = category.getQuota();
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
