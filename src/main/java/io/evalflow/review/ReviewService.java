package io.evalflow.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignment of experts to a round's applications and the experts' reviews. An expert
 * reaches only the reviews assigned to them; the inbox is the engine's task list.
 */
@Service
@Transactional
public class ReviewService {

	static final String REVIEW_TASK = "score-application";

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final TaskService taskService;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReviewService(ReviewRepository reviews, ExpertRepository experts, CampaignService campaigns,
			SubmissionService submissions, AccountService accounts, TaskService taskService,
			ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.experts = experts;
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.taskService = taskService;
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
	 * Closes the round's unfinished reviews. Idempotent.
	 * @return the applications that still had an unfinished review
	 */
	public Set<Long> closeOpenReviews(Long roundId) {
		Set<Long> applicationIds = new HashSet<>();
		for (ReviewStatus status : List.of(ReviewStatus.ASSIGNED, ReviewStatus.DRAFT)) {
			for (Review review : this.reviews.findByRoundIdAndStatus(roundId, status)) {
				review.close();
				applicationIds.add(review.getApplicationId());
			}
		}
		return applicationIds;
	}

	/**
	 * The expert's inbox: their open review tasks from the engine, earliest deadline
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<InboxItem> inbox(CurrentUser expert) {
		List<Task> tasks = this.taskService.createTaskQuery()
			.taskAssignee(expert.getUsername())
			.taskDefinitionKey(REVIEW_TASK)
			.orderByTaskDueDate()
			.asc()
			.orderByTaskCreateTime()
			.asc()
			.list();
		Map<String, Review> byTask = this.reviews.findByTaskIdIn(tasks.stream().map(Task::getId).toList())
			.stream()
			.collect(Collectors.toMap(Review::getTaskId, Function.identity()));
		List<InboxItem> items = new ArrayList<>();
		for (Task task : tasks) {
			Review review = byTask.get(task.getId());
			if (review != null) {
				Application application = this.submissions.get(review.getApplicationId());
				ReviewRound round = this.campaigns.round(review.getRoundId());
				items.add(new InboxItem(review, application, round, task.getDueDate()));
			}
		}
		return items;
	}

	/** Reviews this expert has submitted, newest first. */
	@Transactional(readOnly = true)
	public List<Review> history(CurrentUser expert) {
		Expert me = expertOf(expert);
		return this.reviews.findByExpertIdOrderByDueAtAsc(me.getId())
			.stream()
			.filter(r -> r.getStatus() == ReviewStatus.SUBMITTED)
			.sorted(Comparator.comparing(Review::getSubmittedAt).reversed())
			.toList();
	}

	/**
	 * The expert's own progress in each round still open for review, earliest deadline
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<RoundProgress> ownProgress(CurrentUser expert) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		for (Object[] row : this.reviews.countByRoundAndStatusOfExpert(expertOf(expert).getId())) {
			long[] c = counts.computeIfAbsent((Long) row[0], id -> new long[2]);
			long n = ((Number) row[2]).longValue();
			c[0] += n;
			if (row[1] == ReviewStatus.SUBMITTED) {
				c[1] += n;
			}
		}
		List<RoundProgress> progress = new ArrayList<>();
		counts.forEach((roundId, c) -> {
			ReviewRound round = this.campaigns.round(roundId);
			if (round.getStatus() == RoundStatus.OPEN) {
				progress.add(new RoundProgress(round, c[0], c[1]));
			}
		});
		progress.sort(Comparator.comparing((RoundProgress p) -> p.round().getDeadline(),
				Comparator.nullsLast(Comparator.naturalOrder())));
		return progress;
	}

	@Transactional(readOnly = true)
	public Review ownReview(CurrentUser expert, Long reviewId) {
		Review review = this.reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("review", reviewId));
		if (!review.getExpertId().equals(expertOf(expert).getId())) {
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
		return expert.is(Role.EXPERT)
				&& this.reviews.existsByApplicationIdAndExpertId(applicationId, expertOf(expert).getId());
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

	/** Assigned and submitted reviews per expert in the round. */
	@Transactional(readOnly = true)
	public List<ExpertProgress> progressPerExpert(Long roundId) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		for (Object[] row : this.reviews.countByExpertAndStatus(roundId)) {
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

	private static Map<Long, List<Long>> reviewIdsPerApplication(List<Review> reviews) {
		Map<Long, List<Long>> ids = new LinkedHashMap<>();
		for (Review review : reviews) {
			ids.computeIfAbsent(review.getApplicationId(), id -> new ArrayList<>()).add(review.getId());
		}
		return ids;
	}

	public record InboxItem(Review review, Application application, ReviewRound round, java.util.Date dueDate) {
	}

	public record ExpertProgress(Expert expert, long assigned, long submitted) {
	}

	/** One expert's reviews in one round: how many assigned, how many submitted. */
	public record RoundProgress(ReviewRound round, long assigned, long submitted) {
	}

}
