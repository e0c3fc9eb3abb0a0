package io.evalflow.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReviewRepository extends JpaRepository<Review, Long> {

	List<Review> findByTaskIdIn(Collection<String> taskIds);

	List<Review> findByRoundIdAndStatus(Long roundId, ReviewStatus status);

	List<Review> findByRoundIdAndApplicationIdOrderById(Long roundId, Long applicationId);

	List<Review> findByRoundIdOrderById(Long roundId);

	List<Review> findByExpertIdOrderByDueAtAsc(Long expertId);

	Optional<Review> findByRoundIdAndApplicationIdAndExpertId(Long roundId, Long applicationId, Long expertId);

	boolean existsByApplicationIdAndExpertId(Long applicationId, Long expertId);

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

}
