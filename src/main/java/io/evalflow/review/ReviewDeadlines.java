package io.evalflow.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Review deadlines: reminders before a review is due and notices once it is overdue, the
 * organizer's overdue list, and extensions for one expert or the whole round. Each
 * reminder is recorded per review and due date before it is announced, so running the
 * chase twice tells nobody twice.
 */
@Service
@Transactional
public class ReviewDeadlines {

	static final Set<ReviewStatus> OPEN = EnumSet.of(ReviewStatus.ASSIGNED, ReviewStatus.DRAFT);

	static final int REASON_MAX = 1000;

	private final ReviewDeadlineRepository reviews;

	private final ReviewNoticeRepository notices;

	private final DeadlineExtensionRepository extensions;

	private final ExpertRepository experts;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AssignmentService assignments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration reminderLead;

	private final int chaseChunk;

	ReviewDeadlines(ReviewDeadlineRepository reviews, ReviewNoticeRepository notices,
			DeadlineExtensionRepository extensions, ExpertRepository experts, CampaignService campaigns,
			SubmissionService submissions, AssignmentService assignments, ApplicationEventPublisher events, Clock clock,
			@Value("${evalflow.review.reminder-lead:P2D}") Duration reminderLead,
			@Value("${evalflow.review.chase-chunk:1000}") int chaseChunk) {
		if (reminderLead.isNegative() || chaseChunk < 1) {
			throw new IllegalArgumentException(
					"evalflow.review.reminder-lead must not be negative, chase-chunk positive");
		}
		this.reviews = reviews;
		this.notices = notices;
		this.extensions = extensions;
		this.experts = experts;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.assignments = assignments;
		this.events = events;
		this.clock = clock;
		this.reminderLead = reminderLead;
		this.chaseChunk = chaseChunk;
	}

	/**
	 * Records a reminder for each open review due within the lead time and an overdue
	 * notice for each open review past its due date, unless already recorded for that due
	 * date, and raises {@link ReviewReminderDue} for them. One chunk per call.
	 * @return whether more reviews may be waiting for a notice
	 */
	public boolean chase(Long roundId) {
		Instant now = this.clock.instant();
		PageRequest chunk = PageRequest.of(0, this.chaseChunk);
		List<DueReview> soon = this.reviews.dueSoonWithoutNotice(roundId, OPEN, now, now.plus(this.reminderLead),
				ReviewNotice.Kind.REMINDER, chunk);
		List<DueReview> late = this.reviews.overdueWithoutNotice(roundId, OPEN, now, ReviewNotice.Kind.OVERDUE, chunk);
		record(roundId, soon, ReviewNotice.Kind.REMINDER, now);
		record(roundId, late, ReviewNotice.Kind.OVERDUE, now);
		return soon.size() == this.chaseChunk || late.size() == this.chaseChunk;
	}

	private void record(Long roundId, List<DueReview> due, ReviewNotice.Kind kind, Instant now) {
		// Inserted one by one (identity keys): a second chase of the same reviews fails
		// on the unique key here, before anything is announced.
		this.notices.saveAll(due.stream().map(d -> new ReviewNotice(d.reviewId(), kind, d.dueAt(), now)).toList());
		Map<List<Object>, List<DueReview>> perExpertAndDue = due.stream()
			.collect(Collectors.groupingBy(d -> List.of(d.expertId(), d.dueAt()), LinkedHashMap::new,
					Collectors.toList()));
		perExpertAndDue.forEach((key, reviews) -> this.events
			.publishEvent(new ReviewReminderDue(reviews.get(0).expertId(), roundId, reviews.get(0).dueAt(),
					kind == ReviewNotice.Kind.OVERDUE, reviews.stream().map(DueReview::reviewId).toList())));
	}

	/**
	 * How long the round waits for reviews: its deadline, or the latest due date of an
	 * open review when an expert was given longer.
	 */
	@Transactional(readOnly = true)
	public Instant waitingUntil(ReviewRound round) {
		Instant latest = this.reviews.latestDue(round.getId(), OPEN);
		return (latest != null && latest.isAfter(round.getDeadline())) ? latest : round.getDeadline();
	}

