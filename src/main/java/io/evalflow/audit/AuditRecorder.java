package io.evalflow.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignCreated;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.QuotaChanged;
import io.evalflow.campaign.ResultsPublished;
import io.evalflow.ranking.CutConfirmed;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.review.AssignmentChanged;
import io.evalflow.review.AssignmentReleased;
import io.evalflow.review.DeadlineExtended;
import io.evalflow.review.ExpertJoined;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewReassigned;
import io.evalflow.review.ReviewReopened;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewSteppedOff;
import io.evalflow.review.ReviewSubmitted;
import io.evalflow.review.ReviewVacated;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationSubmitted;
import io.evalflow.submission.ApplicationWithdrawn;
import io.evalflow.submission.EligibilityDecided;
import io.evalflow.submission.SubmissionService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the modules' events into audit rows. Each is appended just before the changing
 * transaction commits: a change refused or rolled back after its event leaves no row, and
 * the head's lock is held only for the moment of the commit. An event outside any
 * transaction is appended at once, which the log refuses, loudly.
 */
@Component
class AuditRecorder {

	private final AuditLog log;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final RankingService ranking;

	private final ReviewService reviews;

	AuditRecorder(AuditLog log, CampaignService campaigns, SubmissionService submissions, RankingService ranking,
			ReviewService reviews) {
		this.log = log;
		this.reviews = reviews;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.ranking = ranking;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CampaignCreated event) {
		Campaign campaign = this.campaigns.get(event.campaignId());
		this.log.append(AuditEntry.of("campaign.created", "campaign", event.campaignId())
			.campaign(event.campaignId())
			.detail("code", campaign.getCode())
			.detail("name", campaign.getName())
			.detail("submissionDeadline", event.submissionDeadline().toString())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PipelineDecision event) {
		Map<String, String> variables = new TreeMap<>();
		event.variables().forEach((key, value) -> variables.put(key, String.valueOf(value)));
		this.log.append(AuditEntry.of("decision." + event.step(), "campaign", event.campaignId())
			.campaign(event.campaignId())
			.actor(event.actor())
			.detail("roundNo", event.roundNo())
			.detail("variables", variables.isEmpty() ? null : variables)
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ApplicationSubmitted event) {
		this.log.append(AuditEntry.of("application.submitted", "application", event.applicationId())
			.campaign(event.campaignId())
			.detail("referenceNo", event.referenceNo())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ApplicationWithdrawn event) {
		Application application = this.submissions.get(event.applicationId());
		this.log.append(AuditEntry.of("application.withdrawn", "application", event.applicationId())
			.campaign(application.getCampaignId())
			.detail("referenceNo", application.getReferenceNo())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(EligibilityDecided event) {
		Application application = this.submissions.get(event.applicationId());
		this.log.append(AuditEntry
			.of(event.eligible() ? "application.eligible" : "application.ineligible", "application",
					event.applicationId())
			.campaign(application.getCampaignId())
			.actor(event.actor())
			.reason(application.getIneligibleReason())
			.detail("referenceNo", application.getReferenceNo())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(AssignmentReleased event) {
		this.log.append(AuditEntry.of("assignment.released", "round", event.roundId())
			.campaign(campaignOfRound(event.roundId()))
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(AssignmentChanged event) {
		String action = "assignment." + event.kind().name().toLowerCase(Locale.ROOT)
				+ (event.overridden().isEmpty() ? "" : ".override");
		this.log.append(AuditEntry.of(action, "application", event.applicationId())
			.campaign(event.campaignId())
			.actor(event.actor())
			.reason(event.reason())
			.detail("roundId", event.roundId())
			.detail("expertId", event.expertId())
			.detail("replacementId", event.replacementId())
			.detail("overridden", event.overridden().isEmpty() ? null : event.overridden())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReviewSubmitted event) {
		this.log.append(AuditEntry.of("review.submitted", "review", event.reviewId())
			.campaign(campaignOfRound(event.roundId()))
			.actor(event.expertUsername())
			.detail("applicationId", event.applicationId())
			.detail("roundId", event.roundId())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReviewReopened event) {
		this.log.append(AuditEntry.of("review.reopened", "review", event.reviewId())
			.campaign(campaignOfRound(event.roundId()))
			.actor(event.actor())
			.reason(event.reason())
			.detail("applicationId", event.applicationId())
			.detail("roundId", event.roundId())
			.detail("expert", event.assignee())
			.build());
	}

	/** An expert declined a review or declared a conflict of interest (回避). */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReviewSteppedOff event) {
		this.log.append(AuditEntry
			.of("RECUSED".equals(event.status()) ? "review.recused" : "review.declined", "review", event.reviewId())
			.campaign(campaignOfRound(event.roundId()))
			.actor(event.expert())
			.reason(event.reason())
			.detail("applicationId", event.applicationId())
			.detail("roundId", event.roundId())
			.build());
	}

	/**
	 * A place taken over: by the replacement drawn when an expert stepped off, or by whom
	 * an organizer named (with the reason, when that overrides a rule).
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReviewReassigned event) {
		Review review = this.reviews.review(event.reviewId());
		this.log.append(AuditEntry.of("review.reassigned", "review", event.reviewId())
			.campaign(campaignOfRound(review.getRoundId()))
			.reason(review.getOverrideReason())
			.detail("applicationId", review.getApplicationId())
			.detail("roundId", review.getRoundId())
			.detail("expert", event.assignee())
			.detail("taskId", event.taskId())
			.build());
	}

	/**
	 * An expert stepped off (declined or declared a conflict) and nobody could take over.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ReviewVacated event) {
		Review review = this.reviews.review(event.reviewId());
		this.log.append(AuditEntry.of("review.vacated", "review", event.reviewId())
			.campaign(campaignOfRound(review.getRoundId()))
			.reason(review.getStatusReason())
			.detail("applicationId", review.getApplicationId())
			.detail("roundId", review.getRoundId())
			.detail("status", review.getStatus().name())
			.detail("taskId", event.taskId())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(DeadlineExtended event) {
		this.log.append(AuditEntry.of("deadline.extended", "round", event.roundId())
			.campaign(event.campaignId())
			.actor(event.actor())
			.reason(event.reason())
			.detail("expertId", event.expertId())
			.detail("dueAt", event.dueAt().toString())
			.detail("previousDue", (event.previousDue() != null) ? event.previousDue().toString() : null)
			.detail("reviews", event.reviewCount())
			.build());
	}

	/**
	 * A cut that differs from the proposal is an override: the row says which
	 * applications the organizer added and which they left out. The snapshot's hashes go
	 * into the chain too, so the frozen round and the log vouch for each other.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CutConfirmed event) {
		List<RoundResult> rows = this.ranking.results(event.roundId());
		List<Long> advanced = rows.stream()
			.filter(r -> Boolean.TRUE.equals(r.getAdvanced()))
			.map(RoundResult::getApplicationId)
			.sorted()
			.toList();
		List<Long> added = rows.stream()
			.filter(r -> Boolean.TRUE.equals(r.getAdvanced()) && !r.isProposed())
			.map(RoundResult::getApplicationId)
			.sorted()
			.toList();
		List<Long> left = rows.stream()
			.filter(r -> !Boolean.TRUE.equals(r.getAdvanced()) && r.isProposed())
			.map(RoundResult::getApplicationId)
			.sorted()
			.toList();
		boolean override = !added.isEmpty() || !left.isEmpty();
		this.log.append(AuditEntry.of(override ? "cut.overridden" : "cut.confirmed", "round", event.roundId())
			.campaign(event.campaignId())
			.actor(event.actor())
			.reason(event.reason())
			.detail("roundNo", event.roundNo())
			.detail("admitted", rows.size())
			.detail("advanced", advanced)
			.detail("addedToProposal", override ? added : null)
			.detail("leftOutOfProposal", override ? left : null)
			.detail("inputsHash", event.inputsHash())
			.detail("figuresHash", event.figuresHash())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(QuotaChanged event) {
		this.log.append(AuditEntry.of("quota.changed", "category", event.categoryId())
			.campaign(event.campaignId())
			.actor(event.actor())
			.reason(event.reason())
			.detail("roundId", event.roundId())
			.detail("oldQuota", event.oldQuota())
			.detail("newQuota", event.newQuota())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ExpertJoined event) {
		this.log.append(AuditEntry.of("expert.joined", "expert", event.expertId())
			.detail("username", event.username())
			.build());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ResultsPublished event) {
		this.log.append(AuditEntry.of("results.published", "campaign", event.campaignId())
			.campaign(event.campaignId())
			.detail("publishedAt", event.publishedAt().toString())
			.build());
	}

	private Long campaignOfRound(Long roundId) {
		return this.campaigns.round(roundId).getCampaignId();
	}

}
