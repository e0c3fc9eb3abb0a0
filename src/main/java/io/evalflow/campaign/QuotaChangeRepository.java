package io.evalflow.campaign;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface QuotaChangeRepository extends JpaRepository<QuotaChange, Long> {

	List<QuotaChange> findByCampaignIdOrderByChangedAtAscIdAsc(Long campaignId);

}
