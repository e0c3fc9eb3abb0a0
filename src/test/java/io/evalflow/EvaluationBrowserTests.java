package io.evalflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.evalflow.account.AccountService;
import io.evalflow.account.Role;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignDefinition;
import io.evalflow.campaign.CampaignDefinition.CategoryDefinition;
import io.evalflow.campaign.CampaignDefinition.RoundDefinition;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.RoundType;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One campaign walked through the real screens in headless Chromium: an applicant unit
 * registers and submits, the organizer closes the call, checks and starts the rounds, an
 * expert scores in both rounds, the organizer confirms the cut and the winners and
 * publishes, and anyone reads the results. Pictures of the key pages go to
 * {@code target/browser-tests/}, with the page's source when a step fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Required.class)
class EvaluationBrowserTests {

	private static final Path ARTIFACTS = Path.of("target", "browser-tests");

	private static final String PASSWORD = "secret-pass";

	@LocalServerPort
	int port;

	@Autowired
	CampaignService campaigns;

	@Autowired
	AccountService accounts;

	@Autowired
	ExpertService experts;

	@Autowired
	ReviewService reviews;

	@Autowired
	RoundStarter rounds;

	Browser browser;

	/** Experts taken out of the pool so that the round can only draw ours. */
	List<Long> paused = List.of();

	@RegisterExtension
	AfterTestExecutionCallback failureArtifacts = context -> context.getExecutionException()
		.filter(failure -> this.browser != null)
		.ifPresent(failure -> this.browser.saveFailure(context.getRequiredTestMethod().getName()));

