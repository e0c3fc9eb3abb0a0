package io.evalflow.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Role;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The experts' reviews: the inbox, drafts and submissions, and the round's progress. An
 * expert reaches only the reviews assigned to them; the inbox reads the review table, not
 * the engine's task list.
 */
@Service
@Transactional
public class ReviewService {

	/** Reviews in the inbox at once. */
	public static final int INBOX_PAGE_SIZE = 50;

	static final Set<ReviewStatus> OPEN = EnumSet.of(ReviewStatus.ASSIGNED, ReviewStatus.DRAFT);

	/** What the expert sees of their own: released and still theirs. */
	static final Set<ReviewStatus> VISIBLE = EnumSet.of(ReviewStatus.ASSIGNED, ReviewStatus.DRAFT,
			ReviewStatus.SUBMITTED, ReviewStatus.CLOSED);

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReviewService(ReviewRepository reviews, ExpertRepository experts, CampaignService campaigns,
			SubmissionService submissions, AccountService accounts, ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.experts = experts;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The user name the review's task is assigned to. Called by the engine for each task
	 * it creates; during a release the chunk already knows it.
	 */
	@Transactional(readOnly = true)
	public String assigneeOf(Long reviewId) {
		ReleaseContext release = ReleaseContext.current();
		if (release != null && release.knows(reviewId)) {
			return release.assignee(reviewId);
		}
		Review review = this.reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("review", reviewId));
		Expert expert = this.experts.findById(review.getExpertId())
			.orElseThrow(() -> new NotFoundException("expert", review.getExpertId()));
		return this.accounts.username(expert.getAccountId());
	}

	/**
	 * Links the engine's task to its review; called by the task's create listener. During
	 * a release the links are written in one batch at the end of the chunk.
	 */
	public void taskCreated(Long reviewId, String taskId) {
		ReleaseContext release = ReleaseContext.current();
		if (release != null && release.knows(reviewId)) {
			release.linkTask(reviewId, taskId);
			return;
		}
		this.reviews.findById(reviewId)
			.orElseThrow(() -> new NotFoundException("review", reviewId))
			.taskCreated(taskId);
	}

	public Review saveDraft(CurrentUser expert, Long reviewId, Map<Long, BigDecimal> scores, String comment) {
		Review review = ownReview(expert, reviewId);
		review.saveDraft(this.campaigns.round(review.getRoundId()).getCriteria(), scores, comment,
				this.clock.instant());
		return review;
	}

	public Review submit(CurrentUser expert, Long reviewId, Map<Long, BigDecimal> scores, String comment) {
		// The same review submitted twice at once (two tabs): the second waits here and
		// then finds it locked, instead of racing the first to its task.
		this.reviews.lockReview(reviewId);
		Review review = ownReview(expert, reviewId);
		ReviewRound round = this.campaigns.round(review.getRoundId());
		Instant now = this.clock.instant();
		// The review's own due date: an extension may give one expert longer.
		Instant due = (review.getDueAt() != null) ? review.getDueAt() : round.getDeadline();
		if (due != null && !now.isBefore(due)) {
			throw new DomainException("review.error.deadlinePassed", java.util.Date.from(due));
		}
		review.submit(round.getCriteria(), scores, comment, now);
		this.events.publishEvent(new ReviewSubmitted(review.getId(), review.getApplicationId(), review.getRoundId(),
				review.getTaskId(), expert.getUsername()));
		return review;
	}

	/**
	 * Closes the round's unfinished reviews and the places nobody took over. Idempotent.
	 * @return the applications that still had an unfinished review or a vacant place
	 */
	public Set<Long> closeOpenReviews(Long roundId) {
		Set<Long> applicationIds = new HashSet<>();
		for (ReviewStatus status : List.of(ReviewStatus.ASSIGNED, ReviewStatus.DRAFT)) {
			for (Review review : this.reviews.findByRoundIdAndStatus(roundId, status)) {
				review.close();
				applicationIds.add(review.getApplicationId());
			}
		}
		for (Review vacancy : this.reviews.vacancies(roundId, AssignmentProblems.GONE)) {
			vacancy.vacancyClosed();
			applicationIds.add(vacancy.getApplicationId());
		}
		return applicationIds;
	}

