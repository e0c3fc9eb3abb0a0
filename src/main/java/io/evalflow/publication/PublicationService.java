package io.evalflow.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.Role;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.publication.PublishedResults.CategoryResults;
import io.evalflow.publication.PublishedResults.Counts;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.shared.NotFoundException;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published results of campaigns. Results do not exist for anyone but organizers and
 * admins until the campaign is published: an unpublished campaign answers exactly like an
 * unknown one, so its existence and its winners leak to nobody.
 */
@Service
@Transactional(readOnly = true)
public class PublicationService {

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final RankingService ranking;

	private final AccountService accounts;

	PublicationService(CampaignService campaigns, SubmissionService submissions, RankingService ranking,
			AccountService accounts) {
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.ranking = ranking;
		this.accounts = accounts;
	}

	/** The published campaigns, most recently published first. */
	public List<Campaign> publishedCampaigns() {
		return this.campaigns.published();
	}

	/**
	 * The results of the campaign with that code.
	 * @param viewer the signed-in user, {@code null} for the public
	 * @throws NotFoundException when there is no such campaign, or it is not published
	 * and the viewer is no organizer or admin
	 */
	public PublishedResults results(String code, CurrentUser viewer) {
		Campaign campaign = this.campaigns.byCode(code);
		if (!campaign.isPublished() && !mayPreview(viewer)) {
			throw new NotFoundException("campaign", code);
		}
		List<Application> finalists = this.submissions.outcomes(campaign.getId());
		Map<Long, Unit> units = this.accounts
			.units(finalists.stream().flatMap(a -> a.unitIds().stream()).collect(Collectors.toSet()));
		Map<Long, Integer> ranks = campaign.isUnrankedListing() ? Map.of() : finalRoundRanks(campaign);
		Map<Long, List<Application>> byCategory = finalists.stream()
			.collect(Collectors.groupingBy(Application::getCategoryId));
		List<CategoryResults> categories = campaign.getCategories()
			.stream()
			.map(category -> listed(category, byCategory.getOrDefault(category.getId(), List.of()), units, ranks,
					campaign.isUnrankedListing()))
			.toList();
		long winnerCount = finalists.stream().filter(a -> a.getStatus() == ApplicationStatus.WINNER).count();
		return new PublishedResults(campaign, categories,
				new Counts(received(campaign), finalists.size(), winnerCount));
	}

	private static CategoryResults listed(Category category, List<Application> finalists, Map<Long, Unit> units,
			Map<Long, Integer> ranks, boolean unranked) {
		List<ListingOrder.Listed> all = new ArrayList<>();
		List<ListingOrder.Listed> winners = new ArrayList<>();
		for (Application application : finalists) {
			ListingOrder.Listed listed = new ListingOrder.Listed(applicantUnits(application, units),
					application.getTitle(), application.getReferenceNo(), ranks.get(application.getId()));
			all.add(listed);
			if (application.getStatus() == ApplicationStatus.WINNER) {
				winners.add(listed);
			}
		}
		return new CategoryResults(category, ListingOrder.listing(winners, unranked),
				ListingOrder.listing(all, unranked));
	}

	private static boolean mayPreview(CurrentUser viewer) {
		return viewer != null && (viewer.is(Role.ORGANIZER) || viewer.is(Role.ADMIN));
	}

	/**
	 * Lead unit first, then the co-applicants in their order, as the 2012 results list
	 * them.
	 */
	private static String applicantUnits(Application application, Map<Long, Unit> units) {
		return application.unitIds().stream().map(id -> units.get(id).getName()).collect(Collectors.joining("、"));
	}

	private Map<Long, Integer> finalRoundRanks(Campaign campaign) {
		List<ReviewRound> rounds = campaign.getRounds();
		ReviewRound last = rounds.get(rounds.size() - 1);
		return this.ranking.results(last.getId())
			.stream()
			.filter(r -> r.getRankInCategory() != null)
			.collect(Collectors.toMap(RoundResult::getApplicationId, RoundResult::getRankInCategory));
	}

	/**
	 * Submitted applications, including those found ineligible; drafts and withdrawals
	 * not.
	 */
	private long received(Campaign campaign) {
		return this.submissions.statusTotals(campaign.getId())
			.entrySet()
			.stream()
			.filter(e -> e.getKey() != ApplicationStatus.DRAFT && e.getKey() != ApplicationStatus.WITHDRAWN)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

}
