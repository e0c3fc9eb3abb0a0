package io.evalflow.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.publication.CampaignStatistics.Count;
import io.evalflow.publication.CampaignStatistics.ExpertOffset;
import io.evalflow.publication.CampaignStatistics.RoundFigures;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizers' statistics of a campaign: applications received by category, unit type
 * and region (of the lead unit), the distribution of review totals per round and each
 * expert's severity ({@link ExpertSeverity}). Applications received are those submitted
 * and not withdrawn, ineligible ones included, as on the results page.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

	static final int BINS = 10;

	private static final Set<ApplicationStatus> NOT_RECEIVED = EnumSet.of(ApplicationStatus.DRAFT,
			ApplicationStatus.WITHDRAWN);

	private final CampaignService campaigns;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final ReviewService reviews;

	private final ExpertService experts;

	private final MessageSource messages;

	StatisticsService(CampaignService campaigns, SubmissionService submissions, AccountService accounts,
			ReviewService reviews, ExpertService experts, MessageSource messages) {
		this.campaigns = campaigns;
		this.submissions = submissions;
		this.accounts = accounts;
		this.reviews = reviews;
		this.experts = experts;
		this.messages = messages;
	}

	public CampaignStatistics statistics(Long campaignId, Locale locale) {
		Campaign campaign = this.campaigns.get(campaignId);
		List<Application> received = this.submissions.inCampaign(campaignId)
			.stream()
			.filter(a -> !NOT_RECEIVED.contains(a.getStatus()))
			.toList();
		Map<Long, Unit> units = this.accounts
			.units(received.stream().map(Application::getLeadUnitId).collect(Collectors.toSet()));
		Map<Long, Long> perCategory = received.stream()
			.collect(Collectors.groupingBy(Application::getCategoryId, Collectors.counting()));
		List<Count> byCategory = new ArrayList<>();
		for (Category category : campaign.getCategories()) {
			byCategory.add(new Count(category.name(locale), perCategory.getOrDefault(category.getId(), 0L)));
		}
		Map<UnitType, Long> perType = received.stream()
			.map(a -> units.get(a.getLeadUnitId()))
			.filter(u -> u != null && u.getType() != null)
			.collect(Collectors.groupingBy(Unit::getType, Collectors.counting()));
		List<Count> byUnitType = new ArrayList<>();
		for (UnitType type : UnitType.values()) {
			byUnitType.add(new Count(this.messages.getMessage("unitType." + type, null, locale),
					perType.getOrDefault(type, 0L)));
		}
		String unknown = this.messages.getMessage("publication.statistics.regionUnknown", null, locale);
		Map<String, Long> perRegion = received.stream().map(a -> units.get(a.getLeadUnitId())).map(u -> {
			String region = (u != null) ? u.getRegion() : null;
			return (region == null || region.isBlank()) ? unknown : region.strip();
		}).collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
		List<Count> byRegion = perRegion.entrySet()
			.stream()
			.map(e -> new Count(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label))
			.toList();
		Map<Long, Expert> experts = this.experts.pool()
			.stream()
			.collect(Collectors.toMap(Expert::getId, Function.identity()));
		List<RoundFigures> rounds = campaign.getRounds().stream().map(r -> round(r, experts, locale)).toList();
		return new CampaignStatistics(campaign.getId(), campaign.getName(), received.size(), byCategory, byUnitType,
				byRegion, rounds);
	}

	private RoundFigures round(ReviewRound round, Map<Long, Expert> experts, Locale locale) {
		List<Review> submitted = this.reviews.reviewsOfRound(round.getId())
			.stream()
			.filter(r -> r.getStatus() == ReviewStatus.SUBMITTED && r.getTotal() != null)
			.toList();
		double max = round.getCriteria()
			.stream()
			.map(Criterion::getWeight)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.doubleValue();
		List<CampaignStatistics.Bin> bins = ScoreHistogram
			.of(submitted.stream().map(r -> r.getTotal().doubleValue()).toList(), max, BINS)
			.stream()
			.map(b -> new CampaignStatistics.Bin(b.from(), b.to(), b.count()))
			.toList();
		List<ExpertOffset> severity = ExpertSeverity
			.of(submitted.stream()
				.map(r -> new ExpertSeverity.Scored(r.getExpertId(), r.getApplicationId(), r.getTotal().doubleValue()))
				.toList())
			.stream()
			.map(s -> new ExpertOffset(name(experts.get(s.expertId()), s.expertId()), s.offset(), s.reviews()))
			.sorted(Comparator.comparingDouble(ExpertOffset::offset).reversed())
			.toList();
		return new RoundFigures(round.getRoundNo(), round.name(locale), max, submitted.size(), bins, severity);
	}

	private static String name(Expert expert, Long id) {
		return (expert != null) ? expert.getName() : "#" + id;
	}

}
