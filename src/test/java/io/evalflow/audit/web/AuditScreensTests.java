package io.evalflow.audit.web;

import io.evalflow.CampaignRunner;
import io.evalflow.account.Role;
import io.evalflow.audit.ChainVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit page and API: organizers and admins read the log and verify the chain;
 * experts and applicants are refused, anonymous visitors sent to sign in (the API answers
 * 401).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditScreensTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	CampaignRunner run;

	String organizer;

	@BeforeEach
	void setUp() {
		this.run = new CampaignRunner(this.context);
		this.organizer = this.run.organizer();
	}

	@Test
	void organizersSeeTheLatestEventsOfACampaignAndALinkInTheirNavigation() throws Exception {
		Long campaignId = this.run.twoRounds(1, 2).getId();
		RequestPostProcessor organizer = user(this.run.user(this.organizer));
		this.mvc.perform(get("/organizer/audit").param("campaignId", campaignId.toString()).with(organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("审计日志")))
			.andExpect(content().string(containsString("创建评选活动")))
			.andExpect(content().string(containsString("href=\"/organizer/audit\"")));
		this.mvc.perform(get("/organizer/audit").param("lang", "en").with(organizer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Verify the chain")))
			.andExpect(content().string(containsString("Campaign created")));
	}

	@Test
	void theVerifyButtonShowsTheResult() throws Exception {
		RequestPostProcessor organizer = user(this.run.user(this.organizer));
		Object verification = this.mvc.perform(post("/organizer/audit/verify").with(organizer).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/organizer/audit"))
			.andExpect(flash().attributeExists("verification"))
			.andReturn()
			.getFlashMap()
			.get("verification");
		assertThat(verification).isInstanceOfSatisfying(ChainVerification.class,
				v -> assertThat(v.intact()).as(v.line()).isTrue());
		this.mvc.perform(get("/organizer/audit").with(organizer).flashAttr("verification", verification))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("哈希链完整")));
	}

	@Test
	void adminsMayOpenTheLog() throws Exception {
		String admin = this.run.account(Role.ADMIN, "管理员");
		this.mvc.perform(get("/organizer/audit").with(user(this.run.user(admin)))).andExpect(status().isOk());
	}

	@Test
	void expertsAndApplicantsAreRefusedAndAnonymousVisitorsSentToSignIn() throws Exception {
		String expert = this.run.experts(1).get(0);
		String applicant = this.run.applicant();
		for (String name : new String[] { expert, applicant }) {
			RequestPostProcessor who = user(this.run.user(name));
			this.mvc.perform(get("/organizer/audit").with(who)).andExpect(status().isForbidden());
			this.mvc.perform(post("/organizer/audit/verify").with(who).with(csrf())).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/audit/verify").with(httpBasic(name, CampaignRunner.PASSWORD)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/organizer/audit").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiVerifiesTheChainAndListsEventsWithTheirHashes() throws Exception {
		Long campaignId = this.run.twoRounds(1, 2).getId();
		this.mvc.perform(get("/api/v1/audit/verify").with(httpBasic(this.organizer, CampaignRunner.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.headHash").isString());
		this.mvc
			.perform(get("/api/v1/audit/events").param("campaignId", campaignId.toString())
				.with(httpBasic(this.organizer, CampaignRunner.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].action").value("campaign.created"))
			.andExpect(jsonPath("$[0].campaignId").value(campaignId))
			.andExpect(jsonPath("$[0].hash").isString());
	}

}