	/** Pictures of an earlier run would pass for this one's. */
	@BeforeAll
	static void clearArtifacts() throws Exception {
		if (Files.isDirectory(ARTIFACTS)) {
			try (Stream<Path> files = Files.list(ARTIFACTS)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	@BeforeEach
	void startBrowser() throws Exception {
		this.browser = Browser.start("http://localhost:" + this.port, ARTIFACTS);
	}

	@AfterEach
	void stopBrowser() throws Exception {
		this.paused.forEach(id -> this.experts.setActive(id, true));
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void applicationGoesFromRegistrationThroughTwoRoundsToThePublishedResults() throws Exception {
		String run = TestCampaigns.unique("br");
		String categoryCode = "C-" + run;
		Campaign campaign = this.campaigns.create(twoRounds(run, categoryCode));
		String organizer = run + "-org";
		this.accounts.createAccount(organizer, PASSWORD, "组织方 " + run, Role.ORGANIZER, null);
		this.campaigns.decide(campaign.getId(), PipelineDecision.PUBLISH_CALL, null, organizer);
		Expert expert = this.experts.create(new ExpertRequest(run + "-expert", PASSWORD, "评审专家 " + run, "专家单位 " + run,
				"北京", "研究员", Set.of(categoryCode), 10));
		poolOnly(expert, categoryCode);

		String unit = "浏览器测试申报单位 " + run;
		String title = "一网通办浏览器测试案例 " + run;
		Long applicationId = applicantSubmits(campaign, unit, run + "-unit", title);
		String dashboard = "/organizer/campaigns/" + campaign.getId();

		this.browser.signIn(organizer, PASSWORD);
		this.browser.open(dashboard);
		this.browser.tick(By.cssSelector("tr[data-step='close-submissions'] input[name='confirmed']"));
		this.browser.submit(By.cssSelector("tr[data-step='close-submissions'] button[type='submit']"));
		formalCheck(campaign, title);
		startRound(campaign, 1, expert);
		this.browser.screenshot("organizer-dashboard-round-1");
		this.browser.signOut();

		expertScores(run + "-expert", title, "8", true);

		this.browser.signIn(organizer, PASSWORD);
		confirmCut(campaign, 1, applicationId, "ranking-round-1");
		startRound(campaign, 2, expert);
		this.browser.signOut();

		expertScores(run + "-expert", title, "9", false);

		this.browser.signIn(organizer, PASSWORD);
		confirmCut(campaign, 2, applicationId, "winners-round-2");
		this.browser.open(dashboard);
		this.browser.tick(By.cssSelector("tr[data-step='publish-results'] input[name='confirmed']"));
		this.browser.submit(By.cssSelector("tr[data-step='publish-results'] button[type='submit']"));
		assertThat(this.browser.text(By.cssSelector("main h1 .badge"))).isEqualTo("结果已公布");
		this.browser.screenshot("organizer-dashboard-published");
		this.browser.signOut();

		this.browser.open("/results/" + campaign.getCode());
		assertThat(this.browser.text(By.cssSelector("section.winners .unranked"))).contains("排名不分先后");
		assertThat(this.browser.text(By.cssSelector("section.winners h3"))).isEqualTo("管理创新类");
		assertThat(this.browser.findAll(By.cssSelector("section.winners h3 + table tbody td")))
			.extracting(cell -> cell.getText())
			.containsExactly("1", unit, title);
		this.browser.screenshot("public-results");
	}

	/**
	 * Registers the unit on the form, drafts, uploads and submits.
	 * @return the application's id
	 */
	private Long applicantSubmits(Campaign campaign, String unit, String username, String title) throws Exception {
		this.browser.open("/register");
		this.browser.type(By.id("unitName"), unit);
		this.browser.choose(By.id("unitType"), "LOCAL_GOVERNMENT");
		this.browser.type(By.id("region"), "上海");
		this.browser.type(By.id("contactPerson"), "张联络");
		this.browser.type(By.id("email"), username + "@example.org");
		this.browser.type(By.id("phone"), "021-12345678");
		this.browser.type(By.id("username"), username);
		this.browser.type(By.id("password"), PASSWORD);
		this.browser.type(By.id("confirmPassword"), PASSWORD);
		assertThat(this.browser.submit(By.id("register-submit"))).contains(username);

		this.browser.signIn(username, PASSWORD);
		this.browser.open("/applicant");
		this.browser.find(By.cssSelector("a[href$='/applicant/campaigns/" + campaign.getId() + "/applications/new']"))
			.click();
		this.browser.chooseFirst(By.id("categoryId"));
		this.browser.type(By.id("title"), title);
		this.browser.type(By.id("summary"), "以一网通办整合审批事项，群众办事只进一扇门。");
		this.browser.type(By.id("background"), "审批事项分散在多个部门。");
		this.browser.type(By.id("practice"), "统一受理、并联审批、限时办结。");
		this.browser.type(By.id("innovation"), "全流程线上办理。");
		this.browser.type(By.id("results"), "平均办理时间缩短一半。");
		this.browser.submit(By.id("application-save"));
		Long applicationId = Long.valueOf(this.browser.path().replaceAll("^/applicant/applications/(\\d+).*$", "$1"));

		Path folder = Files.createTempDirectory("evalflow-upload");
		Path pdf = folder.resolve("一网通办案例材料.pdf");
		try {
			Files.write(pdf, TestCampaigns.PDF);
			this.browser.attach(By.id("files"), pdf);
			assertThat(this.browser.submit(By.id("attachments-upload"))).contains("一网通办案例材料.pdf");
		}
		finally {
			Files.delete(pdf);
			Files.delete(folder);
		}
		this.browser.tick(By.cssSelector("form[action$='/submit'] input[name='confirm']"));
		String done = this.browser.submit(By.id("application-submit"));
		String referenceNo = this.browser.text(By.cssSelector("main table.grid tbody tr:first-child td"));
		assertThat(referenceNo).startsWith(campaign.getCode() + "-");
		assertThat(done).contains(referenceNo);
		this.browser.screenshot("applicant-application-submitted");
		this.browser.signOut();
		return applicationId;
	}

	private void formalCheck(Campaign campaign, String title) {
		this.browser.open("/organizer/campaigns/" + campaign.getId() + "/formal-check");
		this.browser.screenshot("organizer-formal-check");
		this.browser.submit(By.xpath("//tr[.//a[text()='" + title
				+ "']]//form[input[@name='eligible' and @value='true']]//button[@type='submit']"));
		this.browser.submit(By.id("formal-check-complete"));
	}

	/**
	 * Starts the round on the console, which leads to the round's assignment page; the
	 * engine draws (the tests run its jobs: they have no executor), the organizer reads
	 * the proposal and confirms it, and the engine releases it.
	 */
	private void startRound(Campaign campaign, int roundNo, Expert expert) {
		this.browser.open("/organizer/campaigns/" + campaign.getId());
		this.browser.submit(By.cssSelector("tr[data-step='start-round'] button[type='submit']"));
		Long roundId = this.campaigns.round(campaign.getId(), roundNo).getId();
		String page = "/organizer/rounds/" + roundId + "/assignment";
		assertThat(this.browser.path()).startsWith(page);
		this.rounds.runJobs();
		this.browser.open("/organizer/campaigns/" + campaign.getId());
		assertThat(
				this.browser.find(By.cssSelector("tr[data-step='confirm-assignment'] a.button")).getAttribute("href"))
			.endsWith(page);
		this.browser.open(page);
		assertThat(this.browser.text(By.cssSelector("main h1 .badge"))).isEqualTo("待确认");
		assertThat(this.browser.text(By.cssSelector("table.matrix-applications tbody"))).contains(expert.getName());
		if (roundNo == 1) {
			this.browser.screenshot("organizer-assignment-proposed");
		}
		assertThat(this.browser.submit(By.id("assignment-confirm"))).contains("分配方案已确认");
		this.rounds.runJobs();
		List<Review> assigned = this.reviews.reviewsOfRound(roundId);
		assertThat(assigned).as("reviews of round %d", roundNo)
			.singleElement()
			.satisfies(review -> assertThat(review.getExpertId()).isEqualTo(expert.getId()));
	}

	/** The expert opens the open review, saves a draft, then submits it. */
	private void expertScores(String username, String title, String score, boolean screenshots) {
		this.browser.signIn(username, PASSWORD);
		this.browser.open("/expert");
		if (screenshots) {
			this.browser.screenshot("expert-inbox");
		}
		this.browser.find(By.xpath("//tr[td[text()='" + title + "']]//a[contains(@href, '/expert/reviews/')]")).click();
		this.browser.find(By.id("comment"));
		List<By> scores = this.browser.findAll(By.cssSelector("input[id^='score-']"))
			.stream()
			.map(input -> By.id(input.getAttribute("id")))
			.toList();
		assertThat(scores).hasSize(TestCampaigns.rubric().size());
		scores.forEach(field -> this.browser.type(field, score));
		this.browser.type(By.id("comment"), "做法扎实，成效可量化。");
		if (screenshots) {
			this.browser.screenshot("expert-review-form");
		}
		this.browser.submit(By.cssSelector("form[action$='/draft'] button.secondary"));
		scores.forEach(field -> assertThat(this.browser.find(field).getAttribute("value")).isEqualTo(score));
		this.browser.tick(By.cssSelector("input[type='checkbox'][name='confirmed']"));
		this.browser.submit(By.cssSelector("button[formaction$='/submit']"));
		assertThat(this.browser.text(By.cssSelector("main p.success"))).contains("提交并锁定");
		assertThat(this.browser.findAll(By.cssSelector("input[id^='score-']"))).isEmpty();
		if (screenshots) {
			this.browser.screenshot("expert-review-locked");
		}
		this.browser.signOut();
	}

	private void confirmCut(Campaign campaign, int roundNo, Long applicationId, String screenshot) {
		this.browser.open("/organizer/campaigns/" + campaign.getId() + "/rounds/" + roundNo + "/ranking");
		assertThat(this.browser.find(By.id("select-" + applicationId)).isSelected()).isTrue();
		this.browser.screenshot(screenshot);
		this.browser.submit(By.cssSelector("#cut-form button[type='submit']"));
		assertThat(this.browser.text(By.cssSelector("main h1 .badge"))).isEqualTo("已确认");
	}

	/**
	 * Leaves our expert the only active one who covers the category, so the draw cannot
	 * pick another test's generalist (the pool is shared when the database is).
	 */
	private void poolOnly(Expert ours, String categoryCode) {
		this.paused = this.experts.active()
			.stream()
			.filter(e -> !e.getId().equals(ours.getId()))
			.filter(e -> e.getCategoryCodes().isEmpty() || e.getCategoryCodes().contains(categoryCode))
			.map(Expert::getId)
			.toList();
		this.paused.forEach(id -> this.experts.setActive(id, false));
	}

	/** One category with one winner, a first review keeping the best one, then 终审. */
	private static CampaignDefinition twoRounds(String code, String categoryCode) {
		return new CampaignDefinition(code, "浏览器测试评选 " + code, "测试组织单位", "浏览器走查用的评选活动",
				Instant.now().plus(30, ChronoUnit.DAYS), true,
				List.of(new CategoryDefinition(categoryCode, "管理创新", "Management innovation", 1)),
				List.of(new RoundDefinition("初审", "First review", RoundType.SCORING, 1, 14, false,
						AdvancementRule.TOP_N_OVERALL, 1, TestCampaigns.rubric()),
						new RoundDefinition("终审", "Final judgment", RoundType.SCORING, 1, 7, false,
								AdvancementRule.CATEGORY_QUOTA, null, TestCampaigns.rubric())));
	}

}
