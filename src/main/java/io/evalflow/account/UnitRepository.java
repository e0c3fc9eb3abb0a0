package io.evalflow.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnitRepository extends JpaRepository<Unit, Long> {

	Optional<Unit> findByName(String name);

}
