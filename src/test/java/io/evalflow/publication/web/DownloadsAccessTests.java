package io.evalflow.publication.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may download what: the casebook is public once published and an organizer's preview
 * before; certificates, exports and statistics are for organizers and admins only, on the
 * screens and through the API. Also the statistics' figures of the fixture's campaign.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadsAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResultsFixture fixture;

	Driven published;

	Driven pending;

	@BeforeAll
	void drive() {
		this.published = this.fixture.published("pa", true);
		this.pending = this.fixture.decided("pq", true);
	}

	@Test
	void casebookIsPublicOncePublishedAndOnlyAPreviewForOrganizersBefore() throws Exception {
		this.mvc.perform(get("/results/" + this.published.code() + "/casebook.pdf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"" + this.published.code() + "-casebook.pdf\""));
		this.mvc.perform(get("/api/v1/results/" + this.published.code() + "/casebook.pdf")).andExpect(status().isOk());
		this.mvc.perform(get("/results/" + this.pending.code() + "/casebook.pdf")).andExpect(status().isNotFound());
		this.mvc
			.perform(get("/results/" + this.pending.code() + "/casebook.pdf")
				.with(httpBasic(this.pending.shanghai(), ResultsFixture.PASSWORD)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/results/" + this.pending.code() + "/casebook.pdf")
				.with(httpBasic(this.pending.organizer(), ResultsFixture.PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void certificatesExportsAndStatisticsAreForbiddenToApplicantsAndExperts() throws Exception {
		Long id = this.published.campaignId();
		String[] paths = { "/organizer/campaigns/" + id + "/certificates.pdf",
				"/organizer/campaigns/" + id + "/exports/results.xlsx",
				"/organizer/campaigns/" + id + "/exports/results.csv",
				"/organizer/campaigns/" + id + "/exports/scores.xlsx",
				"/organizer/campaigns/" + id + "/exports/scores.csv", "/organizer/campaigns/" + id + "/statistics",
				"/api/v1/campaigns/" + id + "/certificates.pdf", "/api/v1/campaigns/" + id + "/exports/results.xlsx",
				"/api/v1/campaigns/" + id + "/exports/scores.csv", "/api/v1/campaigns/" + id + "/statistics" };
		for (String path : paths) {
			for (String username : new String[] { this.published.shanghai(), this.published.expert() }) {
				this.mvc.perform(get(path).with(httpBasic(username, ResultsFixture.PASSWORD)))
					.andExpect(status().isForbidden());
			}
			this.mvc.perform(get(path).with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
				.andExpect(status().isOk());
			this.mvc.perform(get(path).with(httpBasic(this.published.admin(), ResultsFixture.PASSWORD)))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/v1/campaigns/" + id + "/statistics")).andExpect(status().isUnauthorized());
	}

	@Test
	void resultsCsvIsUtf8WithAByteOrderMarkAndHasEveryRoundsRows() throws Exception {
		byte[] csv = this.mvc
			.perform(get("/organizer/campaigns/" + this.published.campaignId() + "/exports/results.csv")
				.with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("轮次,申报编号,最佳实践名称,申报单位,联合申报单位,类别,评审份数,平均分,标准差,总排名,类别内排名,晋级");
		// 8 eligible applications in 复审, 6 finalists in 终审, and the header
		assertThat(text.split("\r\n")).hasSize(1 + 8 + 6);
		assertThat(text).contains("终审,", "上海市协同办公实践," + this.published.shanghaiUnit() + "," + this.published.partner());
	}

	@Test
	void scoresExportHasOneRowPerSubmittedReviewWithEachCriterion() throws Exception {
		String text = this.mvc
			.perform(get("/api/v1/campaigns/" + this.published.campaignId() + "/exports/scores.csv")
				.with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).contains("轮次,申报编号,最佳实践名称,类别,评审专家,创新性,实效性,示范推广价值,可持续性,加权总分");
		assertThat(text.split("\r\n")).hasSize(1 + 8 + 6);
	}

	@Test
	void statisticsApiCountsApplicationsAndDrawsEachRoundsDistribution() throws Exception {
		this.mvc
			.perform(get("/api/v1/campaigns/" + this.published.campaignId() + "/statistics")
				.with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(9))
			.andExpect(jsonPath("$.byCategory[0].label").value("管理创新"))
			.andExpect(jsonPath("$.byCategory[0].count").value(5))
			.andExpect(jsonPath("$.byCategory[1].count").value(4))
			.andExpect(jsonPath("$.byUnitType[2].label").value("地方政府"))
			.andExpect(jsonPath("$.byUnitType[2].count").value(9))
			.andExpect(jsonPath("$.byRegion[0].label").value("江苏"))
			.andExpect(jsonPath("$.byRegion[0].count").value(9))
			.andExpect(jsonPath("$.rounds[0].name").value("复审"))
			.andExpect(jsonPath("$.rounds[0].reviews").value(8))
			.andExpect(jsonPath("$.rounds[0].maxTotal").value(100.0))
			.andExpect(jsonPath("$.rounds[0].distribution.length()").value(10))
			.andExpect(jsonPath("$.rounds[1].reviews").value(6));
		this.mvc
			.perform(get("/api/v1/campaigns/" + this.published.campaignId() + "/statistics")
				.header("Accept-Language", "en")
				.with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
			.andExpect(jsonPath("$.byCategory[0].label").value("Management innovation"))
			.andExpect(jsonPath("$.rounds[0].name").value("Second review"));
	}

	@Test
	void statisticsPageCarriesTheFiguresAndItsScriptButNoInlineScript() throws Exception {
		String html = this.mvc
			.perform(get("/organizer/campaigns/" + this.published.campaignId() + "/statistics")
				.with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("各类别申报数量", "各轮专家评分宽严度", "data-statistics=\"{&quot;campaignId&quot;:",
				"<script src=\"/js/statistics.js\"></script>");
		assertThat(html).doesNotContain("<script>");
		this.mvc.perform(get("/js/statistics.js")).andExpect(status().isOk());
		String console = this.mvc
			.perform(get("/organizer/campaigns/" + this.published.campaignId())
				.with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(console).contains("href=\"/organizer/campaigns/" + this.published.campaignId() + "/statistics\"");
	}

	@Test
	void resultsPageLinksTheCasebookForEveryoneAndTheOrganizersDownloadsForOrganizersOnly() throws Exception {
		String anonymous = this.mvc.perform(get("/results/" + this.published.code()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(anonymous).contains("/results/" + this.published.code() + "/casebook.pdf", "案例集（PDF，收录入围案例 6 个）");
		assertThat(anonymous).doesNotContain("certificates.pdf", "exports/", "/statistics");
		String organizer = this.mvc
			.perform(get("/results/" + this.published.code())
				.with(httpBasic(this.published.organizer(), ResultsFixture.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(organizer).contains("certificates.pdf", "exports/results.xlsx", "exports/scores.csv",
				"/organizer/campaigns/" + this.published.campaignId() + "/statistics");
	}

}
