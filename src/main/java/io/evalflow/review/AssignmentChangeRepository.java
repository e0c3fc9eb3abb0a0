package io.evalflow.review;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentChangeRepository extends JpaRepository<AssignmentChange, Long> {

	List<AssignmentChange> findByRoundIdAndChangedAtGreaterThanEqualOrderByIdDesc(Long roundId, Instant since);

}
