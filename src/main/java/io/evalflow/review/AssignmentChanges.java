package io.evalflow.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.AssignmentChange.Kind;
import io.evalflow.review.AssignmentRules.Violations;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The organizer's manual changes to a proposed assignment: add an expert to an
 * application, take one off, swap one for another. Each is held to the draw's rules; a
 * broken rule refuses the change unless the organizer gives a reason, and then the
 * override is recorded on the review and in the change log. Only while the proposal waits
 * for confirmation.
 */
@Service
@Transactional
public class AssignmentChanges {

	static final int REASON_MAX = 500;

	private static final Set<ReviewStatus> PROPOSED = Set.of(ReviewStatus.PROPOSED);

	private final RoundAssignmentRepository assignments;

	private final AssignmentShortfallRepository shortfalls;

	private final AssignmentChangeRepository changes;

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final AssignmentRules rules;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AssignmentChanges(RoundAssignmentRepository assignments, AssignmentShortfallRepository shortfalls,
			AssignmentChangeRepository changes, ReviewRepository reviews, ExpertRepository experts,
			AssignmentRules rules, CampaignService campaigns, SubmissionService submissions, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.assignments = assignments;
		this.shortfalls = shortfalls;
		this.changes = changes;
		this.reviews = reviews;
		this.experts = experts;
		this.rules = rules;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.clock = clock;
	}

	/**
	 * Gives the application one more expert, up to the round's number per application;
	 * fills a place the draw or a removal left open.
	 * @param reason why, kept in the change log; required to override a broken rule
	 * @return the new proposed review
	 */
	public Review add(Long roundId, Long applicationId, Long expertId, String reason, String actor) {
		Change change = begin(roundId, applicationId, reason);
		List<Review> holders = change.holders();
		if (holders.size() >= change.round().getExpertsPerApplication()) {
			throw new DomainException("assignment.error.full", change.application().getReferenceNo(),
					change.round().getExpertsPerApplication());
		}
		Expert expert = newcomer(change, holders, expertId);
		Violations violations = allowed(change, expert);
		Review review = this.reviews.save(Review.proposed(roundId, applicationId, expertId, change.now(), actor,
				violations.any() ? change.reason() : null));
		this.shortfalls.findByRoundIdAndApplicationId(roundId, applicationId).ifPresent(shortfall -> {
			if (shortfall.fill()) {
				this.shortfalls.delete(shortfall);
			}
		});
		record(change, Kind.ADD, expertId, null, violations, actor);
		return review;
	}

	/**
	 * Takes a proposed expert off the application; the place opens as a shortfall, so the
	 * proposal cannot be confirmed until it is filled again. The proposal row is deleted
	 * (it never reached the expert); the change log remembers it.
	 */
	public void remove(Long roundId, Long applicationId, Long expertId, String reason, String actor) {
		Change change = begin(roundId, applicationId, reason);
		Review review = holder(change, expertId);
		this.reviews.delete(review);
		this.shortfalls.findByRoundIdAndApplicationId(roundId, applicationId)
			.ifPresentOrElse(AssignmentShortfall::open,
					() -> this.shortfalls.save(AssignmentShortfall.opened(roundId, applicationId)));
		record(change, Kind.REMOVE, expertId, null, new Violations(List.of(), List.of()), actor);
	}

	/**
	 * Puts another expert in a proposed expert's place, held to the same rules as an add.
	 * @return the new proposed review
	 */
	public Review swap(Long roundId, Long applicationId, Long outgoingId, Long incomingId, String reason,
			String actor) {
		Change change = begin(roundId, applicationId, reason);
		Review outgoing = holder(change, outgoingId);
		Expert expert = newcomer(change, change.holders(), incomingId);
		Violations violations = allowed(change, expert);
		this.reviews.delete(outgoing);
		Review review = this.reviews.save(Review.proposed(roundId, applicationId, incomingId, change.now(), actor,
				violations.any() ? change.reason() : null));
		record(change, Kind.SWAP, outgoingId, incomingId, violations, actor);
		return review;
	}

	/** The changes made to the current proposal, newest first. */
	@Transactional(readOnly = true)
	public List<AssignmentChange> changes(Long roundId) {
		return this.assignments.findById(roundId)
			.map(a -> this.changes.findByRoundIdAndChangedAtGreaterThanEqualOrderByIdDesc(roundId, a.getPlannedAt()))
			.orElse(List.of());
	}

