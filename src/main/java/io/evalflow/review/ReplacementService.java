package io.evalflow.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Role;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.review.assignment.AssignmentProblem;
import io.evalflow.review.assignment.Conflicts;
import io.evalflow.review.assignment.Constraint;
import io.evalflow.review.assignment.Replacement;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * An expert steps off a review under way (declines it, or declares a conflict of
 * interest) and another takes the place in the same transaction, chosen by the draw's
 * rules; the place's task goes to them. Where nobody may take it, the place stays vacant
 * until the organizer assigns an expert by hand.
 */
@Service
@Transactional
public class ReplacementService {

	static final int REASON_MAX = 500;

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final ExpertConflictRepository conflicts;

	private final RoundAssignmentRepository assignments;

	private final AssignmentProblems problems;

	private final ReviewService reviewService;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReplacementService(ReviewRepository reviews, ExpertRepository experts, ExpertConflictRepository conflicts,
			RoundAssignmentRepository assignments, AssignmentProblems problems, ReviewService reviewService,
			CampaignService campaigns, SubmissionService submissions, AccountService accounts,
			ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.experts = experts;
		this.conflicts = conflicts;
		this.assignments = assignments;
		this.problems = problems;
		this.reviewService = reviewService;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The expert declares a conflict of interest with the review's application: the
	 * review is recused, the conflict is kept so that no later draw gives them the
	 * application again, and another expert takes the place.
	 */
	public Review declareConflict(CurrentUser expert, Long reviewId, String reason) {
		if (!StringUtils.hasText(reason)) {
			throw new DomainException("review.error.conflictReasonRequired");
		}
		return stepOff(expert, reviewId, ReviewStatus.RECUSED, reason.trim());
	}

	/** The expert declines the review; another expert takes the place. */
	public Review decline(CurrentUser expert, Long reviewId, String reason) {
		return stepOff(expert, reviewId, ReviewStatus.DECLINED, StringUtils.hasText(reason) ? reason.trim() : null);
	}

	/** The round's places nobody has taken over, by application. */
	@Transactional(readOnly = true)
	public List<Review> vacancies(Long roundId) {
		return this.reviews.vacancies(roundId, AssignmentProblems.GONE);
	}

	/**
	 * The organizer assigns an expert to a vacant place. The expert is held to the draw's
	 * rules; breaking one needs a reason, which is kept with the review.
	 * @param username the expert's user name
	 * @return the review that now holds the place
	 */
	public Review fillVacancy(CurrentUser organizer, Long vacantReviewId, String username, String overrideReason) {
		if (!organizer.is(Role.ORGANIZER) && !organizer.is(Role.ADMIN)) {
			throw new AccessDeniedException("organizers only");
		}
		Review vacancy = this.reviews.findById(vacantReviewId)
			.orElseThrow(() -> new NotFoundException("review", vacantReviewId));
		if (!vacancy.isVacant()) {
			throw new DomainException("review.error.notVacant");
		}
		// One change to the round's places at a time: loads and panels are read after the
		// lock.
		ReviewRound round = this.campaigns.lockRound(vacancy.getRoundId());
		Instant now = this.clock.instant();
		requireUnderWay(round, now);
		String reason = StringUtils.hasText(overrideReason) ? overrideReason.trim() : null;
		checkLength(reason);
		Expert expert = Optional.ofNullable(username)
			.map(String::trim)
			.flatMap(this.accounts::findAccount)
			.flatMap(account -> this.experts.findByAccountId(account.getId()))
			.orElseThrow(() -> new DomainException("review.error.unknownExpert", username));
		if (!expert.isActive()) {
			throw new DomainException("review.error.expertInactive", expert.getName());
		}
		if (this.reviews.expertsOn(round.getId(), vacancy.getApplicationId()).contains(expert.getId())) {
			throw new DomainException("review.error.alreadyOnApplication", expert.getName());
		}
		Constraint broken = brokenRule(round, vacancy.getApplicationId(), expert);
		if (broken != null && reason == null) {
			throw new DomainException("review.error.breaks." + broken.name(), expert.getName());
		}
		return replace(vacancy, expert.getId(), now, organizer.getUsername(), (broken != null) ? reason : null);
	}

	private Review stepOff(CurrentUser expert, Long reviewId, ReviewStatus status, String reason) {
		checkLength(reason);
		Review review = this.reviewService.ownReview(expert, reviewId);
		if (!review.getStatus().isOpen()) {
			throw new DomainException("review.error.notOpen");
		}
		// Two experts stepping off in the same round at once must not both hand their
		// place
		// to the one expert with room left, nor to an expert already on the application.
		ReviewRound round = this.campaigns.lockRound(review.getRoundId());
		Instant now = this.clock.instant();
		requireUnderWay(round, now);
		review.stepOff(status, reason);
		this.events.publishEvent(new ReviewSteppedOff(review.getId(), review.getRoundId(), review.getApplicationId(),
				status.name(), reason, expert.getUsername()));
		if (status == ReviewStatus.RECUSED) {
			this.conflicts
				.save(ExpertConflict.withApplication(review.getExpertId(), review.getApplicationId(), reason, now));
		}
		Replacement.Choice choice = chooseReplacement(round, review);
		if (choice.found()) {
			replace(review, choice.expertId(), now, null, null);
		}
		else {
			review.leftVacant(choice.binding());
			this.events.publishEvent(new ReviewVacated(review.getTaskId(), review.getId()));
		}
		return review;
	}

	/**
	 * The least loaded expert in the round who breaks none of the draw's rules, among
	 * those not yet on the application. The tie-break is seeded with the round's seed and
	 * the review, so the choice can be replayed.
	 */
	private Replacement.Choice chooseReplacement(ReviewRound round, Review leaving) {
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Application application = this.submissions.get(leaving.getApplicationId());
		AssignmentProblem.Application candidate = this.problems.candidates(campaign, round, List.of(application))
			.get(0);
		List<Expert> covering = this.experts.findByActiveTrueOrderById()
			.stream()
			.filter(e -> e.getCategoryCodes().isEmpty() || e.getCategoryCodes().contains(candidate.categoryCode()))
			.toList();
		Map<Long, Integer> load = new HashMap<>();
		for (Object[] row : this.reviews.loadPerExpert(List.of(round.getId()), AssignmentProblems.GONE)) {
			load.put((Long) row[0], ((Number) row[1]).intValue());
		}
		Set<Long> excluded = new HashSet<>(this.reviews.expertsOn(round.getId(), leaving.getApplicationId()));
		long seed = this.assignments.findById(round.getId()).map(RoundAssignment::getSeed).orElse(0L)
				^ (leaving.getId() * 0x9E3779B97F4A7C15L);
		return Replacement.choose(candidate, this.problems.pool(campaign, round, covering), load, excluded,
				new Conflicts(this.accounts.unitParents(), campaign.isRegionConflict()), seed);
	}

	/**
	 * The first of the draw's rules the expert would break on the application, if any.
	 */
	private Constraint brokenRule(ReviewRound round, Long applicationId, Expert expert) {
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		AssignmentProblem.Application candidate = this.problems
			.candidates(campaign, round, List.of(this.submissions.get(applicationId)))
			.get(0);
		AssignmentProblem.Expert drawn = this.problems.pool(campaign, round, List.of(expert)).get(0);
		Optional<Constraint> violated = new Conflicts(this.accounts.unitParents(), campaign.isRegionConflict())
			.violated(drawn, candidate);
		if (violated.isPresent()) {
			return violated.get();
		}
		long load = this.reviews.countByRoundIdAndExpertIdAndStatusNotIn(round.getId(), expert.getId(),
				AssignmentProblems.GONE);
		return (load >= drawn.capacity()) ? Constraint.LOAD : null;
	}

	private Review replace(Review leaving, Long expertId, Instant now, String assignedBy, String overrideReason) {
		String taskId = leaving.getTaskId();
		Review replacement = this.reviews.save(Review.replacement(leaving, expertId, now, assignedBy, overrideReason));
		leaving.replacedBy(replacement.getId());
		this.events.publishEvent(new ReviewReassigned(taskId, replacement.getId(),
				this.accounts.username(this.experts.findById(expertId).orElseThrow().getAccountId())));
		return replacement;
	}

	private static void requireUnderWay(ReviewRound round, Instant now) {
		if (round.getStatus() != RoundStatus.OPEN
				|| (round.getDeadline() != null && !now.isBefore(round.getDeadline()))) {
			throw new DomainException("review.error.roundClosed", round.getName());
		}
	}

	private static void checkLength(String reason) {
		if (reason != null && reason.length() > REASON_MAX) {
			throw new DomainException("review.error.reasonTooLong", REASON_MAX);
		}
	}

}
