package io.evalflow.ranking;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.Category;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ScoredReview;

/**
 * A round's stored reviews and settings turned into the ranker's primitive inputs,
 * ranked, with the hash of what was ranked. Application {@code i} is {@code rows.get(i)}.
 */
record RoundComputation(Ranker.Ranking ranking, int reviewCount, String inputsHash) {

	static RoundComputation of(ReviewRound round, Campaign campaign, List<RoundResult> rows, List<ScoredReview> reviews,
			Map<Long, Map<Long, BigDecimal>> criterionMeans) {
		List<Category> categories = campaign.getCategories();
		Map<Long, Integer> categoryIndex = new HashMap<>();
		for (int c = 0; c < categories.size(); c++) {
			categoryIndex.put(categories.get(c).getId(), c);
		}
		int n = rows.size();
		Map<Long, Integer> applicationIndex = new HashMap<>();
		int[] category = new int[n];
		long[] ids = new long[n];
		for (int i = 0; i < n; i++) {
			applicationIndex.put(rows.get(i).getApplicationId(), i);
			category[i] = categoryIndex.get(rows.get(i).getCategoryId());
			ids[i] = rows.get(i).getApplicationId();
		}
		MessageDigest digest = sha256();
		update(digest, settings(round));
		Map<Long, Integer> expertIndex = new HashMap<>();
		int[] application = new int[reviews.size()];
		int[] expert = new int[reviews.size()];
		double[] total = new double[reviews.size()];
		int m = 0;
		for (ScoredReview review : reviews) {
			Integer a = applicationIndex.get(review.applicationId());
			if (a == null || review.total() == null) {
				continue;
			}
			application[m] = a;
			expert[m] = expertIndex.computeIfAbsent(review.expertId(), e -> expertIndex.size());
			total[m] = review.total().doubleValue();
			update(digest, review.reviewId() + "|" + review.expertId() + "|" + review.applicationId() + "|"
					+ review.total().setScale(4).toPlainString() + "\n");
			m++;
		}
		ScoreSheet sheet = new ScoreSheet(n, expertIndex.size(), java.util.Arrays.copyOf(application, m),
				java.util.Arrays.copyOf(expert, m), java.util.Arrays.copyOf(total, m));
		int[] quota = categories.stream().mapToInt(Category::getQuota).toArray();
		long threshold = (round.getRuleThreshold() != null) ? CutRule.scale(round.getRuleThreshold().doubleValue()) : 0;
		CutRule.Rule rule = new CutRule.Rule(round.getRuleType(),
				(round.getRuleCount() != null) ? round.getRuleCount() : 0, threshold, quota, round.getTieRule());
		Ranker.Settings settings = new Ranker.Settings(round.getAggregation(), round.getTrimShare().doubleValue(),
				round.getMinReviewsPerExpert(), round.getDisagreementThreshold().doubleValue(), rule);
		Ranker.Ranking ranking = Ranker.rank(sheet, category, categories.size(), ids,
				tieKeys(round, rows, criterionMeans), settings);
		return new RoundComputation(ranking, m, HexFormat.of().formatHex(digest.digest()));
	}

	/**
	 * The named criteria's mean scores per application, or null without a criteria rule.
	 */
	private static long[][] tieKeys(ReviewRound round, List<RoundResult> rows,
			Map<Long, Map<Long, BigDecimal>> criterionMeans) {
		List<Criterion> order = round.getTieCriteria();
		if (order.isEmpty() || criterionMeans.isEmpty()) {
			return null;
		}
		long[][] keys = new long[rows.size()][order.size()];
		for (int i = 0; i < rows.size(); i++) {
			Map<Long, BigDecimal> means = criterionMeans.getOrDefault(rows.get(i).getApplicationId(), Map.of());
			for (int k = 0; k < order.size(); k++) {
				BigDecimal mean = means.get(order.get(k).getId());
				keys[i][k] = (mean != null) ? CutRule.scale(mean.doubleValue()) : CutRule.NONE;
			}
		}
		return keys;
	}

	private static String settings(ReviewRound round) {
		return String.join("|", String.valueOf(round.getAggregation()), round.getTrimShare().toPlainString(),
				String.valueOf(round.getMinReviewsPerExpert()), round.getDisagreementThreshold().toPlainString(),
				String.valueOf(round.getRuleType()), String.valueOf(round.getRuleCount()),
				String.valueOf(round.getRuleThreshold()), String.valueOf(round.getTieRule()),
				round.getTieCriteria().stream().map(c -> String.valueOf(c.getSortOrder())).toList().toString()) + "\n";
	}

	/** The hash of every application's figures and decision, in application order. */
	static String figuresHash(List<RoundResult> rows) {
		MessageDigest digest = sha256();
		rows.stream()
			.sorted(Comparator.comparing(RoundResult::getApplicationId))
			.forEach(r -> update(digest, r.figures() + "|" + r.getAdvanced() + "\n"));
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void update(MessageDigest digest, String line) {
		digest.update(line.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
