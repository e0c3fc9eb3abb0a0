package io.evalflow.publication.web;

import java.nio.charset.StandardCharsets;

import io.evalflow.publication.ResultsFixture;
import io.evalflow.publication.ResultsFixture.Driven;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The results pages, on a campaign driven to publication through the services and on one
 * whose winners are decided but not yet published.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ResultsFixture fixture;

	Driven published;

	Driven pending;

	@BeforeAll
	void driveCampaigns() {
		this.published = this.fixture.published("pu", true);
		this.pending = this.fixture.decided("pp", true);
	}

	@Test
	void resultsPageListsEveryWinnerPerCategoryWithJointUnitsJoinedAndTheUnrankedMark() throws Exception {
		Driven d = this.published;
		String winners = section(page(get("/results/" + d.code())), "winners");
		assertThat(winners).contains("<p class=\"unranked\">（排名不分先后）</p>");
		assertThat(winners).containsSubsequence("<h3>管理创新类</h3>",
				"<tbody>" + row(1, d.shanghaiUnit() + "、" + d.partner(), "上海市协同办公实践")
						+ row(2, d.zhejiangUnit(), "浙江省政务服务实践") + "</tbody>",
				"<h3>政务微博类</h3>",
				"<tbody>" + row(1, d.anhuiUnit(), "安徽发布微博实践") + row(2, d.beijingUnit(), "平安北京微博实践") + "</tbody>");
		assertThat(winners).contains("<th class=\"num\" style=\"width: 4rem\">序号</th><th>申报单位</th><th>最佳实践名称</th>");
		assertThat(winners).doesNotContain("浙江微博实践", "北京市网格化管理实践");
	}

	@Test
	void resultsPageListsTheFinalistsPerCategoryAndTheCounts() throws Exception {
		Driven d = this.published;
		String html = page(get("/results/" + d.code()));
		String finalists = section(html, "finalists");
		assertThat(finalists).contains("<h2>入围名单</h2>", "以下 6 个入围案例全部收录至案例集。", "（排名不分先后）");
		assertThat(finalists).containsSubsequence("<h3>管理创新类</h3>",
				"<tbody>" + row(1, d.beijingUnit(), "北京市网格化管理实践")
						+ row(2, d.shanghaiUnit() + "、" + d.partner(), "上海市协同办公实践")
						+ row(3, d.zhejiangUnit(), "浙江省政务服务实践") + "</tbody>",
				"<h3>政务微博类</h3>", "<tbody>" + row(1, d.anhuiUnit(), "安徽发布微博实践") + row(2, d.beijingUnit(), "平安北京微博实践")
						+ row(3, d.zhejiangUnit(), "浙江微博实践") + "</tbody>");
		assertThat(html).containsSubsequence("<div class=\"figure\">9</div><div>收到申报材料（份）</div>",
				"<div class=\"figure\">6</div><div>入围案例（个）</div>", "<div class=\"figure\">4</div><div>最佳实践（个）</div>");
		assertThat(html).doesNotContain("安徽省电子政务实践", "上海微博实践", "材料不全的申报");
	}

	@Test
	void publishedResultsPageHasTheTitleOrganizerAndDateAndNoPreviewBanner() throws Exception {
		String html = page(get("/results/" + this.published.code()));
		assertThat(html).contains("<h1>结果测试 " + this.published.code() + "结果</h1>", "组织单位：结果测试组织单位", "公布日期：");
		assertThat(html).doesNotContain("preview-banner", "尚未公布");
	}

	@Test
	void resultsPageSpeaksEnglishOnLangEn() throws Exception {
		Driven d = this.published;
		String html = page(get("/results/" + d.code()).param("lang", "en"));
		assertThat(html).contains("<p class=\"unranked\">(listed unranked)</p>", "<h3>Management innovation</h3>",
				"<h3>Government microblogs</h3>", "<th>Applicant units</th>", "<th>Practice title</th>",
				"<h2>Winners of the final judgment</h2>", "<h2>Finalists</h2>", "Applications received",
				row(1, d.shanghaiUnit() + "、" + d.partner(), "上海市协同办公实践"));
		assertThat(html).doesNotContain("排名不分先后", "管理创新类", "申报单位");
	}

	@Test
	void resultsListLinksThePublishedCampaignsButNotTheUnpublished() throws Exception {
		String html = page(get("/results"));
		assertThat(html).contains("href=\"/results/" + this.published.code() + "\"", "查看结果");
		assertThat(html).doesNotContain(this.pending.code());
	}

	@Test
	void unpublishedResultsAreNotFoundForAnonymousApplicantsAndExperts() throws Exception {
		Driven d = this.pending;
		this.mvc.perform(get("/results/" + d.code())).andExpect(status().isNotFound());
		for (String username : new String[] { d.shanghai(), d.beijing(), d.expert() }) {
			String body = this.mvc.perform(get("/results/" + d.code()).with(as(username)))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).as(username).doesNotContain("上海市协同办公实践", "平安北京微博实践");
		}
	}

	@Test
	void organizersAndAdminsSeeUnpublishedResultsAsAPreviewWithABanner() throws Exception {
		Driven d = this.pending;
		for (String username : new String[] { d.organizer(), d.admin() }) {
			String html = page(get("/results/" + d.code()).with(as(username)));
			assertThat(html).as(username)
				.contains("<p class=\"error preview-banner\">预览：本活动的评选结果尚未公布，此页面仅组织方可见。</p>")
				.contains(row(1, d.shanghaiUnit() + "、" + d.partner(), "上海市协同办公实践"))
				.doesNotContain("公布日期：");
		}
	}

	@Test
	void previewBannerSpeaksEnglishOnLangEn() throws Exception {
		String html = page(
				get("/results/" + this.pending.code()).param("lang", "en").with(as(this.pending.organizer())));
		assertThat(html).contains("Preview: the results of this campaign are not yet published.");
	}

	@Test
	void unknownCampaignIsNotFound() throws Exception {
		this.mvc.perform(get("/results/pub-no-such-campaign")).andExpect(status().isNotFound());
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	/** The page with the whitespace between tags removed, so rows compare as strings. */
	private String page(MockHttpServletRequestBuilder request) throws Exception {
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return html.replaceAll(">\\s+<", "><");
	}

	private static String section(String html, String cssClass) {
		int start = html.indexOf("<section class=\"" + cssClass + "\">");
		assertThat(start).as(cssClass).isNotNegative();
		return html.substring(start, html.indexOf("</section>", start));
	}

	private static String row(int seq, String units, String title) {
		return "<tr><td class=\"num\">" + seq + "</td><td>" + units + "</td><td>" + title + "</td></tr>";
	}

}