	/** The round's open reviews past their due date, longest overdue first. */
	@Transactional(readOnly = true)
	public OverdueList overdue(Long roundId, int limit) {
		Instant now = this.clock.instant();
		List<DueReview> rows = this.reviews.overdue(roundId, OPEN, now, PageRequest.of(0, limit));
		Map<Long, Expert> byId = expertsById(rows.stream().map(DueReview::expertId).toList());
		Map<Long, Application> applications = this.submissions
			.byIds(rows.stream().map(DueReview::applicationId).distinct().toList());
		List<OverdueReview> overdue = rows.stream()
			.map(row -> new OverdueReview(row.reviewId(), byId.get(row.expertId()),
					applications.get(row.applicationId()), row.status(), row.dueAt(),
					Duration.between(row.dueAt(), now).toDays()))
			.toList();
		return new OverdueList(overdue, this.reviews.countOverdue(roundId, OPEN, now), now);
	}

	/**
	 * The experts with open reviews in the round, by name: whom an extension may cover.
	 */
	@Transactional(readOnly = true)
	public List<OpenExpert> openPerExpert(Long roundId) {
		List<Object[]> rows = this.reviews.openPerExpert(roundId, OPEN);
		Map<Long, Expert> byId = expertsById(rows.stream().map(row -> (Long) row[0]).toList());
		return rows.stream()
			.map(row -> new OpenExpert(byId.get((Long) row[0]), ((Number) row[1]).longValue(), (Instant) row[2]))
			.sorted(Comparator.comparing((OpenExpert e) -> e.expert().getName()))
			.toList();
	}

	/**
	 * The round's extensions, latest first, each with its expert (none for the whole
	 * round).
	 */
	@Transactional(readOnly = true)
	public List<GrantedExtension> extensions(Long roundId) {
		List<DeadlineExtension> granted = this.extensions.findByRoundIdOrderByExtendedAtDescIdDesc(roundId);
		Map<Long, Expert> byId = expertsById(
				granted.stream().map(DeadlineExtension::getExpertId).filter(Objects::nonNull).toList());
		return granted.stream()
			.map(e -> new GrantedExtension(e, (e.getExpertId() != null) ? byId.get(e.getExpertId()) : null))
			.toList();
	}

	/**
	 * A chunk of the round's open reviews with their tasks, after the given review id.
	 */
	@Transactional(readOnly = true)
	public List<ReviewTask> openTasks(Long roundId, Long afterReviewId, int limit) {
		return this.reviews.openTasks(roundId, OPEN, afterReviewId, PageRequest.of(0, limit));
	}

