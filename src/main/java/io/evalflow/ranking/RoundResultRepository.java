package io.evalflow.ranking;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoundResultRepository extends JpaRepository<RoundResult, Long> {

	List<RoundResult> findByRoundIdOrderByRankOverallAscApplicationIdAsc(Long roundId);

	Optional<RoundResult> findByRoundIdAndApplicationId(Long roundId, Long applicationId);

	long countByRoundIdAndReviewsCompleteFalse(Long roundId);

	List<RoundResult> findByRoundIdAndReviewsCompleteFalseOrderByApplicationIdAsc(Long roundId, Limit limit);

	boolean existsByRoundId(Long roundId);

}
