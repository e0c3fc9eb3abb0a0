package io.evalflow.review;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExpertRepository extends JpaRepository<Expert, Long> {

	Optional<Expert> findByAccountId(Long accountId);

	List<Expert> findByActiveTrueOrderById();

	List<Expert> findAllByOrderById();

	/** Name and unit id of the experts of these units. */
	@Query("select e.name, e.unitId from Expert e where e.unitId in :unitIds")
	List<Object[]> namesInUnits(Collection<Long> unitIds);

}
