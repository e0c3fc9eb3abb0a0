package io.evalflow.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

	Optional<Campaign> findByCode(String code);

	boolean existsByCode(String code);

	List<Campaign> findAllByOrderByCreatedAtDesc();

	List<Campaign> findByStatusOrderByPublishedAtDesc(CampaignStatus status);

	/**
	 * Plain {@code FOR UPDATE}: portable to H2, MySQL and MariaDB, where Hibernate's
	 * MySQL dialect would write MySQL 8's {@code FOR UPDATE OF alias}, which MariaDB
	 * reached through Connector/J rejects.
	 */
	@Query(value = "select id from review_round where id = :id for update", nativeQuery = true)
	Optional<Long> lockRound(Long id);

	@Query("select r from ReviewRound r where r.id = :id")
	Optional<ReviewRound> findRound(Long id);

	/**
	 * The rounds with their campaigns, whose categories and rounds follow by subselect.
	 */
	@Query("select r from ReviewRound r join fetch r.campaign where r.id in :ids")
	List<ReviewRound> findRounds(Collection<Long> ids);

}
