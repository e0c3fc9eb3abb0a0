package io.evalflow.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssignmentShortfallRepository extends JpaRepository<AssignmentShortfall, Long> {

	List<AssignmentShortfall> findByRoundIdOrderByApplicationId(Long roundId);

	long countByRoundId(Long roundId);

	@Modifying
	@Query("delete from AssignmentShortfall s where s.roundId = :roundId")
	void deleteByRound(Long roundId);

	@Modifying
	@Query("delete from AssignmentShortfall s where s.roundId = :roundId and s.applicationId = :applicationId")
	void deleteByRoundAndApplication(Long roundId, Long applicationId);

}