	/**
	 * Gives one expert until {@code dueAt} for all their open reviews in the round. The
	 * new date must lie ahead and after each of those reviews' current due date.
	 */
	public DeadlineExtension extendForExpert(Long roundId, Long expertId, Instant dueAt, String reason, String actor) {
		String why = requireReason(reason);
		Instant due = requireAhead(dueAt);
		ReviewRound round = requireExtensible(this.campaigns.lockRound(roundId));
		List<Review> open = this.reviews.findByRoundIdAndExpertIdAndStatusIn(round.getId(), expertId, OPEN);
		if (open.isEmpty()) {
			throw new DomainException("review.error.extension.nothingOpen");
		}
		Instant current = open.stream()
			.map(Review::getDueAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(round.getDeadline());
		requireLater(due, current);
		open.forEach(review -> review.extendDue(due));
		DeadlineExtension extension = this.extensions.save(new DeadlineExtension(round.getId(), expertId, due, current,
				open.size(), why, actor, this.clock.instant()));
		this.events.publishEvent(new ExpertDeadlineExtended(round.getId(), expertId, due,
				open.stream().map(Review::getTaskId).filter(Objects::nonNull).toList()));
		this.events.publishEvent(extended(round.getCampaignId(), extension));
		return extension;
	}

	/**
	 * Moves the round's deadline to {@code deadline} and every open review due before it
	 * along. The round's process hears of it first (see {@link RoundDeadlineExtended}).
	 */
	public DeadlineExtension extendRound(Long roundId, Instant deadline, String reason, String actor) {
		String why = requireReason(reason);
		Instant due = requireAhead(deadline);
		ReviewRound round = requireExtensible(this.campaigns.round(roundId));
		requireLater(due, round.getDeadline());
		this.events.publishEvent(new RoundDeadlineExtended(round.getCampaignId(), round.getRoundNo(), roundId, due));
		round = requireExtensible(this.campaigns.lockRound(roundId));
		Instant previous = round.getDeadline();
		requireLater(due, previous);
		this.campaigns.extendDeadline(roundId, due);
		int moved = this.reviews.extendOpen(roundId, OPEN, due);
		DeadlineExtension extension = this.extensions
			.save(new DeadlineExtension(roundId, null, due, previous, moved, why, actor, this.clock.instant()));
		this.events.publishEvent(extended(round.getCampaignId(), extension));
		return extension;
	}

	private static DeadlineExtended extended(Long campaignId, DeadlineExtension extension) {
		return new DeadlineExtended(campaignId, extension.getRoundId(), extension.getExpertId(), extension.getDueAt(),
				extension.getPreviousDue(), extension.getReviewCount(), extension.getReason(),
				extension.getExtendedBy());
	}

	private ReviewRound requireExtensible(ReviewRound round) {
		if (round.getStatus() != RoundStatus.OPEN) {
			throw new DomainException("review.error.extension.roundNotOpen", round.getName());
		}
		boolean released = this.assignments.assignment(round.getId())
			.filter(a -> a.getStatus() == RoundAssignment.Status.RELEASED)
			.isPresent();
		if (!released) {
			throw new DomainException("review.error.extension.notReleased", round.getName());
		}
		return round;
	}

	private static String requireReason(String reason) {
		if (!StringUtils.hasText(reason)) {
			throw new DomainException("review.error.extension.reasonRequired");
		}
		if (reason.strip().length() > REASON_MAX) {
			throw new DomainException("review.error.extension.reasonTooLong", REASON_MAX);
		}
		return reason.strip();
	}

	/** Deadlines are kept to the second, as the engine's timers on MySQL keep them. */
	private Instant requireAhead(Instant dueAt) {
		if (dueAt == null) {
			throw new DomainException("review.error.extension.dueRequired");
		}
		Instant due = dueAt.truncatedTo(ChronoUnit.SECONDS);
		if (!due.isAfter(this.clock.instant())) {
			throw new DomainException("review.error.extension.past");
		}
		return due;
	}

	private static void requireLater(Instant due, Instant current) {
		if (current != null && !due.isAfter(current)) {
			throw new DomainException("review.error.extension.notLater", Date.from(current));
		}
	}

	private Map<Long, Expert> expertsById(List<Long> ids) {
		return this.experts.findAllById(new ArrayList<>(ids.stream().distinct().toList()))
			.stream()
			.collect(Collectors.toMap(Expert::getId, Function.identity()));
	}

	/**
	 * A page of overdue reviews, how many there are in all, and the "now" they were
	 * measured at.
	 */
	public record OverdueList(List<OverdueReview> reviews, long total, Instant now) {
	}

	/** An open review past its due date, by whole days. */
	public record OverdueReview(Long reviewId, Expert expert, Application application, ReviewStatus status,
			Instant dueAt, long daysOverdue) {
	}

	/** An extension and the expert it was for, {@code null} for the whole round. */
	public record GrantedExtension(DeadlineExtension extension, Expert expert) {
	}

	/** An expert with open reviews in a round and the latest of their due dates. */
	public record OpenExpert(Expert expert, long open, Instant latestDue) {
	}

}
