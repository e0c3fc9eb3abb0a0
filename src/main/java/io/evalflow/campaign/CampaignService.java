package io.evalflow.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Defines campaigns and carries out the state changes of their process. Organizer
 * decisions go through {@link #decide}; the process's service tasks call the other
 * mutators.
 */
@Service
@Transactional
public class CampaignService {

	static final int MIN_ROUNDS = 2;

	static final int MAX_ROUNDS = 5;

	static final int MAX_REASON = 1000;

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private final CampaignRepository campaigns;

	private final QuotaChangeRepository quotaChanges;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CampaignService(CampaignRepository campaigns, QuotaChangeRepository quotaChanges, ApplicationEventPublisher events,
			Clock clock) {
		this.campaigns = campaigns;
		this.quotaChanges = quotaChanges;
		this.events = events;
		this.clock = clock;
	}

	public Campaign create(CampaignDefinition definition) {
		validate(definition);
		Campaign campaign = this.campaigns.save(new Campaign(definition, this.clock.instant()));
		this.events.publishEvent(new CampaignCreated(campaign.getId(), campaign.getSubmissionDeadline(),
				campaign.getRounds().stream().map(ReviewRound::getRoundNo).toList()));
		return campaign;
	}

	private void validate(CampaignDefinition d) {
		if (!StringUtils.hasText(d.code()) || !d.code().matches("[A-Za-z0-9-]{2,40}")) {
			throw new DomainException("campaign.error.code");
		}
		if (this.campaigns.existsByCode(d.code())) {
			throw new DomainException("campaign.error.codeTaken", d.code());
		}
		if (!StringUtils.hasText(d.name()) || !StringUtils.hasText(d.organizer()) || d.submissionDeadline() == null) {
			throw new DomainException("campaign.error.incomplete");
		}
		if (d.categories() == null || d.categories().isEmpty()) {
			throw new DomainException("campaign.error.noCategories");
		}
		Set<String> codes = new HashSet<>();
		for (CampaignDefinition.CategoryDefinition c : d.categories()) {
			if (!StringUtils.hasText(c.code()) || !StringUtils.hasText(c.name()) || c.quota() < 1) {
				throw new DomainException("campaign.error.category", c.code());
			}
			if (!codes.add(c.code())) {
				throw new DomainException("campaign.error.duplicateCategory", c.code());
			}
		}
		if (d.rounds() == null || d.rounds().size() < MIN_ROUNDS || d.rounds().size() > MAX_ROUNDS) {
			throw new DomainException("campaign.error.roundCount", MIN_ROUNDS, MAX_ROUNDS);
		}
		for (int i = 0; i < d.rounds().size(); i++) {
			validateRound(d.rounds().get(i), i == d.rounds().size() - 1);
		}
		quotasReachable(d);
	}

	/**
	 * A final quota larger than the finalists its category can have is a rule that cannot
	 * be met: refused while the campaign is still being defined.
	 */
	private static void quotasReachable(CampaignDefinition d) {
		CampaignDefinition.RoundDefinition before = d.rounds().get(d.rounds().size() - 2);
		if (before.rule() != AdvancementRule.TOP_N_PER_CATEGORY) {
			return;
		}
		for (CampaignDefinition.CategoryDefinition c : d.categories()) {
			if (c.quota() > before.ruleCount()) {
				throw new DomainException("round.error.quotaUnreachable", c.name(), c.quota(), before.name(),
						before.ruleCount());
			}
		}
	}

	private static void validateScoring(CampaignDefinition.RoundDefinition r) {
		ScoringSettings s = r.scoringOrDefaults();
		if (s.trimShare() != null && (s.trimShare().signum() < 0 || s.trimShare().compareTo(HALF) >= 0)) {
			throw new DomainException("round.error.trimShare", r.name());
		}
		if (s.minReviewsPerExpert() != null && s.minReviewsPerExpert() < 2) {
			throw new DomainException("round.error.minReviews", r.name());
		}
		if (s.disagreementThreshold() != null && s.disagreementThreshold().signum() <= 0) {
			throw new DomainException("round.error.disagreement", r.name());
		}
		TieRule tieRule = (s.tieRule() != null) ? s.tieRule() : TieRule.defaultFor(r.rule());
		if (tieRule == TieRule.TAKE_ALL && r.rule() == AdvancementRule.CATEGORY_QUOTA) {
			throw new DomainException("round.error.takeAllQuota", r.name());
		}
		List<String> names = r.criteria().stream().map(CampaignDefinition.CriterionDefinition::name).toList();
		List<String> tieCriteria = (s.tieCriteria() != null) ? s.tieCriteria() : List.of();
		if (tieRule == TieRule.CRITERIA && tieCriteria.isEmpty()) {
			throw new DomainException("round.error.tieCriteriaMissing", r.name());
		}
		for (String name : tieCriteria) {
			if (!names.contains(name)) {
				throw new DomainException("round.error.tieCriterionUnknown", r.name(), name, String.join("、", names));
			}
		}
		if (new HashSet<>(tieCriteria).size() != tieCriteria.size()) {
			throw new DomainException("round.error.tieCriterionTwice", r.name());
		}
	}

	private void validateRound(CampaignDefinition.RoundDefinition r, boolean finalRound) {
		if (!StringUtils.hasText(r.name()) || r.type() == null || r.rule() == null) {
			throw new DomainException("round.error.incomplete", r.name());
		}
		if (r.expertsPerApplication() < 1 || r.expertsPerApplication() > 15 || r.reviewDays() < 1) {
			throw new DomainException("round.error.experts", r.name());
		}
		if (finalRound != (r.rule() == AdvancementRule.CATEGORY_QUOTA)) {
			throw new DomainException("round.error.finalRule", r.name());
		}
		if (r.rule() == AdvancementRule.SCORE_THRESHOLD) {
			if (r.ruleThreshold() == null || r.ruleThreshold().signum() <= 0) {
				throw new DomainException("round.error.ruleThreshold", r.name());
			}
		}
		else if (!finalRound && (r.ruleCount() == null || r.ruleCount() < 1)) {
			throw new DomainException("round.error.ruleCount", r.name());
		}
		if (r.criteria() == null || r.criteria().isEmpty()) {
			throw new DomainException("round.error.noCriteria", r.name());
		}
		for (CampaignDefinition.CriterionDefinition c : r.criteria()) {
			if (!StringUtils.hasText(c.name()) || c.weight() == null || c.weight().compareTo(BigDecimal.ZERO) <= 0
					|| c.maxScore() < 1) {
				throw new DomainException("round.error.criterion", r.name(), c.name());
			}
		}
		validateScoring(r);
	}

	/**
	 * Raises an organizer decision. The workflow completes the matching user task in this
	 * transaction, or refuses it when the campaign is at another stage.
	 */
	public void decide(Long campaignId, String step, Integer roundNo, String actor) {
		decide(campaignId, step, roundNo, actor, Map.of());
	}

	public void decide(Long campaignId, String step, Integer roundNo, String actor, Map<String, Object> variables) {
		Campaign campaign = get(campaignId);
		if (PipelineDecision.PUBLISH_RESULTS.equals(step)) {
			requireWinnersConfirmed(campaign);
		}
		this.events.publishEvent(new PipelineDecision(campaignId, step, roundNo, actor, variables));
	}

	/**
	 * Results are published only once the final round's winners are confirmed; before
	 * that the organizer is told so, rather than that the step is not available.
	 */
	private static void requireWinnersConfirmed(Campaign campaign) {
		List<ReviewRound> rounds = campaign.getRounds();
		ReviewRound last = rounds.get(rounds.size() - 1);
		if (!campaign.isPublished() && last.getStatus() != RoundStatus.DECIDED) {
			throw new DomainException("campaign.error.winnersNotConfirmed", last.getName());
		}
	}

	@Transactional(readOnly = true)
	public Campaign get(Long id) {
		return this.campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign", id));
	}

	@Transactional(readOnly = true)
	public Campaign byCode(String code) {
		return this.campaigns.findByCode(code).orElseThrow(() -> new NotFoundException("campaign", code));
	}

	@Transactional(readOnly = true)
	public List<Campaign> all() {
		return this.campaigns.findAllByOrderByCreatedAtDesc();
	}

	@Transactional(readOnly = true)
	public List<Campaign> published() {
		return this.campaigns.findByStatusOrderByPublishedAtDesc(CampaignStatus.PUBLISHED);
	}

	@Transactional(readOnly = true)
	public ReviewRound round(Long roundId) {
		return this.campaigns.findRound(roundId).orElseThrow(() -> new NotFoundException("round", roundId));
	}

	/**
	 * The given rounds by id, in a few queries however many there are: a screen listing
	 * reviews from several rounds asks once.
	 */
	@Transactional(readOnly = true)
	public Map<Long, ReviewRound> rounds(Collection<Long> roundIds) {
		if (roundIds.isEmpty()) {
			return Map.of();
		}
		return this.campaigns.findRounds(Set.copyOf(roundIds))
			.stream()
			.collect(Collectors.toMap(ReviewRound::getId, Function.identity()));
	}

	@Transactional(readOnly = true)
	public ReviewRound round(Long campaignId, int roundNo) {
		return get(campaignId).round(roundNo);
	}

	/**
	 * Locks the round's row until the transaction ends; serialises the "was that the last
	 * review?" check.
	 */
	public ReviewRound lockRound(Long roundId) {
		this.campaigns.lockRound(roundId).orElseThrow(() -> new NotFoundException("round", roundId));
		return round(roundId);
	}

	public void processStarted(Long campaignId, String processInstanceId) {
		get(campaignId).processStarted(processInstanceId);
	}

	// The process's service tasks run at least once: each mutator below is a no-op when
	// already done.

	public void openCall(Long campaignId) {
		Campaign campaign = get(campaignId);
		if (campaign.getStatus() == CampaignStatus.DRAFT) {
			campaign.openCall();
		}
	}

	public void closeCall(Long campaignId) {
		Campaign campaign = get(campaignId);
		if (campaign.getStatus() == CampaignStatus.CALL_OPEN) {
			campaign.closeCall();
		}
	}

	public void startReview(Long campaignId) {
		Campaign campaign = get(campaignId);
		if (campaign.getStatus() == CampaignStatus.CALL_CLOSED) {
			campaign.startReview();
		}
	}

	public void publish(Long campaignId) {
		Campaign campaign = get(campaignId);
		if (campaign.getStatus() == CampaignStatus.IN_REVIEW) {
			campaign.publish(this.clock.instant());
			this.events.publishEvent(new ResultsPublished(campaignId, campaign.getPublishedAt()));
		}
	}

	public ReviewRound openRound(Long campaignId, int roundNo) {
		ReviewRound round = round(campaignId, roundNo);
		if (round.getStatus() == RoundStatus.PENDING) {
			round.open(this.clock.instant());
		}
		return round;
	}

	/** Moves an open round's deadline later (an organizer's extension). */
	public ReviewRound extendDeadline(Long roundId, java.time.Instant deadline) {
		ReviewRound round = round(roundId);
		round.extendDeadline(deadline);
		return round;
	}

	public void roundRanked(Long roundId) {
		ReviewRound round = round(roundId);
		if (round.getStatus() == RoundStatus.OPEN) {
			round.ranked(this.clock.instant());
		}
	}

	/**
	 * Lowers a category's quota for the campaign's final round, which must not be decided
	 * yet, and records who did it, when and why. Whether the category's finalists justify
	 * the change is the caller's rule (the ranking module counts them).
	 */
	public QuotaChange changeQuota(Long roundId, Long categoryId, int newQuota, String reason, String actor) {
		ReviewRound round = round(roundId);
		Campaign campaign = get(round.getCampaignId());
		Category category = campaign.category(categoryId);
		if (!round.isFinalRound() || round.getRuleType() != AdvancementRule.CATEGORY_QUOTA) {
			throw new DomainException("quota.error.notFinal", round.getName());
		}
		if (round.getStatus() == RoundStatus.DECIDED) {
			throw new DomainException("quota.error.decided", round.getName());
		}
		if (!StringUtils.hasText(reason)) {
			throw new DomainException("quota.error.reasonRequired");
		}
		if (reason.trim().length() > MAX_REASON) {
			throw new DomainException("quota.error.reasonTooLong", MAX_REASON);
		}
		if (newQuota < 0) {
			throw new DomainException("quota.error.belowOne", category.getName());
		}
		if (newQuota >= category.getQuota()) {
			throw new DomainException("quota.error.notLower", category.getName(), category.getQuota(), newQuota);
		}
		int old = category.getQuota();
		category.changeQuota(newQuota);
		QuotaChange change = this.quotaChanges
			.save(new QuotaChange(category, roundId, old, newQuota, reason.trim(), actor, this.clock.instant()));
		this.events.publishEvent(new QuotaChanged(campaign.getId(), categoryId, roundId, old, newQuota, actor,
				change.getReason(), change.getChangedAt()));
		return change;
	}

	/** The campaign's quota changes, oldest first. */
	@Transactional(readOnly = true)
	public List<QuotaChange> quotaChanges(Long campaignId) {
		return this.quotaChanges.findByCampaignIdOrderByChangedAtAscIdAsc(campaignId);
	}

	public void cutConfirmed(Long roundId, String actor, String note) {
		ReviewRound round = round(roundId);
		round.cutConfirmed(this.clock.instant(), actor, note);
	}

}
