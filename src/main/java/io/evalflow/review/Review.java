package io.evalflow.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.Criterion;
import io.evalflow.review.assignment.Constraint;
import io.evalflow.shared.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * One expert's assignment to score one application in one round, and what the expert
 * wrote. Once submitted it is locked.
 */
@Entity
@Table(name = "review")
public class Review {

	static final int COMMENT_MAX = 5_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String taskId;

	private Long roundId;

	private Long applicationId;

	private Long expertId;

	@Enumerated(EnumType.STRING)
	private ReviewStatus status;

	private Instant assignedAt;

	private Instant dueAt;

	private String commentText;

	private BigDecimal total;

	private Instant savedAt;

	private Instant submittedAt;

	private String overrideReason;

	private String assignedBy;

	private String statusReason;

	private Long replacedBy;

	@Enumerated(EnumType.STRING)
	private Constraint vacantBinding;

	private String reopenReason;

	private String reopenedBy;

	private Instant reopenedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "review_score", joinColumns = @JoinColumn(name = "review_id"))
	@MapKeyColumn(name = "criterion_id")
	@Column(name = "score")
	private Map<Long, BigDecimal> scores = new LinkedHashMap<>();

	@Version
	private long version;

	protected Review() {
	}

	Review(Long roundId, Long applicationId, Long expertId, Instant now, Instant dueAt) {
		this.roundId = roundId;
		this.applicationId = applicationId;
		this.expertId = expertId;
		this.status = ReviewStatus.ASSIGNED;
		this.assignedAt = now;
		this.dueAt = dueAt;
	}

	/**
	 * A place in the round's proposed assignment, not yet with the expert.
	 * @param assignedBy the organizer who placed the expert by hand, or {@code null} for
	 * the draw
	 * @param overrideReason why a conflict was overridden, or {@code null}
	 */
	static Review proposed(Long roundId, Long applicationId, Long expertId, Instant now, String assignedBy,
			String overrideReason) {
		Review review = new Review(roundId, applicationId, expertId, now, null);
		review.status = ReviewStatus.PROPOSED;
		review.assignedBy = assignedBy;
		review.overrideReason = overrideReason;
		return review;
	}

	/**
	 * An expert who takes over a released place: assigned at once, with the same
	 * deadline.
	 */
	static Review replacement(Review replaced, Long expertId, Instant now, String assignedBy, String overrideReason) {
		Review review = new Review(replaced.roundId, replaced.applicationId, expertId, now, replaced.dueAt);
		review.assignedBy = assignedBy;
		review.overrideReason = overrideReason;
		review.taskId = replaced.taskId;
		return review;
	}

	/**
	 * The expert steps off: declined, recused or removed; the place stays for another.
	 */
	void stepOff(ReviewStatus status, String reason) {
		if (!this.status.isOpen()) {
			throw new DomainException("review.error.locked");
		}
		this.status = status;
		this.statusReason = reason;
	}

	void replacedBy(Long reviewId) {
		this.replacedBy = reviewId;
		this.taskId = null;
		this.vacantBinding = null;
	}

	/**
	 * Nobody could take over the place this review left: it keeps its task, unassigned,
	 * until the organizer assigns someone.
	 * @param binding the constraint that left nobody
	 */
	void leftVacant(Constraint binding) {
		this.vacantBinding = binding;
	}

	/** The round closed with the place still vacant: its task goes with the round. */
	void vacancyClosed() {
		if (isVacant()) {
			this.taskId = null;
		}
	}

	/** Whether the expert stepped off and nobody has taken the place yet. */
	public boolean isVacant() {
		return !this.status.holdsPlace() && this.replacedBy == null && this.taskId != null;
	}

	/**
	 * An organizer sends the submitted review back to its expert: a draft again, scores
	 * and comment kept, the total cleared until the expert submits again.
	 */
	void reopen(String reason, String actor, Instant now) {
		if (this.status != ReviewStatus.SUBMITTED) {
			throw new DomainException("review.error.notSubmitted");
		}
		this.status = ReviewStatus.DRAFT;
		this.total = null;
		this.submittedAt = null;
		this.reopenReason = reason;
		this.reopenedBy = actor;
		this.reopenedAt = now;
	}

	void taskCreated(String taskId) {
		this.taskId = taskId;
	}

	/**
	 * Saves scores and comment as a draft: scores must be in range, but may be
	 * incomplete.
	 */
	void saveDraft(List<Criterion> rubric, Map<Long, BigDecimal> scores, String comment, Instant now) {
		requireOpen();
		this.scores.clear();
		this.scores.putAll(checkRange(rubric, scores));
		this.commentText = checkComment(comment);
		this.total = null;
		this.status = ReviewStatus.DRAFT;
		this.savedAt = now;
	}

	/**
	 * Submits: every criterion scored within range. The weighted total is Σ weight ×
	 * score / max.
	 */
	void submit(List<Criterion> rubric, Map<Long, BigDecimal> scores, String comment, Instant now) {
		requireOpen();
		Map<Long, BigDecimal> checked = checkRange(rubric, scores);
		for (Criterion criterion : rubric) {
			if (!checked.containsKey(criterion.getId())) {
				throw new DomainException("review.error.missingScore", criterion.getName());
			}
		}
		this.scores.clear();
		this.scores.putAll(checked);
		this.commentText = checkComment(comment);
		this.total = weightedTotal(rubric, checked);
		this.status = ReviewStatus.SUBMITTED;
		this.savedAt = now;
		this.submittedAt = now;
	}

	/** An organizer's extension: the review is due later. */
	void extendDue(Instant dueAt) {
		requireOpen();
		if (this.dueAt == null || dueAt.isAfter(this.dueAt)) {
			this.dueAt = dueAt;
		}
	}

	void close() {
		if (this.status.isOpen()) {
			this.status = ReviewStatus.CLOSED;
		}
	}

	static BigDecimal weightedTotal(List<Criterion> rubric, Map<Long, BigDecimal> scores) {
		BigDecimal total = BigDecimal.ZERO;
		for (Criterion criterion : rubric) {
			total = total.add(scores.get(criterion.getId())
				.multiply(criterion.getWeight())
				.divide(BigDecimal.valueOf(criterion.getMaxScore()), 6, RoundingMode.HALF_UP));
		}
		return total.setScale(4, RoundingMode.HALF_UP);
	}

	private static Map<Long, BigDecimal> checkRange(List<Criterion> rubric, Map<Long, BigDecimal> scores) {
		Map<Long, BigDecimal> checked = new LinkedHashMap<>();
		for (Map.Entry<Long, BigDecimal> entry : scores.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			Criterion criterion = rubric.stream()
				.filter(c -> c.getId().equals(entry.getKey()))
				.findFirst()
				.orElseThrow(() -> new DomainException("review.error.unknownCriterion", entry.getKey()));
			BigDecimal score = entry.getValue();
			if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(criterion.getMaxScore())) > 0
					|| score.scale() > 2) {
				throw new DomainException("review.error.scoreRange", criterion.getName(), criterion.getMaxScore());
			}
			checked.put(criterion.getId(), score);
		}
		return checked;
	}

	private static String checkComment(String comment) {
		if (comment != null && comment.length() > COMMENT_MAX) {
			throw new DomainException("review.error.commentTooLong", COMMENT_MAX);
		}
		return comment;
	}

	private void requireOpen() {
		if (!this.status.isOpen()) {
			throw new DomainException("review.error.locked");
		}
	}

	public Long getId() {
		return this.id;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	public Long getApplicationId() {
		return this.applicationId;
	}

	public Long getExpertId() {
		return this.expertId;
	}

	public ReviewStatus getStatus() {
		return this.status;
	}

	public Instant getAssignedAt() {
		return this.assignedAt;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	public String getCommentText() {
		return this.commentText;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public Instant getSavedAt() {
		return this.savedAt;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public String getOverrideReason() {
		return this.overrideReason;
	}

	public String getAssignedBy() {
		return this.assignedBy;
	}

	public String getStatusReason() {
		return this.statusReason;
	}

	public Long getReplacedBy() {
		return this.replacedBy;
	}

	public Constraint getVacantBinding() {
		return this.vacantBinding;
	}

	public String getReopenReason() {
		return this.reopenReason;
	}

	public String getReopenedBy() {
		return this.reopenedBy;
	}

	public Instant getReopenedAt() {
		return this.reopenedAt;
	}

	public Map<Long, BigDecimal> getScores() {
		return Map.copyOf(this.scores);
	}

}
