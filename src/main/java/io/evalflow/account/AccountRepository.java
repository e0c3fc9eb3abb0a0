package io.evalflow.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	List<Account> findByRoleOrderByUsername(Role role);

	@Query("select lower(a.username) from Account a where lower(a.username) in :lowerCaseNames")
	List<String> findTakenLowerCaseUsernames(Collection<String> lowerCaseNames);

}
