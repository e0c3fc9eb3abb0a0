package io.evalflow.campaign;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

	Optional<Campaign> findByCode(String code);

	boolean existsByCode(String code);

	List<Campaign> findAllByOrderByCreatedAtDesc();

	List<Campaign> findByStatusOrderByPublishedAtDesc(CampaignStatus status);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ReviewRound r where r.id = :id")
	Optional<ReviewRound> lockRound(Long id);

	@Query("select r from ReviewRound r where r.id = :id")
	Optional<ReviewRound> findRound(Long id);

}
