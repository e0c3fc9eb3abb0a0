package io.evalflow.submission;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicationRepository extends JpaRepository<Application, Long> {

	Optional<Application> findByReferenceNo(String referenceNo);

	@Query("select distinct a from Application a where a.leadUnitId = :unitId or :unitId member of a.coApplicantUnitIds "
			+ "order by a.createdAt desc")
	List<Application> findForUnit(Long unitId);

	List<Application> findByCampaignIdAndStatusOrderById(Long campaignId, ApplicationStatus status);

	List<Application> findByCampaignIdAndStatusAndRoundNoOrderById(Long campaignId, ApplicationStatus status,
			int roundNo);

	List<Application> findByCampaignIdAndStatusInOrderById(Long campaignId, Collection<ApplicationStatus> statuses);

	List<Application> findByCampaignIdOrderById(Long campaignId);

	long countByCampaignIdAndStatus(Long campaignId, ApplicationStatus status);

	@Query("select a.status, a.categoryId, a.roundNo, count(a) from Application a where a.campaignId = :campaignId "
			+ "group by a.status, a.categoryId, a.roundNo")
	List<Object[]> countByStage(Long campaignId);

}
