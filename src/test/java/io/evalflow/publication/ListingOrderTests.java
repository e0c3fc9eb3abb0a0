package io.evalflow.publication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.evalflow.publication.ListingOrder.Listed;
import io.evalflow.publication.PublishedResults.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListingOrderTests {

	// Ranks as the final round gave them: 上海 best, then 浙江, 北京, 安徽.
	private final List<Listed> items = List.of(new Listed("北京市测试局", "案例 B", "C-M-00003", 3),
			new Listed("上海市测试局、安徽省合作中心", "案例 S", "C-M-00001", 1), new Listed("浙江省测试局", "案例 Z", "C-M-00002", 2),
			new Listed("安徽省测试局", "案例 A", "C-M-00004", 4));

	@Test
	void unrankedListingFollowsTheApplicantUnitsInPinyinOrderNotTheScore() {
		assertThat(ListingOrder.listing(this.items, true)).extracting(Row::units)
			.containsExactly("安徽省测试局", "北京市测试局", "上海市测试局、安徽省合作中心", "浙江省测试局");
	}

	@Test
	void unrankedListingIgnoresRanks() {
		List<Listed> withoutRanks = this.items.stream()
			.map(i -> new Listed(i.units(), i.title(), i.referenceNo(), null))
			.toList();
		assertThat(ListingOrder.listing(this.items, true)).isEqualTo(ListingOrder.listing(withoutRanks, true));
	}

	@Test
	void rankedListingFollowsTheFinalRoundRank() {
		assertThat(ListingOrder.listing(this.items, false)).extracting(Row::title)
			.containsExactly("案例 S", "案例 Z", "案例 B", "案例 A");
	}

	@Test
	void rankedListingBreaksEqualAndMissingRanksByUnits() {
		List<Listed> tied = List.of(new Listed("浙江省测试局", "Z", "R-3", null), new Listed("北京市测试局", "B", "R-2", 1),
				new Listed("安徽省测试局", "A", "R-1", 1));
		assertThat(ListingOrder.listing(tied, false)).extracting(Row::title).containsExactly("A", "B", "Z");
	}

	@Test
	void sameUnitsAreOrderedByReferenceNumber() {
		List<Listed> sameUnit = List.of(new Listed("北京市测试局", "second", "R-00002", null),
				new Listed("北京市测试局", "first", "R-00001", null));
		assertThat(ListingOrder.listing(sameUnit, true)).extracting(Row::title).containsExactly("first", "second");
	}

	@Test
	void rowsAreNumberedFromOneInListingOrderAndKeepTheirTitleAndReference() {
		assertThat(ListingOrder.listing(this.items, true)).containsExactly(new Row(1, "安徽省测试局", "案例 A", "C-M-00004"),
				new Row(2, "北京市测试局", "案例 B", "C-M-00003"), new Row(3, "上海市测试局、安徽省合作中心", "案例 S", "C-M-00001"),
				new Row(4, "浙江省测试局", "案例 Z", "C-M-00002"));
	}

	@Test
	void orderDoesNotDependOnTheInputOrder() {
		List<Listed> reversed = new ArrayList<>(this.items);
		Collections.reverse(reversed);
		assertThat(ListingOrder.listing(reversed, true)).isEqualTo(ListingOrder.listing(this.items, true));
		assertThat(ListingOrder.listing(reversed, false)).isEqualTo(ListingOrder.listing(this.items, false));
	}

	@Test
	void emptyCategoryListsNothing() {
		assertThat(ListingOrder.listing(List.of(), true)).isEmpty();
	}

}
