package io.evalflow.ranking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.campaign.AdvancementRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankerTests {

	private static final Long A = 1L;

	private static final Long B = 2L;

	@Test
	void meanOfTheSubmittedTotalsRanksApplicationsBestFirstWithSharedRanksForTies() {
		Map<Long, Ranker.Ranked> ranked = rank(List.of(entry(10L, A, "80", "90"), entry(11L, A, "85", "85"),
				entry(12L, A, "70"), entry(13L, A, "90", "60")), AdvancementRule.TOP_N_OVERALL, 4, Map.of());
		assertThat(ranked.get(10L).mean()).isEqualByComparingTo("85");
		assertThat(ranked.get(10L).rankOverall()).isEqualTo(1);
		assertThat(ranked.get(11L).rankOverall()).isEqualTo(1);
		assertThat(ranked.get(13L).rankOverall()).isEqualTo(3);
		assertThat(ranked.get(12L).rankOverall()).isEqualTo(4);
	}

	@Test
	void standardDeviationShowsHowFarTheExpertsDisagree() {
		Map<Long, Ranker.Ranked> ranked = rank(List.of(entry(10L, A, "70", "90"), entry(11L, A, "80", "80")),
				AdvancementRule.TOP_N_OVERALL, 1, Map.of());
		assertThat(ranked.get(10L).stdDev()).isEqualByComparingTo("10");
		assertThat(ranked.get(11L).stdDev()).isEqualByComparingTo("0");
	}

	@Test
	void topNOverallProposesEveryoneTiedAtTheLineAndFlagsThem() {
		Map<Long, Ranker.Ranked> ranked = rank(
				List.of(entry(10L, A, "90"), entry(11L, B, "80"), entry(12L, A, "80"), entry(13L, B, "70")),
				AdvancementRule.TOP_N_OVERALL, 2, Map.of());
		assertThat(ranked.get(10L).proposed()).isTrue();
		assertThat(ranked.get(10L).tiedAtCut()).isFalse();
		assertThat(ranked.get(11L).proposed()).isTrue();
		assertThat(ranked.get(11L).tiedAtCut()).isTrue();
		assertThat(ranked.get(12L).proposed()).isTrue();
		assertThat(ranked.get(12L).tiedAtCut()).isTrue();
		assertThat(ranked.get(13L).proposed()).isFalse();
	}

	@Test
	void tiesAboveTheLineAreNotFlagged() {
		Map<Long, Ranker.Ranked> ranked = rank(
				List.of(entry(10L, A, "90"), entry(11L, A, "90"), entry(12L, A, "80"), entry(13L, A, "70")),
				AdvancementRule.TOP_N_OVERALL, 3, Map.of());
		assertThat(ranked.values()).noneMatch(Ranker.Ranked::tiedAtCut);
		assertThat(ranked.get(13L).proposed()).isFalse();
	}

	@Test
	void topNPerCategoryCutsEachCategoryOnItsOwn() {
		Map<Long, Ranker.Ranked> ranked = rank(
				List.of(entry(10L, A, "90"), entry(11L, A, "80"), entry(12L, B, "50"), entry(13L, B, "40")),
				AdvancementRule.TOP_N_PER_CATEGORY, 1, Map.of());
		assertThat(ranked.get(10L).proposed()).isTrue();
		assertThat(ranked.get(11L).proposed()).isFalse();
		assertThat(ranked.get(12L).proposed()).isTrue();
		assertThat(ranked.get(12L).rankInCategory()).isEqualTo(1);
		assertThat(ranked.get(12L).rankOverall()).isEqualTo(3);
		assertThat(ranked.get(13L).proposed()).isFalse();
	}

	@Test
	void categoryQuotasProposeEachCategorysQuotaAndATieAtTheLineExceedsIt() {
		Map<Long, Ranker.Ranked> ranked = rank(List.of(entry(10L, A, "90"), entry(11L, A, "80"), entry(12L, A, "80"),
				entry(13L, B, "60"), entry(14L, B, "50")), AdvancementRule.CATEGORY_QUOTA, null, Map.of(A, 2, B, 1));
		assertThat(ranked.values().stream().filter(Ranker.Ranked::proposed).map(Ranker.Ranked::applicationId))
			.containsExactlyInAnyOrder(10L, 11L, 12L, 13L);
		assertThat(ranked.get(11L).tiedAtCut()).isTrue();
		assertThat(ranked.get(12L).tiedAtCut()).isTrue();
		assertThat(ranked.get(13L).tiedAtCut()).isFalse();
	}

	@Test
	void anApplicationWithoutReviewsRanksLastAndIsNeverProposed() {
		Map<Long, Ranker.Ranked> ranked = rank(List.of(entry(10L, A), entry(11L, A, "20")),
				AdvancementRule.TOP_N_OVERALL, 5, Map.of());
		assertThat(ranked.get(10L).rankOverall()).isEqualTo(2);
		assertThat(ranked.get(10L).mean()).isNull();
		assertThat(ranked.get(10L).proposed()).isFalse();
		assertThat(ranked.get(11L).proposed()).isTrue();
	}

	private static Map<Long, Ranker.Ranked> rank(List<Ranker.Entry> entries, AdvancementRule rule, Integer count,
			Map<Long, Integer> quotas) {
		return Ranker.rank(entries, rule, count, quotas)
			.stream()
			.collect(Collectors.toMap(Ranker.Ranked::applicationId, Function.identity()));
	}

	private static Ranker.Entry entry(Long applicationId, Long categoryId, String... totals) {
		return new Ranker.Entry(applicationId, categoryId,
				java.util.Arrays.stream(totals).map(BigDecimal::new).toList());
	}

}
