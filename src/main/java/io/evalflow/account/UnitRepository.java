package io.evalflow.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitRepository extends JpaRepository<Unit, Long> {

	@Query("select u.id, u.parentId from Unit u where u.parentId is not null")
	List<Object[]> parentLinks();

	Optional<Unit> findByName(String name);

	@Query("select u from Unit u where lower(u.name) in :lowerCaseNames")
	List<Unit> findByLowerCaseNameIn(Collection<String> lowerCaseNames);

}
