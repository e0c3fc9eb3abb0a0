package io.evalflow.review;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.evalflow.account.AccountService;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.assignment.AssignmentEngine;
import io.evalflow.review.assignment.AssignmentPlan;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A round's assignment from draw to release: the seeded draw is written as a proposal the
 * organizer can inspect and change; once confirmed, it is released chunk by chunk into
 * the experts' review tasks, with its progress on record.
 */
@Service
@Transactional
public class AssignmentService {

	private static final SecureRandom SEEDS = new SecureRandom();

	private final RoundAssignmentRepository assignments;

	private final AssignmentShortfallRepository shortfalls;

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final AssignmentProblems problems;

	private final AssignmentWriter writer;

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int chunkSize;

	private final ApplicationEventPublisher events;

	AssignmentService(RoundAssignmentRepository assignments, AssignmentShortfallRepository shortfalls,
			ReviewRepository reviews, ExpertRepository experts, AssignmentProblems problems, AssignmentWriter writer,
			CampaignService campaigns, AccountService accounts, JdbcTemplate jdbc, Clock clock,
			@Value("${evalflow.assignment.chunk-size:500}") int chunkSize, ApplicationEventPublisher events) {
		this.events = events;
		this.assignments = assignments;
		this.shortfalls = shortfalls;
		this.reviews = reviews;
		this.experts = experts;
		this.problems = problems;
		this.writer = writer;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.chunkSize = chunkSize;
	}

	/**
	 * Draws the round's assignment and writes it as a proposal. Run by the engine, at
	 * least once: a draw already proposed is left alone, a draw interrupted half-written
	 * is replayed from its seed and completed. A redraw (the organizer's, before
	 * confirming) replaces the proposal with a draw from a new seed.
	 * @param requestedSeed the seed to draw with, or {@code null} for a fresh one
	 */
	public RoundAssignment plan(Long roundId, List<Application> applications, Long requestedSeed, boolean redraw) {
		ReviewRound round = this.campaigns.round(roundId);
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		Instant now = this.clock.instant();
		AtomicReference<Long> seed = new AtomicReference<>();
		this.writer.inOwnTransaction(() -> {
			Optional<RoundAssignment> existing = this.assignments.findById(roundId);
			long fresh = (requestedSeed != null) ? requestedSeed : newSeed();
			if (existing.isEmpty()) {
				this.assignments.save(new RoundAssignment(roundId, fresh, applications.size(), this.chunkSize, now));
				seed.set(fresh);
			}
			else if (redraw && existing.get().getStatus() == RoundAssignment.Status.PROPOSED) {
				this.reviews.deleteProposed(roundId);
				this.shortfalls.deleteByRound(roundId);
				existing.get().redraw(fresh, applications.size(), now);
				seed.set(fresh);
			}
			else if (existing.get().getStatus() == RoundAssignment.Status.PLANNING) {
				seed.set(existing.get().getSeed());
			}
		});
		if (seed.get() != null) {
			AssignmentPlan plan = AssignmentEngine
				.assign(this.problems.build(campaign, round, applications, seed.get()));
			this.writer.write(roundId, plan.assignments(), new HashSet<>(this.reviews.applicationsOfRound(roundId)),
					this.chunkSize, now);
			this.writer.inOwnTransaction(() -> {
				this.shortfalls.deleteByRound(roundId);
				plan.shortfalls()
					.forEach(s -> this.shortfalls
						.save(new AssignmentShortfall(roundId, s.applicationId(), s.missing(), s.binding())));
				this.assignments.findById(roundId).orElseThrow().proposed();
			});
		}
		return assignment(roundId).orElseThrow();
	}

	/**
	 * The organizer accepts the proposal: the round's reviews go out. Refused while an
	 * application is short of experts.
	 */
	public void confirm(Long roundId, String actor) {
		RoundAssignment assignment = proposal(roundId);
		long shortApplications = this.shortfalls.countByRoundId(roundId);
		if (shortApplications > 0) {
			throw new DomainException("assignment.error.short", shortApplications);
		}
		assignment.confirm(actor, this.clock.instant());
		ReviewRound round = this.campaigns.round(roundId);
		this.campaigns.decide(round.getCampaignId(), PipelineDecision.CONFIRM_ASSIGNMENT, round.getRoundNo(), actor,
				Map.of("redraw", false));
	}