	/**
	 * The expert's start screen at once: a page of the inbox, the reviews submitted last
	 * and the progress in each open round. One lookup of the expert, and the rounds and
	 * applications of all three parts are read together, so the page costs a handful of
	 * queries however many rounds its rows come from.
	 * @param page the inbox page, from 0
	 * @param historyLimit how many of the latest submitted reviews
	 */
	@Transactional(readOnly = true)
	public Workspace workspace(CurrentUser expert, int page, int historyLimit) {
		Long expertId = expertOf(expert).getId();
		Slice<InboxRow> open = openRows(expertId, page, INBOX_PAGE_SIZE);
		List<SubmittedRow> submitted = this.reviews.submittedBy(expertId, PageRequest.of(0, historyLimit));
		Map<Long, long[]> counts = progressCounts(expertId);
		Set<Long> roundIds = new HashSet<>(counts.keySet());
		open.forEach(row -> roundIds.add(row.roundId()));
		submitted.forEach(row -> roundIds.add(row.roundId()));
		List<Long> applicationIds = new ArrayList<>();
		open.forEach(row -> applicationIds.add(row.applicationId()));
		submitted.forEach(row -> applicationIds.add(row.applicationId()));
		Map<Long, ReviewRound> rounds = this.campaigns.rounds(roundIds);
		Map<Long, Application> applications = this.submissions.byIds(applicationIds);
		return new Workspace(inboxPage(open, applications, rounds), history(submitted, applications, rounds),
				progress(counts, rounds));
	}

	/**
	 * A page of the expert's inbox: their open reviews whose task is out, earliest
	 * deadline first. Read from the review table by its inbox index, with one more query
	 * for the page's applications and one for its rounds.
	 * @param page the page, from 0
	 */
	@Transactional(readOnly = true)
	public InboxPage inbox(CurrentUser expert, int page) {
		return inbox(expert, page, INBOX_PAGE_SIZE);
	}

	@Transactional(readOnly = true)
	InboxPage inbox(CurrentUser expert, int page, int size) {
		Slice<InboxRow> rows = openRows(expertOf(expert).getId(), page, size);
		return inboxPage(rows, this.submissions.byIds(rows.map(InboxRow::applicationId).toList()),
				this.campaigns.rounds(rows.map(InboxRow::roundId).toSet()));
	}

	private Slice<InboxRow> openRows(Long expertId, int page, int size) {
		return this.reviews.inbox(expertId, OPEN, PageRequest.of(Math.max(0, page), size));
	}

	private static InboxPage inboxPage(Slice<InboxRow> rows, Map<Long, Application> applications,
			Map<Long, ReviewRound> rounds) {
		List<InboxItem> items = rows.stream()
			.map(row -> new InboxItem(row.reviewId(), row.status(), row.dueAt(), applications.get(row.applicationId()),
					rounds.get(row.roundId())))
			.toList();
		return new InboxPage(items, rows.getNumber(), rows.hasNext());
	}

	/** The reviews this expert submitted last, newest first. */
	@Transactional(readOnly = true)
	public List<SubmittedItem> history(CurrentUser expert, int limit) {
		List<SubmittedRow> rows = this.reviews.submittedBy(expertOf(expert).getId(), PageRequest.of(0, limit));
		return history(rows, this.submissions.byIds(rows.stream().map(SubmittedRow::applicationId).toList()),
				this.campaigns.rounds(rows.stream().map(SubmittedRow::roundId).collect(Collectors.toSet())));
	}

	private static List<SubmittedItem> history(List<SubmittedRow> rows, Map<Long, Application> applications,
			Map<Long, ReviewRound> rounds) {
		return rows.stream()
			.map(row -> new SubmittedItem(row.reviewId(), row.submittedAt(), row.total(),
					applications.get(row.applicationId()), rounds.get(row.roundId())))
			.toList();
	}

