package io.evalflow.review;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertConflictRepository extends JpaRepository<ExpertConflict, Long> {

	List<ExpertConflict> findByExpertIdIn(Collection<Long> expertIds);

	List<ExpertConflict> findByExpertId(Long expertId);

}
