package io.evalflow.review;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoundAssignmentRepository extends JpaRepository<RoundAssignment, Long> {

}