	/**
	 * Active experts who could join the application without breaking a rule, least loaded
	 * first: where the organizer looks to fill a place.
	 */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(Long roundId, Long applicationId, int limit) {
		ReviewRound round = this.campaigns.round(roundId);
		Application application = inRound(round, applicationId);
		Set<Long> holding = this.reviews.findByRoundIdAndApplicationIdAndStatusIn(roundId, applicationId, PROPOSED)
			.stream()
			.map(Review::getExpertId)
			.collect(Collectors.toSet());
		return this.rules.candidates(this.campaigns.get(round.getCampaignId()), round, application, holding, limit);
	}

	private Change begin(Long roundId, Long applicationId, String reason) {
		RoundAssignment assignment = this.assignments.lockForChange(roundId)
			.orElseThrow(() -> new DomainException("assignment.error.notProposed"));
		if (assignment.getStatus() != RoundAssignment.Status.PROPOSED) {
			throw new DomainException("assignment.error.changeClosed", new DefaultMessageSourceResolvable(
					new String[] { "assignment.status." + assignment.getStatus().name() }, null, null));
		}
		ReviewRound round = this.campaigns.round(roundId);
		Application application = inRound(round, applicationId);
		String why = StringUtils.hasText(reason) ? reason.trim() : null;
		if (why != null && why.length() > REASON_MAX) {
			throw new DomainException("assignment.error.reasonTooLong", REASON_MAX);
		}
		List<Review> holders = this.reviews.findByRoundIdAndApplicationIdAndStatusIn(roundId, applicationId, PROPOSED);
		return new Change(this.campaigns.get(round.getCampaignId()), round, application, holders, why,
				this.clock.instant());
	}

	private Application inRound(ReviewRound round, Long applicationId) {
		Application application = this.submissions.get(applicationId);
		boolean inRound = application.getCampaignId().equals(round.getCampaignId())
				&& (this.reviews.existsByRoundIdAndApplicationId(round.getId(), applicationId)
						|| this.shortfalls.existsByRoundIdAndApplicationId(round.getId(), applicationId));
		if (!inRound) {
			throw new DomainException("assignment.error.notInRound", application.getReferenceNo());
		}
		return application;
	}

	private Review holder(Change change, Long expertId) {
		return change.holders()
			.stream()
			.filter(r -> r.getExpertId().equals(expertId))
			.findFirst()
			.orElseThrow(() -> new DomainException("assignment.error.notOnApplication", expertName(expertId),
					change.application().getReferenceNo()));
	}

	/** The expert who is to join: in the pool and not already on the application. */
	private Expert newcomer(Change change, List<Review> holders, Long expertId) {
		Expert expert = this.experts.findById(expertId).orElseThrow(() -> new NotFoundException("expert", expertId));
		if (holders.stream().anyMatch(r -> r.getExpertId().equals(expertId))) {
			throw new DomainException("assignment.error.duplicate", expert.getName(),
					change.application().getReferenceNo());
		}
		if (!expert.isActive()) {
			throw new DomainException("assignment.error.inactive", expert.getName());
		}
		return expert;
	}

	/** The rules the expert breaks; refused unless the organizer gave a reason. */
	private Violations allowed(Change change, Expert expert) {
		Violations violations = this.rules.check(change.campaign(), change.round(), change.application(), expert);
		if (violations.any() && change.reason() == null) {
			throw new DomainException("assignment.error.violated", expert.getName(),
					change.application().getReferenceNo(), violations.phrase());
		}
		return violations;
	}

	private void record(Change change, Kind kind, Long expertId, Long replacementId, Violations violations,
			String actor) {
		this.changes.save(new AssignmentChange(change.round().getId(), change.application().getId(), kind, expertId,
				replacementId, violations.broken(), change.reason(), actor, change.now()));
		this.events.publishEvent(new AssignmentChanged(change.campaign().getId(), change.round().getId(),
				change.application().getId(), kind, expertId, replacementId,
				violations.broken().stream().map(Enum::name).toList(), change.reason(), actor));
	}

	private String expertName(Long expertId) {
		return this.experts.findById(expertId).map(Expert::getName).orElse("#" + expertId);
	}

	private record Change(Campaign campaign, ReviewRound round, Application application, List<Review> holders,
			String reason, Instant now) {
	}

	/** An expert who may take a place, with their load and capacity in the round. */
	public record Candidate(Expert expert, long load, int capacity) {
	}

}
