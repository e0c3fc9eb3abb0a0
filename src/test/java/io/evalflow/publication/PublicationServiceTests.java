package io.evalflow.publication;

import java.util.List;

import io.evalflow.publication.PublishedResults.CategoryResults;
import io.evalflow.publication.PublishedResults.Counts;
import io.evalflow.publication.PublishedResults.Row;
import io.evalflow.publication.ResultsFixture.Driven;
import io.evalflow.shared.NotFoundException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationServiceTests {

	@Autowired
	PublicationService publication;

	@Autowired
	ResultsFixture fixture;

	Driven unranked;

	Driven ranked;

	Driven pending;

	@BeforeAll
	void driveCampaigns() {
		this.unranked = this.fixture.published("su", true);
		this.ranked = this.fixture.published("sr", false);
		this.pending = this.fixture.decided("sp", true);
	}

	@Test
	void unrankedWinnersArePerCategoryInTheCampaignsOrderListedByApplicantUnits() {
		PublishedResults results = this.publication.results(this.unranked.code(), null);
		assertThat(results.published()).isTrue();
		assertThat(results.unranked()).isTrue();
		assertThat(results.categories()).extracting(c -> c.category().getCode())
			.containsExactly(ResultsFixture.MANAGEMENT, ResultsFixture.MICROBLOG);
		Driven d = this.unranked;
		assertThat(results.categories().get(0).winners()).containsExactly(
				new Row(1, d.shanghaiUnit() + "、" + d.partner(), "上海市协同办公实践", reference(results, 0, "上海市协同办公实践")),
				new Row(2, d.zhejiangUnit(), "浙江省政务服务实践", reference(results, 0, "浙江省政务服务实践")));
		assertThat(results.categories().get(1).winners()).extracting(Row::seq, Row::units, Row::title)
			.containsExactly(tuple(1, d.anhuiUnit(), "安徽发布微博实践"), tuple(2, d.beijingUnit(), "平安北京微博实践"));
	}

	@Test
	void finalistsAreEveryApplicationOfTheFinalRoundWinnersIncludedInTheSameOrder() {
		PublishedResults results = this.publication.results(this.unranked.code(), null);
		Driven d = this.unranked;
		assertThat(results.categories().get(0).finalists()).extracting(Row::units)
			.containsExactly(d.beijingUnit(), d.shanghaiUnit() + "、" + d.partner(), d.zhejiangUnit());
		assertThat(results.categories().get(1).finalists()).extracting(Row::title)
			.containsExactly("安徽发布微博实践", "平安北京微博实践", "浙江微博实践");
		assertThat(results.categories().get(1).finalists()).extracting(Row::seq).containsExactly(1, 2, 3);
	}

	@Test
	void countsAreApplicationsReceivedFinalistsAndWinners() {
		assertThat(this.publication.results(this.unranked.code(), null).counts()).isEqualTo(new Counts(9, 6, 4));
	}

	@Test
	void rankedCampaignListsByTheFinalRoundsRank() {
		PublishedResults results = this.publication.results(this.ranked.code(), null);
		assertThat(results.unranked()).isFalse();
		assertThat(results.categories().get(0).winners()).extracting(Row::title)
			.containsExactly("浙江省政务服务实践", "上海市协同办公实践");
		assertThat(results.categories().get(1).winners()).extracting(Row::title)
			.containsExactly("平安北京微博实践", "安徽发布微博实践");
		assertThat(results.categories().get(1).finalists()).extracting(Row::title)
			.containsExactly("平安北京微博实践", "安徽发布微博实践", "浙江微博实践");
	}

	@Test
	void publishedResultsAreListedAmongThePublishedCampaigns() {
		assertThat(this.publication.publishedCampaigns()).extracting(c -> c.getCode())
			.contains(this.unranked.code(), this.ranked.code())
			.doesNotContain(this.pending.code());
	}

	@Test
	void unpublishedResultsDoNotExistForThePublicApplicantsAndExperts() {
		Driven d = this.pending;
		for (String username : List.of(d.shanghai(), d.expert())) {
			assertThatThrownBy(() -> this.publication.results(d.code(), this.fixture.user(username)))
				.isInstanceOf(NotFoundException.class);
		}
		assertThatThrownBy(() -> this.publication.results(d.code(), null)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void organizersAndAdminsPreviewUnpublishedResults() {
		Driven d = this.pending;
		for (String username : List.of(d.organizer(), d.admin())) {
			PublishedResults preview = this.publication.results(d.code(), this.fixture.user(username));
			assertThat(preview.published()).isFalse();
			assertThat(preview.categories()).allSatisfy(c -> assertThat(c.winners()).hasSize(2));
		}
	}

	@Test
	void unknownCampaignIsNotFound() {
		assertThatThrownBy(() -> this.publication.results("pub-no-such-campaign", null))
			.isInstanceOf(NotFoundException.class);
	}

	private static String reference(PublishedResults results, int category, String title) {
		CategoryResults c = results.categories().get(category);
		return c.finalists().stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow().referenceNo();
	}

}
