package io.evalflow.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {

	List<DeadlineExtension> findByRoundIdOrderByExtendedAtDescIdDesc(Long roundId);

}
