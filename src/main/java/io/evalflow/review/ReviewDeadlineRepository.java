package io.evalflow.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The reads and writes on reviews that deadlines need: by round, status and due date
 * (index {@code ix_review_round_due}).
 */
interface ReviewDeadlineRepository extends Repository<Review, Long> {

	@Query("select new io.evalflow.review.DueReview(r.id, r.expertId, r.applicationId, r.status, r.dueAt) "
			+ "from Review r where r.roundId = :roundId and r.status in :open and r.dueAt > :now and r.dueAt <= :soon "
			+ "and not exists (select n.id from ReviewNotice n where n.reviewId = r.id and n.kind = :kind "
			+ "and n.dueAt = r.dueAt) order by r.expertId, r.id")
	List<DueReview> dueSoonWithoutNotice(Long roundId, Collection<ReviewStatus> open, Instant now, Instant soon,
			ReviewNotice.Kind kind, Pageable page);

	@Query("select new io.evalflow.review.DueReview(r.id, r.expertId, r.applicationId, r.status, r.dueAt) "
			+ "from Review r where r.roundId = :roundId and r.status in :open and r.dueAt <= :now "
			+ "and not exists (select n.id from ReviewNotice n where n.reviewId = r.id and n.kind = :kind "
			+ "and n.dueAt = r.dueAt) order by r.expertId, r.id")
	List<DueReview> overdueWithoutNotice(Long roundId, Collection<ReviewStatus> open, Instant now,
			ReviewNotice.Kind kind, Pageable page);

	@Query("select new io.evalflow.review.DueReview(r.id, r.expertId, r.applicationId, r.status, r.dueAt) "
			+ "from Review r where r.roundId = :roundId and r.status in :open and r.dueAt <= :now "
			+ "order by r.dueAt, r.expertId, r.id")
	List<DueReview> overdue(Long roundId, Collection<ReviewStatus> open, Instant now, Pageable page);

	@Query("select count(r) from Review r where r.roundId = :roundId and r.status in :open and r.dueAt <= :now")
	long countOverdue(Long roundId, Collection<ReviewStatus> open, Instant now);

	@Query("select max(r.dueAt) from Review r where r.roundId = :roundId and r.status in :open")
	Instant latestDue(Long roundId, Collection<ReviewStatus> open);

	@Query("select r.expertId, count(r), max(r.dueAt) from Review r where r.roundId = :roundId and r.status in :open "
			+ "group by r.expertId")
	List<Object[]> openPerExpert(Long roundId, Collection<ReviewStatus> open);

	List<Review> findByRoundIdAndExpertIdAndStatusIn(Long roundId, Long expertId, Collection<ReviewStatus> open);

	@Query("select new io.evalflow.review.ReviewTask(r.id, r.taskId, r.dueAt) from Review r "
			+ "where r.roundId = :roundId and r.status in :open and r.taskId is not null and r.id > :after "
			+ "order by r.id")
	List<ReviewTask> openTasks(Long roundId, Collection<ReviewStatus> open, Long after, Pageable page);

	/**
	 * Moves every open review of the round due before the new deadline to it. The version
	 * moves too, so an expert's save that read the old row is refused instead of writing
	 * the old due date back.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Review r set r.dueAt = :dueAt, r.version = r.version + 1 where r.roundId = :roundId "
			+ "and r.status in :open and r.dueAt < :dueAt")
	int extendOpen(Long roundId, Collection<ReviewStatus> open, Instant dueAt);

}
