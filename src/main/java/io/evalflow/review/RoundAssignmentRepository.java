package io.evalflow.review;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RoundAssignmentRepository extends JpaRepository<RoundAssignment, Long> {

	/**
	 * The assignment, locked for a manual change, its version raised: changes to one
	 * round take turns, and a confirmation that read the proposal before the change fails
	 * instead of releasing what it did not see.
	 */
	@Lock(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
	@Query("select a from RoundAssignment a where a.roundId = :roundId")
	Optional<RoundAssignment> lockForChange(Long roundId);

}
