package io.evalflow.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssignmentShortfallRepository extends JpaRepository<AssignmentShortfall, Long> {

	List<AssignmentShortfall> findByRoundIdOrderByApplicationId(Long roundId);

	long countByRoundId(Long roundId);

	Optional<AssignmentShortfall> findByRoundIdAndApplicationId(Long roundId, Long applicationId);

	List<AssignmentShortfall> findByRoundIdAndApplicationIdIn(Long roundId, Collection<Long> applicationIds);

	boolean existsByRoundIdAndApplicationId(Long roundId, Long applicationId);

	@Modifying
	@Query("delete from AssignmentShortfall s where s.roundId = :roundId")
	void deleteByRound(Long roundId);

	@Modifying
	@Query("delete from AssignmentShortfall s where s.roundId = :roundId and s.applicationId = :applicationId")
	void deleteByRoundAndApplication(Long roundId, Long applicationId);

}
