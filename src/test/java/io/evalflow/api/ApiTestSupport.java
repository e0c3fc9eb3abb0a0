package io.evalflow.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.evalflow.RoundStarter;
import io.evalflow.TestCampaigns;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.Role;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.SubmissionService;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Calls the JSON API as a client would, with HTTP Basic, and sets up what a test needs
 * that is not under test.
 * <p>
 * All tests share one database, and a round draws its experts from the whole active pool:
 * a test that starts a round keeps only its own experts active meanwhile, and takes them
 * out of the pool when it ends, so no other test's round is assigned to experts nobody
 * will score with.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ApiTestSupport {

	static final String PASSWORD = "secret-pass";

	final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	protected RoundStarter roundStarter;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	ExpertService experts;

	@Autowired
	ReviewService reviews;

	@Autowired
	UserDetailsService users;

	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final List<Long> ownExperts = new ArrayList<>();

	@AfterEach
	void retireOwnExperts() {
		this.ownExperts.forEach(id -> this.experts.setActive(id, false));
	}

	/** Experts this test created through the API, to retire when it ends. */
	void ownExpert(Long expertId) {
		this.ownExperts.add(expertId);
	}

	String organizer() {
		String username = "api-org-" + this.suffix;
		if (this.accounts.findAccount(username).isEmpty()) {
			this.accounts.createAccount(username, PASSWORD, "组织者 " + this.suffix, Role.ORGANIZER, null);
		}
		return username;
	}

	ResultActions call(AbstractMockHttpServletRequestBuilder<?> request, String username) throws Exception {
		if (username != null) {
			request.with(httpBasic(username, PASSWORD));
		}
		return this.mvc.perform(request);
	}

	JsonNode getJson(String username, String path) throws Exception {
		return read(call(get(path), username).andExpect(status().isOk()));
	}

	JsonNode postJson(String username, String path, Object body) throws Exception {
		return read(call(post(path).contentType(MediaType.APPLICATION_JSON).content(write(body)), username)
			.andExpect(status().is2xxSuccessful()));
	}

	JsonNode putJson(String username, String path, Object body) throws Exception {
		return read(call(put(path).contentType(MediaType.APPLICATION_JSON).content(write(body)), username)
			.andExpect(status().isOk()));
	}

	String write(Object body) {
		return this.json.writeValueAsString(body);
	}

	JsonNode read(ResultActions result) throws Exception {
		String content = result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return content.isEmpty() ? this.json.nullNode() : this.json.readTree(content);
	}

	/**
	 * A campaign whose first round is open with one application, scored by one of two
	 * experts of this test; set up through the services.
	 */
	OpenReview openReview() {
		Campaign campaign = this.campaigns.create(TestCampaigns.threeRounds("api-fx-" + this.suffix, 1, 1, 1, 1));
		Long id = campaign.getId();
		this.campaigns.decide(id, PipelineDecision.PUBLISH_CALL, null, "organizer");
		String applicant = "api-fx-unit-" + this.suffix;
		this.accounts.registerApplicant(new RegistrationRequest(applicant, PASSWORD, "接口测试单位 " + this.suffix,
				UnitType.LOCAL_GOVERNMENT, "浙江", "联系人", null, null));
		CurrentUser unit = (CurrentUser) this.users.loadUserByUsername(applicant);
		Long categoryId = campaign.getCategories().get(0).getId();
		Application draft = this.submissions.createDraft(unit, id,
				new ApplicationContent(categoryId, "接口测试案例", List.of(), "摘要", "背景", "做法", "创新点", "成效"));
		this.submissions.addAttachment(unit, draft.getId(), "case.pdf", TestCampaigns.PDF);
		this.submissions.submit(unit, draft.getId());
		this.campaigns.decide(id, PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
		this.submissions.decideEligibility(draft.getId(), true, null, "organizer");
		this.submissions.completeFormalCheck(id, "organizer");
		List<String> usernames = List.of("api-fx-expert-a-" + this.suffix, "api-fx-expert-b-" + this.suffix);
		List<Long> ids = new ArrayList<>();
		for (String username : usernames) {
			Expert expert = this.experts.create(new ExpertRequest(username, PASSWORD, "专家", "专家单位 " + username, "北京",
					"研究员", java.util.Set.of(), 10));
			ids.add(expert.getId());
			ownExpert(expert.getId());
		}
		withOnlyTheseExperts(ids, () -> this.roundStarter.open(id, 1));
		Long roundId = this.campaigns.round(id, 1).getId();
		Review review = this.reviews.reviewsOfRound(roundId).get(0);
		int assigned = ids.indexOf(review.getExpertId());
		return new OpenReview(id, roundId, draft.getId(), review.getId(), applicant, usernames.get(assigned),
				usernames.get(1 - assigned));
	}

	private void withOnlyTheseExperts(List<Long> keep, Runnable action) {
		List<Long> others = this.experts.active().stream().map(Expert::getId).filter(e -> !keep.contains(e)).toList();
		others.forEach(e -> this.experts.setActive(e, false));
		try {
			action.run();
		}
		finally {
			others.forEach(e -> this.experts.setActive(e, true));
		}
	}

	static Map<String, Object> criterion(String name, String nameEn, int weight, int maxScore) {
		return Map.of("name", name, "nameEn", nameEn, "weight", weight, "maxScore", maxScore);
	}

	record OpenReview(Long campaignId, Long roundId, Long applicationId, Long reviewId, String applicant,
			String assignedExpert, String otherExpert) {
	}

}
