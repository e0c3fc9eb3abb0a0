package io.evalflow.ranking;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoundSnapshotRepository extends JpaRepository<RoundSnapshot, Long> {

	Optional<RoundSnapshot> findByRoundId(Long roundId);

}
