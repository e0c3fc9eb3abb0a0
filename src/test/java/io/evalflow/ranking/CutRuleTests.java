package io.evalflow.ranking;

import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.TieRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CutRuleTests {

	private static final long NONE = CutRule.NONE;

	private static CutRule.Cut cut(long[] score, int[] category, int categories, long[][] keys, AdvancementRule rule,
			int count, TieRule tieRule, int... quota) {
		return CutRule.cut(score, category, categories, Sheets.ids(score.length), keys,
				new CutRule.Rule(rule, count, 0, quota, tieRule));
	}

	private static CutRule.Cut overall(long[] score, int count, TieRule tieRule, long[][] keys) {
		return cut(score, new int[score.length], 1, keys, AdvancementRule.TOP_N_OVERALL, count, tieRule, 0);
	}

	@Test
	void ranksAreSharedByEqualFiguresAndApplicationsWithoutReviewsRankLast() {
		CutRule.Cut cut = overall(Sheets.points(85, 85, 70, 80, Double.NaN), 2, TieRule.TAKE_ALL, null);
		assertThat(cut.rankOverall).containsExactly(1, 1, 4, 3, 5);
		assertThat(cut.proposed).containsExactly(true, true, false, false, false);
	}

	@Test
	void figuresThatReadTheSameToFourDecimalsAreTied() {
		CutRule.Cut cut = overall(Sheets.points(80.00001, 80.00004, 70), 1, TieRule.TAKE_ALL, null);
		assertThat(cut.tied).containsExactly(true, true, false);
	}

	@Test
	void takeAllProposesEveryoneTiedAtTheLine() {
		CutRule.Cut cut = overall(Sheets.points(90, 80, 80, 70), 2, TieRule.TAKE_ALL, null);
		assertThat(cut.proposed).containsExactly(true, true, true, false);
		assertThat(cut.tied).containsExactly(false, true, true, false);
		assertThat(cut.openTies).isEmpty();
		assertThat(cut.line[0]).isEqualTo(CutRule.scale(80));
	}

	@Test
	void tiesAboveTheLineAreNoTieAtTheLine() {
		CutRule.Cut cut = overall(Sheets.points(90, 90, 80, 70), 3, TieRule.ORGANIZER, null);
		assertThat(cut.tied).containsOnly(false);
		assertThat(cut.proposed).containsExactly(true, true, true, false);
		assertThat(cut.openTies).isEmpty();
	}

	@Test
	void organizerRuleProposesTheTiedAsCandidatesAndLeavesTheTieOpen() {
		CutRule.Cut cut = overall(Sheets.points(90, 80, 80, 70), 2, TieRule.ORGANIZER, null);
		assertThat(cut.proposed).containsExactly(true, true, true, false);
		assertThat(cut.tieOpen).containsExactly(false, true, true, false);
		assertThat(cut.openTies).singleElement().satisfies(tie -> {
			assertThat(tie.places()).isEqualTo(1);
			assertThat(tie.candidates()).containsExactlyInAnyOrder(1, 2);
			assertThat(tie.category()).isEqualTo(-1);
		});
	}

	@Test
	void criteriaInTheirDeclaredOrderBreakATie() {
		// 1 and 2 tie at 80 for one place; first criterion equal (8.0), second 7.0 vs
		// 9.0: application 2 takes the place.
		long[][] keys = { Sheets.points(9, 9), Sheets.points(8, 7), Sheets.points(8, 9), Sheets.points(5, 5) };
		CutRule.Cut cut = overall(Sheets.points(90, 80, 80, 70), 2, TieRule.CRITERIA, keys);
		assertThat(cut.proposed).containsExactly(true, false, true, false);
		assertThat(cut.tied).containsExactly(false, true, true, false);
		assertThat(cut.tieOpen).containsOnly(false);
		assertThat(cut.openTies).isEmpty();
	}

	@Test
	void aTieTheCriteriaCannotBreakIsLeftToTheOrganizer() {
		// Three tie at 80 for two places; 1 is best on the first criterion and takes a
		// place; 2 and 3 are equal on every criterion and share the last place.
		long[][] keys = { Sheets.points(9), Sheets.points(9), Sheets.points(8), Sheets.points(8) };
		CutRule.Cut cut = overall(Sheets.points(90, 80, 80, 80), 3, TieRule.CRITERIA, keys);
		assertThat(cut.proposed).containsExactly(true, true, true, true);
		assertThat(cut.tieOpen).containsExactly(false, false, true, true);
		assertThat(cut.openTies).singleElement().satisfies(tie -> {
			assertThat(tie.places()).isEqualTo(1);
			assertThat(tie.candidates()).containsExactlyInAnyOrder(2, 3);
		});
	}

	@Test
	void topNPerCategoryCutsEachCategoryOnItsOwn() {
		CutRule.Cut cut = cut(Sheets.points(90, 80, 50, 40), new int[] { 0, 0, 1, 1 }, 2, null,
				AdvancementRule.TOP_N_PER_CATEGORY, 1, TieRule.TAKE_ALL, 0, 0);
		assertThat(cut.proposed).containsExactly(true, false, true, false);
		assertThat(cut.rankInCategory).containsExactly(1, 2, 1, 2);
		assertThat(cut.rankOverall).containsExactly(1, 2, 3, 4);
	}

	@Test
	void categoryShareGivesPlacesInProportionByLargestRemainder() {
		// 5 places, categories of 6, 3 and 1 applications (10): exact shares 3, 1.5,
		// 0.5 → 3 + 1 + 0 = 4, remainders 0, 5, 5 (tenths): the one place left goes to
		// the earlier of the two equal remainders, category 1 → 3, 2, 0.
		int[] category = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 2 };
		CutRule.Cut cut = cut(Sheets.points(99, 98, 97, 96, 95, 94, 60, 59, 58, 100), category, 3, null,
				AdvancementRule.CATEGORY_SHARE, 5, TieRule.TAKE_ALL);
		assertThat(cut.places).containsExactly(3, 2, 0);
		assertThat(cut.proposed).containsExactly(true, true, true, false, false, false, true, true, false, false);
	}

	@Test
	void scoreThresholdTakesEveryoneReachingIt() {
		long[] score = Sheets.points(80, 75, 74.9999, Double.NaN);
		CutRule.Cut cut = CutRule.cut(score, new int[4], 1, Sheets.ids(4), null, new CutRule.Rule(
				AdvancementRule.SCORE_THRESHOLD, 0, CutRule.scale(75), new int[] { 0 }, TieRule.TAKE_ALL));
		assertThat(cut.proposed).containsExactly(true, true, false, false);
		assertThat(cut.line[0]).isEqualTo(CutRule.scale(75));
	}

	@Test
	void quotasProposeEachCategorysQuotaAndATieForTheLastPlaceIsTheOrganizers() {
		CutRule.Cut cut = cut(Sheets.points(90, 80, 80, 60, 50), new int[] { 0, 0, 0, 1, 1 }, 2, null,
				AdvancementRule.CATEGORY_QUOTA, 0, TieRule.ORGANIZER, 2, 1);
		assertThat(cut.proposed).containsExactly(true, true, true, true, false);
		assertThat(cut.tieOpen).containsExactly(false, true, true, false, false);
		assertThat(cut.openTies).singleElement().satisfies(tie -> {
			assertThat(tie.category()).isZero();
			assertThat(tie.places()).isEqualTo(1);
		});
	}

	@Test
	void quotasWithCriteriaProduceExactlyTheQuota() {
		long[][] keys = { Sheets.points(9), Sheets.points(7), Sheets.points(8), Sheets.points(5), Sheets.points(5) };
		CutRule.Cut cut = cut(Sheets.points(90, 80, 80, 60, 50), new int[] { 0, 0, 0, 1, 1 }, 2, keys,
				AdvancementRule.CATEGORY_QUOTA, 0, TieRule.CRITERIA, 2, 1);
		assertThat(cut.proposed).containsExactly(true, false, true, true, false);
	}

	@Test
	void applicationsWithoutReviewsAreNeverProposedEvenWithPlacesLeft() {
		CutRule.Cut cut = overall(new long[] { CutRule.scale(70), NONE }, 5, TieRule.TAKE_ALL, null);
		assertThat(cut.proposed).containsExactly(true, false);
	}

}
