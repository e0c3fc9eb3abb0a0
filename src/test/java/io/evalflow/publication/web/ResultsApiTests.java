package io.evalflow.publication.web;

import io.evalflow.publication.ResultsFixture;
import io.evalflow.publication.ResultsFixture.Driven;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The results JSON API: open to anyone once published; before, a 404 for everyone but
 * organizers and admins signing in with HTTP Basic.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResultsFixture fixture;

	Driven published;

	Driven pending;

	@BeforeAll
	void driveCampaigns() {
		this.published = this.fixture.published("au", true);
		this.pending = this.fixture.decided("ap", true);
	}

	@Test
	void publishedResultsGiveWinnersAndFinalistsPerCategoryToAnyone() throws Exception {
		Driven d = this.published;
		this.mvc.perform(get("/api/v1/results/" + d.code()))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.code").value(d.code()))
			.andExpect(jsonPath("$.name").value("结果测试 " + d.code()))
			.andExpect(jsonPath("$.published").value(true))
			.andExpect(jsonPath("$.publishedAt", notNullValue()))
			.andExpect(jsonPath("$.unranked").value(true))
			.andExpect(jsonPath("$.counts.received").value(9))
			.andExpect(jsonPath("$.counts.finalists").value(6))
			.andExpect(jsonPath("$.counts.winners").value(4))
			.andExpect(jsonPath("$.categories[0].code").value(ResultsFixture.MANAGEMENT))
			.andExpect(jsonPath("$.categories[0].name").value("管理创新"))
			.andExpect(jsonPath("$.categories[0].nameEn").value("Management innovation"))
			.andExpect(jsonPath("$.categories[0].quota").value(2))
			.andExpect(jsonPath("$.categories[0].winners", hasSize(2)))
			.andExpect(jsonPath("$.categories[0].winners[0].seq").value(1))
			.andExpect(jsonPath("$.categories[0].winners[0].units").value(d.shanghaiUnit() + "、" + d.partner()))
			.andExpect(jsonPath("$.categories[0].winners[0].title").value("上海市协同办公实践"))
			.andExpect(jsonPath("$.categories[0].winners[0].referenceNo",
					startsWith(d.code() + "-" + ResultsFixture.MANAGEMENT + "-")))
			.andExpect(jsonPath("$.categories[0].winners[1].seq").value(2))
			.andExpect(jsonPath("$.categories[0].winners[1].units").value(d.zhejiangUnit()))
			.andExpect(jsonPath("$.categories[0].finalists[*].title")
				.value(contains("北京市网格化管理实践", "上海市协同办公实践", "浙江省政务服务实践")))
			.andExpect(jsonPath("$.categories[1].code").value(ResultsFixture.MICROBLOG))
			.andExpect(jsonPath("$.categories[1].winners[*].units").value(contains(d.anhuiUnit(), d.beijingUnit())))
			.andExpect(jsonPath("$.categories[1].finalists", hasSize(3)));
	}

	@Test
	void publishedCampaignsAreListedWithoutTheUnpublished() throws Exception {
		this.mvc.perform(get("/api/v1/results"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem(this.published.code())))
			.andExpect(jsonPath("$[*].code", not(hasItem(this.pending.code()))));
	}

	@Test
	void unpublishedResultsAreNotFoundForAnonymousApplicantsAndExperts() throws Exception {
		Driven d = this.pending;
		this.mvc.perform(get("/api/v1/results/" + d.code()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.categories").doesNotExist());
		for (String username : new String[] { d.shanghai(), d.expert() }) {
			this.mvc.perform(get("/api/v1/results/" + d.code()).with(httpBasic(username, ResultsFixture.PASSWORD)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.categories").doesNotExist());
		}
	}

	@Test
	void organizersAndAdminsWithBasicGetUnpublishedResultsMarkedUnpublished() throws Exception {
		Driven d = this.pending;
		for (String username : new String[] { d.organizer(), d.admin() }) {
			this.mvc.perform(get("/api/v1/results/" + d.code()).with(httpBasic(username, ResultsFixture.PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.published").value(false))
				.andExpect(jsonPath("$.publishedAt", nullValue()))
				.andExpect(jsonPath("$.categories[0].winners", hasSize(2)));
		}
	}

	@Test
	void wrongBasicCredentialsAreRefused() throws Exception {
		this.mvc
			.perform(get("/api/v1/results/" + this.pending.code())
				.with(httpBasic(this.pending.organizer(), "wrong-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void unknownCampaignIsNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/results/pub-no-such-campaign")).andExpect(status().isNotFound());
	}

	@Test
	void resultsApiIsDocumentedInTheOpenApiDescription() throws Exception {
		this.mvc.perform(get("/api/v1/openapi"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/results/{code}'].get.summary").value("Get a campaign's results"))
			.andExpect(jsonPath(
					"$.paths['/api/v1/results/{code}'].get.responses['404'].content['application/problem+json']")
				.exists())
			.andExpect(jsonPath("$.paths['/api/v1/results'].get.tags[0]").value("Results"));
	}

}
