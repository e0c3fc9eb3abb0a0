package io.evalflow.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertRepository extends JpaRepository<Expert, Long> {

	Optional<Expert> findByAccountId(Long accountId);

	List<Expert> findByActiveTrueOrderById();

	List<Expert> findAllByOrderById();

}
