package io.evalflow.review;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RoundAssignmentRepository extends JpaRepository<RoundAssignment, Long> {

	/**
	 * The assignment, locked for a manual change, its version raised at commit: changes
	 * to one round take turns, and a confirmation that read the proposal before the
	 * change fails instead of releasing what it did not see. The row lock is a plain
	 * native {@code FOR UPDATE}: Hibernate's MySQL dialect writes
	 * {@code FOR UPDATE OF alias}, which MariaDB refuses.
	 */
	default Optional<RoundAssignment> lockForChange(Long roundId) {
		return lockRow(roundId).flatMap(id -> findForChange(roundId));
	}

	@Query(value = "select round_id from round_assignment where round_id = :roundId for update", nativeQuery = true)
	Optional<Long> lockRow(Long roundId);

	@Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
	@Query("select a from RoundAssignment a where a.roundId = :roundId")
	Optional<RoundAssignment> findForChange(Long roundId);

}
