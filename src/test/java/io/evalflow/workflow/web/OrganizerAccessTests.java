package io.evalflow.workflow.web;

import java.util.List;

import io.evalflow.CampaignRunner;
import io.evalflow.account.Role;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.CampaignStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organizer's screens belong to organizers and admins: applicants and experts are
 * refused, anonymous visitors are sent to sign in, and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganizerAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignService campaigns;

	CampaignRunner run;

	Campaign campaign;

	@BeforeEach
	void setUp() {
		this.run = new CampaignRunner(this.context);
		this.campaign = this.run.threeRounds(1, 4, 1, 1);
	}

	private List<MockHttpServletRequestBuilder> pages() {
		Long id = this.campaign.getId();
		return List.of(get("/organizer"), get("/organizer/campaigns/{id}", id),
				get("/organizer/campaigns/{id}/rounds/1", id), get("/organizer/campaigns/{id}/rounds/1/ranking", id));
	}

	private List<MockHttpServletRequestBuilder> decisions() {
		Long id = this.campaign.getId();
		return List.of(post("/organizer/campaigns/{id}/decisions/publish-call", id),
				post("/organizer/campaigns/{id}/decisions/start-round", id).param("roundNo", "1"),
				post("/organizer/campaigns/{id}/rounds/1/ranking/cut", id).param("advanced", "1"),
				post("/organizer/campaigns/{id}/rounds/3/ranking/quota", id).param("categoryId", "1")
					.param("quota", "1")
					.param("reason", "x"));
	}

	@Test
	void applicantsAreRefusedOnEveryOrganizerPageAndDecision() throws Exception {
		assertRefused(this.run.applicant());
	}

	@Test
	void expertsAreRefusedOnEveryOrganizerPageAndDecision() throws Exception {
		assertRefused(this.run.experts(1).get(0));
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		// As a browser asks: a client that does not ask for HTML is answered 401 (HTTP
		// Basic).
		for (MockHttpServletRequestBuilder page : pages()) {
			this.mvc.perform(page.accept(MediaType.TEXT_HTML))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		}
		for (MockHttpServletRequestBuilder decision : decisions()) {
			this.mvc.perform(decision.accept(MediaType.TEXT_HTML).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		}
		assertThat(this.campaigns.get(this.campaign.getId()).getStatus()).isEqualTo(CampaignStatus.DRAFT);
	}

	@Test
	void adminsMayOpenTheConsole() throws Exception {
		String admin = this.run.account(Role.ADMIN, "管理员");
		this.mvc.perform(get("/organizer/campaigns/{id}", this.campaign.getId()).with(user(this.run.user(admin))))
			.andExpect(status().isOk());
	}

	private void assertRefused(String username) throws Exception {
		var principal = user(this.run.user(username));
		for (MockHttpServletRequestBuilder page : pages()) {
			this.mvc.perform(page.with(principal)).andExpect(status().isForbidden());
		}
		for (MockHttpServletRequestBuilder decision : decisions()) {
			this.mvc.perform(decision.with(principal).with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(this.campaigns.get(this.campaign.getId()).getStatus()).isEqualTo(CampaignStatus.DRAFT);
	}

}
