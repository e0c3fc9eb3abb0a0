package io.evalflow.submission.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.evalflow.MutableTestClock;
import io.evalflow.campaign.Campaign;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;
import io.evalflow.submission.SubmissionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The limits that only a real clock or a real server shows: the submission deadline, and
 * uploads larger than the multipart limits, which the servlet container refuses before
 * any controller runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableTestClock.Config.class)
class SubmissionLimitsTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern UPLOAD_FORM = Pattern.compile(
			"action=\"(/applicant/applications/\\d+/attachments)\"[^>]*><input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableTestClock clock;

	@Autowired
	SubmissionService submissions;

	@LocalServerPort
	int port;

	@Autowired
	SubmissionWebFixtures fixtures;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void submissionAfterTheDeadlineIsRefusedAndTheDraftStaysADraft() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("lim-late");
		String applicant = this.fixtures.applicant("lim-late-unit");
		Application draft = this.fixtures.draftWithPdf(applicant, campaign, "迟到的申报");

		this.clock.advance(Duration.between(this.clock.instant(), campaign.getSubmissionDeadline()).plusSeconds(1));

		this.mvc
			.perform(post("/applicant/applications/{id}/submit", draft.getId()).with(this.fixtures.as(applicant))
				.with(csrf())
				.param("confirm", "true"))
			.andExpect(redirectedUrl("/applicant/applications/" + draft.getId()))
			.andExpect(flash().attribute("error", containsString("申报已截止")));
		Application after = this.submissions.get(draft.getId());
		assertThat(after.getStatus()).isEqualTo(ApplicationStatus.DRAFT);
		assertThat(after.getReferenceNo()).isNull();

		this.mvc.perform(get("/applicant/applications/{id}", draft.getId()).with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"application-submit\""))));
		this.mvc.perform(get("/applicant").with(this.fixtures.as(applicant)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/campaigns/" + campaign.getId() + "/applications/new"))));
		this.mvc
			.perform(get("/applicant/campaigns/{id}/applications/new", campaign.getId())
				.with(this.fixtures.as(applicant)))
			.andExpect(redirectedUrl("/applicant"))
			.andExpect(flash().attribute("error", containsString("申报已截止")));
		this.mvc
			.perform(post("/applicant/applications/{id}/edit", draft.getId()).with(this.fixtures.as(applicant))
				.with(csrf())
				.param("categoryId", draft.getCategoryId().toString())
				.param("title", "截止后修改"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("申报已截止")));
		assertThat(this.submissions.get(draft.getId()).getTitle()).isEqualTo("迟到的申报");
	}

	@Test
	void withdrawalAfterTheDeadlineIsRefused() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("lim-wd");
		String applicant = this.fixtures.applicant("lim-wd-unit");
		Application submitted = this.fixtures.submitted(applicant, campaign, "截止后撤回");

		this.clock.advance(Duration.between(this.clock.instant(), campaign.getSubmissionDeadline()).plusSeconds(1));

		this.mvc
			.perform(post("/applicant/applications/{id}/withdraw", submitted.getId()).with(this.fixtures.as(applicant))
				.with(csrf())
				.param("confirm", "true"))
			.andExpect(flash().attribute("error", containsString("申报已截止")));
		assertThat(this.submissions.get(submitted.getId()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
	}

	@Test
	void uploadOverTheLimitsGetsAClearMessageAndStoresNothing() throws Exception {
		Campaign campaign = this.fixtures.openCampaign("lim-big");
		String applicant = this.fixtures.applicant("lim-big-unit");
		Application draft = this.fixtures.draft(applicant, campaign, "超大附件", List.of());
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		signIn(browser, applicant);
		String page = "/applicant/applications/" + draft.getId();

		for (int megabytes : new int[] { 21, 30 }) {
			Matcher form = UPLOAD_FORM.matcher(getPage(browser, page));
			assertThat(form.find()).as("upload form").isTrue();
			HttpResponse<String> upload = browser.send(
					multipart(form.group(1), form.group(2), new byte[megabytes * 1024 * 1024]),
					HttpResponse.BodyHandlers.ofString());
			assertThat(upload.statusCode()).as(megabytes + " MB").isEqualTo(302);
			assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page));
			assertThat(getPage(browser, page)).contains("上传内容过大，未保存任何文件");
		}
		assertThat(this.submissions.get(draft.getId()).getAttachments()).isEmpty();
	}

	private void signIn(HttpClient browser, String username) throws IOException, InterruptedException {
		Matcher token = CSRF_FIELD.matcher(getPage(browser, "/login"));
		assertThat(token.find()).isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=secret-pass&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	private String getPage(HttpClient browser, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = browser.send(
				HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/** What a browser sends: the form's CSRF field, then the file. */
	private HttpRequest multipart(String path, String csrfToken, byte[] file) {
		String boundary = "evalflow-test-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(url(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
			.build();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
