package io.evalflow.review;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReviewRepository extends JpaRepository<Review, Long> {

	@Query("select distinct r.applicationId from Review r where r.roundId = :roundId and r.status = :status order by r.applicationId")
	List<Long> applicationsWithStatus(Long roundId, ReviewStatus status, Pageable page);

	@Query("select distinct r.applicationId from Review r where r.roundId = :roundId")
	List<Long> applicationsOfRound(Long roundId);

	@Modifying
	@Query("update Review r set r.status = io.evalflow.review.ReviewStatus.ASSIGNED, r.assignedAt = :now, r.dueAt = :dueAt, "
			+ "r.version = r.version + 1 where r.roundId = :roundId and r.applicationId in :applicationIds "
			+ "and r.status = io.evalflow.review.ReviewStatus.PROPOSED")
	int release(Long roundId, Collection<Long> applicationIds, Instant now, Instant dueAt);

	@Query("select r.id, r.applicationId, r.expertId from Review r where r.roundId = :roundId "
			+ "and r.applicationId in :applicationIds and r.status = io.evalflow.review.ReviewStatus.ASSIGNED "
			+ "order by r.applicationId, r.id")
	List<Object[]> released(Long roundId, Collection<Long> applicationIds);

	@Query("select r.expertId, count(r) from Review r where r.roundId in :roundIds and r.status not in :gone group by r.expertId")
	List<Object[]> loadPerExpert(Collection<Long> roundIds, Collection<ReviewStatus> gone);

	@Query("select r.applicationId, r.expertId from Review r where r.roundId in :roundIds")
	List<Object[]> expertsOfRounds(Collection<Long> roundIds);

	@Modifying
	@Query("delete from Review r where r.roundId = :roundId and r.status = io.evalflow.review.ReviewStatus.PROPOSED")
	int deleteProposed(Long roundId);

	List<Review> findByRoundIdAndApplicationIdAndStatusIn(Long roundId, Long applicationId,
			Collection<ReviewStatus> statuses);

	List<Review> findByTaskIdIn(Collection<String> taskIds);

	List<Review> findByRoundIdAndStatus(Long roundId, ReviewStatus status);

	List<Review> findByRoundIdAndApplicationIdOrderById(Long roundId, Long applicationId);

	List<Review> findByRoundIdOrderById(Long roundId);

	/**
	 * A page of the expert's inbox: open reviews whose task is out, earliest deadline
	 * first. Reads the index (expert_id, status, due_at); the engine's task table is not
	 * asked.
	 */
	@Query("select new io.evalflow.review.InboxRow(r.id, r.roundId, r.applicationId, r.status, r.dueAt) "
			+ "from Review r where r.expertId = :expertId and r.status in :statuses and r.taskId is not null "
			+ "order by r.dueAt, r.id")
	Slice<InboxRow> inbox(Long expertId, Collection<ReviewStatus> statuses, Pageable page);

	/** The round's submitted reviews, compact, in review order. */
	@Query("select new io.evalflow.review.ScoredReview(r.id, r.expertId, r.applicationId, r.total) "
			+ "from Review r where r.roundId = :roundId and r.status = io.evalflow.review.ReviewStatus.SUBMITTED "
			+ "order by r.id")
	List<ScoredReview> scoredReviews(Long roundId);

	/** The expert's latest submitted reviews, newest first. */
	@Query("select new io.evalflow.review.SubmittedRow(r.id, r.roundId, r.applicationId, r.submittedAt, r.total) "
			+ "from Review r where r.expertId = :expertId and r.status = io.evalflow.review.ReviewStatus.SUBMITTED "
			+ "order by r.submittedAt desc, r.id desc")
	List<SubmittedRow> submittedBy(Long expertId, Pageable page);

	/** Places whose expert stepped off and that nobody has taken over yet. */
	@Query("select r from Review r where r.roundId = :roundId and r.status in :gone and r.replacedBy is null "
			+ "and r.taskId is not null order by r.applicationId, r.id")
	List<Review> vacancies(Long roundId, Collection<ReviewStatus> gone);

	@Query("select count(r) from Review r where r.roundId = :roundId and r.applicationId = :applicationId "
			+ "and r.status in :statuses")
	long countWithStatus(Long roundId, Long applicationId, Collection<ReviewStatus> statuses);

	@Query("select r.expertId from Review r where r.roundId = :roundId and r.applicationId = :applicationId")
	List<Long> expertsOn(Long roundId, Long applicationId);

	long countByRoundIdAndExpertIdAndStatusNotIn(Long roundId, Long expertId, Collection<ReviewStatus> statuses);

	boolean existsByApplicationIdAndExpertIdAndStatusIn(Long applicationId, Long expertId,
			Collection<ReviewStatus> statuses);

	Optional<Review> findByRoundIdAndApplicationIdAndExpertId(Long roundId, Long applicationId, Long expertId);

	/**
	 * Plain {@code FOR UPDATE}, portable to H2, MySQL and MariaDB (see
	 * {@code CampaignRepository.lockRound}).
	 */
	@Query(value = "select id from review where id = :id for update", nativeQuery = true)
	Optional<Long> lockReview(Long id);

	@Query("select r.status, count(r) from Review r where r.roundId = :roundId group by r.status")
	List<Object[]> countByStatus(Long roundId);

	@Query("select r.expertId, r.status, count(r) from Review r where r.roundId = :roundId group by r.expertId, r.status")
	List<Object[]> countByExpertAndStatus(Long roundId);

	@Query("select r.roundId, r.status, count(r) from Review r where r.expertId = :expertId group by r.roundId, r.status")
	List<Object[]> countByRoundAndStatusOfExpert(Long expertId);

	// The organizer's view and changes of a proposed assignment.

	boolean existsByRoundIdAndApplicationId(Long roundId, Long applicationId);

	List<Review> findByRoundIdAndApplicationIdInOrderById(Long roundId, Collection<Long> applicationIds);

	List<Review> findByRoundIdAndExpertIdInOrderByApplicationId(Long roundId, Collection<Long> expertIds);

	@Query("select count(r) from Review r where r.roundId in :roundIds and r.expertId = :expertId and r.status not in :gone")
	long loadOfExpert(Collection<Long> roundIds, Long expertId, Collection<ReviewStatus> gone);

	@Query("select distinct r.expertId from Review r where r.applicationId = :applicationId and r.roundId in :roundIds")
	List<Long> expertsOfApplication(Long applicationId, Collection<Long> roundIds);

	@Query("select r.expertId, count(r) from Review r where r.roundId = :roundId and r.status not in :gone "
			+ "group by r.expertId order by r.expertId")
	List<Object[]> loadsInRound(Long roundId, Collection<ReviewStatus> gone, Pageable page);

	@Query("select count(distinct r.expertId) from Review r where r.roundId = :roundId and r.status not in :gone")
	long expertCount(Long roundId, Collection<ReviewStatus> gone);

	@Query("select count(distinct r.applicationId) from Review r where r.roundId = :roundId")
	long applicationCount(Long roundId);

	/** The export's rows, a page at a time after the last review id read. */
	@Query("select r.id, r.applicationId, r.expertId, r.status, r.overrideReason from Review r "
			+ "where r.roundId = :roundId and r.id > :afterId order by r.id")
	List<Object[]> exportRows(Long roundId, Long afterId, Pageable page);

}
