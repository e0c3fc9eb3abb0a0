package io.evalflow.api;

import java.util.Map;

import io.evalflow.TestCampaigns;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's access rules: roles per endpoint, and the services' object-level checks,
 * answered as problem JSON.
 */
class ApiAccessTests extends ApiTestSupport {

	@Test
	void anonymousCallerIsAskedToAuthenticate() throws Exception {
		call(get("/api/v1/campaigns"), null).andExpect(status().isUnauthorized());
	}

	@Test
	void wrongPasswordIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/campaigns")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic(organizer(), "wrong-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void applicantCannotDefineACampaign() throws Exception {
		String applicant = registerApplicant("define");
		call(post("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON).content("{}"), applicant)
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("您无权查看此内容或执行此操作。"));
	}

	@Test
	void applicantCannotReadAnotherUnitsApplication() throws Exception {
		OpenReview fixture = openReview();
		String stranger = registerApplicant("stranger");
		call(get("/api/v1/applications/" + fixture.applicationId()), stranger).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		call(get("/api/v1/applications/" + fixture.applicationId()), fixture.applicant()).andExpect(status().isOk());
	}

	@Test
	void expertCannotReadAnotherExpertsReview() throws Exception {
		OpenReview fixture = openReview();
		call(get("/api/v1/reviews/" + fixture.reviewId()), fixture.otherExpert()).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		call(post("/api/v1/reviews/" + fixture.reviewId() + "/submit").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("scores", Map.of()))), fixture.otherExpert()).andExpect(status().isForbidden());
		call(get("/api/v1/reviews/" + fixture.reviewId()), fixture.assignedExpert()).andExpect(status().isOk());
	}

	@Test
	void expertReadsApplicationsOnlyThroughTheirReviews() throws Exception {
		OpenReview fixture = openReview();
		call(get("/api/v1/applications/" + fixture.applicationId()), fixture.assignedExpert())
			.andExpect(status().isForbidden());
	}

	@Test
	void campaignInPreparationIsHiddenFromApplicants() throws Exception {
		Campaign draft = this.campaigns.create(TestCampaigns.threeRounds("api-hidden-" + this.suffix, 1, 1, 1, 1));
		String applicant = registerApplicant("hidden");
		call(get("/api/v1/campaigns/" + draft.getId()), applicant).andExpect(status().isNotFound());
		call(get("/api/v1/campaigns/" + draft.getId()), organizer()).andExpect(status().isOk());
	}

	private String registerApplicant(String name) {
		String username = "api-acc-" + name + "-" + this.suffix;
		this.accounts.registerApplicant(new RegistrationRequest(username, PASSWORD, "接口单位 " + name + " " + this.suffix,
				UnitType.STATE_ORGAN, "上海", "联系人", null, null));
		return username;
	}

}
