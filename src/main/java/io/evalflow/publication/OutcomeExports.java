package io.evalflow.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.ranking.RankingService;
import io.evalflow.ranking.RoundResult;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The organizers' tables of a campaign: the results of every round (application, units,
 * category, aggregate, ranks, advanced) and the scores of every submitted review (round,
 * application, expert, each criterion, total). Rubrics may differ between rounds: the
 * scores table has one column per criterion name, in the order they first appear, left
 * empty where a round has no such criterion.
 */
@Component
class OutcomeExports {

	private static final String[] RESULT_COLUMNS = { "round", "referenceNo", "title", "leadUnit", "coApplicants",
			"category", "reviews", "aggregate", "stdDev", "rankOverall", "rankInCategory", "advanced" };

	private final RankingService ranking;

	private final ReviewService reviews;

	private final ExpertService experts;

	private final SubmissionService submissions;

	private final AccountService accounts;

	private final MessageSource messages;

	OutcomeExports(RankingService ranking, ReviewService reviews, ExpertService experts, SubmissionService submissions,
			AccountService accounts, MessageSource messages) {
		this.ranking = ranking;
		this.reviews = reviews;
		this.experts = experts;
		this.submissions = submissions;
		this.accounts = accounts;
		this.messages = messages;
	}

	ExportTable results(Campaign campaign, Locale locale) {
		List<String> header = new ArrayList<>();
		for (String column : RESULT_COLUMNS) {
			header.add(text("publication.export.column." + column, locale));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (ReviewRound round : campaign.getRounds()) {
			List<RoundResult> results = this.ranking.results(round.getId());
			Map<Long, Application> applications = this.submissions
				.byIds(results.stream().map(RoundResult::getApplicationId).toList());
			Map<Long, Unit> units = units(applications.values());
			for (RoundResult result : results) {
				Application application = applications.get(result.getApplicationId());
				rows.add(Arrays.asList(round.name(locale), application.getReferenceNo(), application.getTitle(),
						unitName(units, application.getLeadUnitId()),
						application.getCoApplicantUnitIds()
							.stream()
							.map(id -> unitName(units, id))
							.collect(Collectors.joining("、")),
						campaign.category(application.getCategoryId()).name(locale), result.getReviewCount(),
						result.getMeanTotal(), result.getStdDev(), result.getRankOverall(), result.getRankInCategory(),
						(result.getAdvanced() == null) ? null
								: text("publication.export.advanced." + result.getAdvanced(), locale)));
			}
		}
		return new ExportTable(text("publication.export.results.sheet", locale), header, rows);
	}

	ExportTable scores(Campaign campaign, Locale locale) {
		Map<String, Integer> criterionColumns = new LinkedHashMap<>();
		for (ReviewRound round : campaign.getRounds()) {
			for (Criterion criterion : round.getCriteria()) {
				criterionColumns.putIfAbsent(criterion.name(locale), criterionColumns.size());
			}
		}
		List<String> header = new ArrayList<>();
		for (String column : new String[] { "round", "referenceNo", "title", "category", "expert" }) {
			header.add(text("publication.export.column." + column, locale));
		}
		int fixed = header.size();
		header.addAll(criterionColumns.keySet());
		header.add(text("publication.export.column.total", locale));
		Map<Long, Expert> experts = this.experts.pool()
			.stream()
			.collect(Collectors.toMap(Expert::getId, Function.identity()));
		List<List<Object>> rows = new ArrayList<>();
		for (ReviewRound round : campaign.getRounds()) {
			List<Review> submitted = this.reviews.reviewsOfRound(round.getId())
				.stream()
				.filter(r -> r.getStatus() == ReviewStatus.SUBMITTED)
				.toList();
			Map<Long, Application> applications = this.submissions
				.byIds(submitted.stream().map(Review::getApplicationId).collect(Collectors.toSet()));
			for (Review review : submitted) {
				Application application = applications.get(review.getApplicationId());
				Expert expert = experts.get(review.getExpertId());
				Object[] row = new Object[header.size()];
				row[0] = round.name(locale);
				row[1] = application.getReferenceNo();
				row[2] = application.getTitle();
				row[3] = campaign.category(application.getCategoryId()).name(locale);
				row[4] = (expert != null) ? expert.getName() : null;
				for (Criterion criterion : round.getCriteria()) {
					BigDecimal score = review.getScores().get(criterion.getId());
					row[fixed + criterionColumns.get(criterion.name(locale))] = score;
				}
				row[row.length - 1] = review.getTotal();
				rows.add(Arrays.asList(row));
			}
		}
		return new ExportTable(text("publication.export.scores.sheet", locale), header, rows);
	}

	private Map<Long, Unit> units(Collection<Application> applications) {
		return this.accounts
			.units(applications.stream().flatMap(a -> a.unitIds().stream()).collect(Collectors.toSet()));
	}

	private static String unitName(Map<Long, Unit> units, Long id) {
		Unit unit = units.get(id);
		return (unit != null) ? unit.getName() : null;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