	/**
	 * The expert's own progress in each round still open for review, earliest deadline
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<RoundProgress> ownProgress(CurrentUser expert) {
		Map<Long, long[]> counts = progressCounts(expertOf(expert).getId());
		return progress(counts, this.campaigns.rounds(counts.keySet()));
	}

	/** Per round the expert took part in: reviews assigned to them, and submitted. */
	private Map<Long, long[]> progressCounts(Long expertId) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		for (Object[] row : this.reviews.countByRoundAndStatusOfExpert(expertId)) {
			if (!VISIBLE.contains((ReviewStatus) row[1])) {
				continue;
			}
			long[] c = counts.computeIfAbsent((Long) row[0], id -> new long[2]);
			long n = ((Number) row[2]).longValue();
			c[0] += n;
			if (row[1] == ReviewStatus.SUBMITTED) {
				c[1] += n;
			}
		}
		return counts;
	}

	private static List<RoundProgress> progress(Map<Long, long[]> counts, Map<Long, ReviewRound> rounds) {
		List<RoundProgress> progress = new ArrayList<>();
		counts.forEach((roundId, c) -> {
			ReviewRound round = rounds.get(roundId);
			if (round.getStatus() == RoundStatus.OPEN) {
				progress.add(new RoundProgress(round, c[0], c[1]));
			}
		});
		progress.sort(Comparator.comparing((RoundProgress p) -> p.round().getDeadline(),
				Comparator.nullsLast(Comparator.naturalOrder())));
		return progress;
	}

	/**
	 * The review, if it is this expert's and with them: not before it is released, nor
	 * after they declined it or declared a conflict.
	 */
	@Transactional(readOnly = true)
	public Review review(Long reviewId) {
		return this.reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("review", reviewId));
	}

	@Transactional(readOnly = true)
	public Review ownReview(CurrentUser expert, Long reviewId) {
		Review review = this.reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("review", reviewId));
		if (!review.getExpertId().equals(expertOf(expert).getId()) || !VISIBLE.contains(review.getStatus())) {
			throw new AccessDeniedException("review " + reviewId);
		}
		return review;
	}

	/**
	 * Whether this expert was assigned the application in some round; their only way to
	 * see it.
	 */
	@Transactional(readOnly = true)
	public boolean isAssigned(CurrentUser expert, Long applicationId) {
		return expert.is(Role.EXPERT) && this.reviews.existsByApplicationIdAndExpertIdAndStatusIn(applicationId,
				expertOf(expert).getId(), VISIBLE);
	}

	/**
	 * The ids of the application's reviews in the round that are with their experts: the
	 * collection of its review tasks. During a release the chunk already knows them.
	 */
	@Transactional(readOnly = true)
	public List<Long> releasedReviewIds(Long roundId, Long applicationId) {
		ReleaseContext release = ReleaseContext.current();
		List<Long> known = (release != null) ? release.reviewsOf(applicationId) : null;
		if (known != null) {
			return new ArrayList<>(known);
		}
		return this.reviews.findByRoundIdAndApplicationIdOrderById(roundId, applicationId)
			.stream()
			.filter(r -> r.getStatus().isOpen())
			.map(Review::getId)
			.collect(Collectors.toCollection(ArrayList::new));
	}

	@Transactional(readOnly = true)
	public List<Review> reviewsOf(Long roundId, Long applicationId) {
		return this.reviews.findByRoundIdAndApplicationIdOrderById(roundId, applicationId);
	}

	@Transactional(readOnly = true)
	public List<Review> reviewsOfRound(Long roundId) {
		return this.reviews.findByRoundIdOrderById(roundId);
	}

	/** Submitted weighted totals of the round, per application id. */
	@Transactional(readOnly = true)
	public Map<Long, List<BigDecimal>> submittedTotals(Long roundId) {
		Map<Long, List<BigDecimal>> totals = new HashMap<>();
		for (Review review : this.reviews.findByRoundIdAndStatus(roundId, ReviewStatus.SUBMITTED)) {
			totals.computeIfAbsent(review.getApplicationId(), id -> new ArrayList<>()).add(review.getTotal());
		}
		return totals;
	}

	/**
	 * The round's submitted reviews as (review, expert, application, total), in review
	 * order: what aggregation and its snapshot are computed from.
	 */
	@Transactional(readOnly = true)
	public List<ScoredReview> scoredReviews(Long roundId) {
		return this.reviews.scoredReviews(roundId);
	}

	/**
	 * The mean score per criterion id of each application's submitted reviews in the
	 * round, by application id: what breaks a tie by criteria.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Map<Long, BigDecimal>> criterionMeans(Long roundId) {
		Map<Long, Map<Long, BigDecimal[]>> sums = new HashMap<>();
		for (Review review : this.reviews.findByRoundIdAndStatus(roundId, ReviewStatus.SUBMITTED)) {
			Map<Long, BigDecimal[]> perCriterion = sums.computeIfAbsent(review.getApplicationId(),
					id -> new HashMap<>());
			review.getScores()
				.forEach((criterion, score) -> perCriterion.merge(criterion, new BigDecimal[] { score, BigDecimal.ONE },
						(a, b) -> new BigDecimal[] { a[0].add(b[0]), a[1].add(b[1]) }));
		}
		Map<Long, Map<Long, BigDecimal>> means = new HashMap<>();
		sums.forEach((application, perCriterion) -> {
			Map<Long, BigDecimal> m = new HashMap<>();
			perCriterion.forEach((criterion, s) -> m.put(criterion, s[0].divide(s[1], 4, RoundingMode.HALF_UP)));
			means.put(application, m);
		});
		return means;
	}

	@Transactional(readOnly = true)
	public Map<ReviewStatus, Long> progress(Long roundId) {
		Map<ReviewStatus, Long> counts = new LinkedHashMap<>();
		for (ReviewStatus status : ReviewStatus.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : this.reviews.countByStatus(roundId)) {
			counts.put((ReviewStatus) row[0], ((Number) row[1]).longValue());
		}
		return counts;
	}

	/**
	 * Assigned and submitted reviews per expert in the round; a review the expert
	 * declined or recused is no longer theirs.
	 */
	@Transactional(readOnly = true)
	public List<ExpertProgress> progressPerExpert(Long roundId) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		for (Object[] row : this.reviews.countByExpertAndStatus(roundId)) {
			if (!((ReviewStatus) row[1]).holdsPlace()) {
				continue;
			}
			long[] c = counts.computeIfAbsent((Long) row[0], id -> new long[2]);
			long n = ((Number) row[2]).longValue();
			c[0] += n;
			if (row[1] == ReviewStatus.SUBMITTED) {
				c[1] += n;
			}
		}
		Map<Long, Expert> byId = this.experts.findAllById(counts.keySet())
			.stream()
			.collect(Collectors.toMap(Expert::getId, Function.identity()));
		return counts.entrySet()
			.stream()
			.map(e -> new ExpertProgress(byId.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	private Expert expertOf(CurrentUser user) {
		if (!user.is(Role.EXPERT)) {
			throw new AccessDeniedException("experts only");
		}
		return this.experts.findByAccountId(user.getAccountId())
			.orElseThrow(() -> new AccessDeniedException("no expert profile"));
	}

	/**
	 * Whether the application still has reviews out in the round: drafts or assignments
	 * not yet submitted, such as one an organizer reopened.
	 */
	@Transactional(readOnly = true)
	public boolean hasOpenReviews(Long roundId, Long applicationId) {
		return this.reviews.countWithStatus(roundId, applicationId, OPEN) > 0;
	}

	/** An open review in the inbox. */
	public record InboxItem(Long reviewId, ReviewStatus status, Instant dueAt, Application application,
			ReviewRound round) {
	}

	/** One page of the inbox; {@code hasNext} says whether another follows. */
	public record InboxPage(List<InboxItem> items, int page, boolean hasNext) {
	}

	/** A review the expert submitted. */
	public record SubmittedItem(Long reviewId, Instant submittedAt, BigDecimal total, Application application,
			ReviewRound round) {
	}

	public record ExpertProgress(Expert expert, long assigned, long submitted) {
	}

	/**
	 * The expert's start screen: the inbox page, the latest submissions, the progress.
	 */
	public record Workspace(InboxPage inbox, List<SubmittedItem> history, List<RoundProgress> progress) {
	}

	/** One expert's reviews in one round: how many assigned, how many submitted. */
	public record RoundProgress(ReviewRound round, long assigned, long submitted) {
	}

}