	/**
	 * The organizer asks for a new draw, with a seed of their choosing or a fresh one.
	 */
	public void redraw(Long roundId, Long seed, String actor) {
		proposal(roundId);
		ReviewRound round = this.campaigns.round(roundId);
		Map<String, Object> variables = new HashMap<>();
		variables.put("redraw", true);
		variables.put("seed", (seed != null) ? seed : newSeed());
		this.campaigns.decide(round.getCampaignId(), PipelineDecision.CONFIRM_ASSIGNMENT, round.getRoundNo(), actor,
				variables);
	}

	/**
	 * Releases the next chunk of the confirmed proposal: its reviews become assigned with
	 * the round's deadline, and until {@link #finishRelease()} the engine finds each
	 * review's assignee without a query.
	 * @return the released review ids per application id
	 */
	public Map<Long, List<Long>> releaseNext(Long roundId) {
		RoundAssignment assignment = assignment(roundId)
			.orElseThrow(() -> new NotFoundException("assignment", roundId));
		ReviewRound round = this.campaigns.round(roundId);
		Instant now = this.clock.instant();
		List<Long> applicationIds = this.reviews.applicationsWithStatus(roundId, ReviewStatus.PROPOSED,
				PageRequest.of(0, assignment.getChunkSize()));
		Map<Long, List<Long>> released = new LinkedHashMap<>();
		if (applicationIds.isEmpty()) {
			released(assignment, 0, now);
			ReleaseContext.open(Map.of(), Map.of());
			return released;
		}
		this.reviews.release(roundId, applicationIds, now, round.getDeadline());
		List<Object[]> rows = this.reviews.released(roundId, applicationIds);
		Map<Long, Long> expertOfReview = new HashMap<>();
		for (Object[] row : rows) {
			released.computeIfAbsent((Long) row[1], id -> new ArrayList<>()).add((Long) row[0]);
			expertOfReview.put((Long) row[0], (Long) row[2]);
		}
		Map<Long, Long> accountOfExpert = new HashMap<>();
		this.experts.findAllById(new HashSet<>(expertOfReview.values()))
			.forEach(e -> accountOfExpert.put(e.getId(), e.getAccountId()));
		Map<Long, String> usernames = this.accounts.usernames(accountOfExpert.values());
		Map<Long, String> assignees = new HashMap<>();
		expertOfReview
			.forEach((reviewId, expertId) -> assignees.put(reviewId, usernames.get(accountOfExpert.get(expertId))));
		ReleaseContext.open(released, assignees);
		released(assignment, applicationIds.size(), now);
		return released;
	}

	private void released(RoundAssignment assignment, int applications, Instant now) {
		boolean before = assignment.getStatus() == RoundAssignment.Status.RELEASED;
		assignment.released(applications, now);
		if (!before && assignment.getStatus() == RoundAssignment.Status.RELEASED) {
			this.events.publishEvent(new AssignmentReleased(assignment.getRoundId()));
		}
	}

	/** Links the chunk's new tasks to their reviews in one batch and closes the chunk. */
	public void finishRelease() {
		ReleaseContext context = ReleaseContext.close();
		if (context != null && !context.taskLinks().isEmpty()) {
			this.jdbc.batchUpdate("UPDATE review SET task_id = ? WHERE id = ?", context.taskLinks());
		}
	}

	/** Drops a chunk's context after a failure; the transaction rolls back anyway. */
	public void abandonRelease() {
		ReleaseContext.close();
	}

	@Transactional(readOnly = true)
	public Optional<RoundAssignment> assignment(Long roundId) {
		return this.assignments.findById(roundId);
	}

	@Transactional(readOnly = true)
	public List<AssignmentShortfall> shortfalls(Long roundId) {
		return this.shortfalls.findByRoundIdOrderByApplicationId(roundId);
	}

	private RoundAssignment proposal(Long roundId) {
		RoundAssignment assignment = assignment(roundId)
			.orElseThrow(() -> new DomainException("assignment.error.notProposed"));
		assignment.requireProposed();
		return assignment;
	}

	/** A positive seed of at most twelve digits, short enough to read out and type in. */
	private static long newSeed() {
		return 1 + Math.floorMod(SEEDS.nextLong(), 999_999_999_999L);
	}

}
