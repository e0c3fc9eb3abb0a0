package io.evalflow.demo;

import io.evalflow.account.AccountService;
import io.evalflow.account.Role;
import io.evalflow.campaign.AdvancementRule;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the demo enabled (the embedded default), the first start seeds the 2012 campaign
 * and the README's demo accounts, and organizers are offered the replay.
 */
@SpringBootTest(properties = "evalflow.demo.enabled=true")
@AutoConfigureMockMvc
class DemoSeedTests {

	@Autowired
	CampaignService campaigns;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Test
	void seedsThe2012CampaignWithFourCategoriesOfTenAndThreeRounds() {
		Campaign campaign = this.campaigns.byCode(Egov2012.CODE);
		assertThat(campaign.getCategories()).extracting(Category::getName)
			.containsExactly("管理创新", "公共服务", "技术应用", "政务微博");
		assertThat(campaign.getCategories()).allSatisfy(c -> assertThat(c.getQuota()).isEqualTo(10));
		assertThat(campaign.getRounds()).hasSize(3);
		assertThat(campaign.round(1).getName()).isEqualTo("初审");
		assertThat(campaign.round(1).isBlind()).isTrue();
		assertThat(campaign.round(2).isBlind()).isFalse();
		assertThat(campaign.round(2).getRuleCount()).isEqualTo(122);
		assertThat(campaign.round(3).getRuleType()).isEqualTo(AdvancementRule.CATEGORY_QUOTA);
		assertThat(campaign.getRounds()).allSatisfy(r -> assertThat(r.getCriteria()).isNotEmpty());
		assertThat(campaign.isUnrankedListing()).isTrue();
	}

	@Test
	void demoAccountsOfEveryRoleSignInWithTheReadmePasswords() throws Exception {
		this.mvc.perform(formLogin("/login").user("organizer").password("organizer-2012"))
			.andExpect(authenticated().withRoles("ORGANIZER"));
		this.mvc.perform(formLogin("/login").user("admin").password("admin-2012"))
			.andExpect(authenticated().withRoles("ADMIN"));
		for (int i = 1; i <= 5; i++) {
			this.mvc.perform(formLogin("/login").user("expert" + i).password("expert-2012"))
				.andExpect(authenticated().withRoles("EXPERT"));
		}
		for (int i = 1; i <= 3; i++) {
			this.mvc.perform(formLogin("/login").user("applicant" + i).password("applicant-2012"))
				.andExpect(authenticated().withRoles("APPLICANT"));
		}
		assertThat(this.accounts.findAccount("applicant3").orElseThrow().getRole()).isEqualTo(Role.APPLICANT);
	}

	@Test
	void replayIsOfferedToOrganizersOnly() throws Exception {
		this.mvc.perform(get("/organizer/demo").with(user(this.users.loadUserByUsername("organizer"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("2012")));
		this.mvc.perform(get("/organizer/demo").with(user(this.users.loadUserByUsername("applicant1"))))
			.andExpect(status().isForbidden());
	}

}
