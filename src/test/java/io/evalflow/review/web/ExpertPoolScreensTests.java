package io.evalflow.review.web;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.evalflow.account.AccountService;
import io.evalflow.account.Role;
import io.evalflow.campaign.CampaignService;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organizer's expert pool: listing, adding an expert with their account, and the
 * refusals shown on the form.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExpertPoolScreensTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	ExpertService experts;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	UserDetailsService users;

	@Test
	void poolListsExpertsWithTheirUnitAndCategoryNames() throws Exception {
		String suffix = suffix();
		this.campaigns.create(ReviewTestCampaigns.twoRounds(suffix, false));
		String microblog = ReviewTestCampaigns.categoryCode(suffix) + "-2";
		this.experts.create(new ExpertRequest(suffix + "-listed", "secret-pass", "列表专家" + suffix, "列表单位 " + suffix,
				"上海", "教授", Set.of(microblog), 12));
		this.mvc.perform(get("/organizer/experts").with(as(organizer(suffix))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("列表专家" + suffix)))
			.andExpect(content().string(containsString("列表单位 " + suffix)))
			.andExpect(content().string(containsString(suffix + "-listed")))
			.andExpect(content().string(containsString("政务微博")))
			.andExpect(content().string(containsString("value=\"" + microblog + "\"")));
	}

	@Test
	void organizerAddsAnExpertWhoCanSignIn() throws Exception {
		String suffix = suffix();
		this.campaigns.create(ReviewTestCampaigns.twoRounds(suffix, false));
		String first = ReviewTestCampaigns.categoryCode(suffix);
		String username = suffix + "-new";
		this.mvc
			.perform(post("/organizer/experts").with(as(organizer(suffix)))
				.with(csrf())
				.param("username", username)
				.param("password", "initial-pass")
				.param("name", "新专家")
				.param("unitName", "新专家单位 " + suffix)
				.param("region", "北京")
				.param("title", "研究员")
				.param("categoryCodes", first, first + "-2")
				.param("loadCap", "15"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/organizer/experts"));
		Long accountId = this.accounts.findAccount(username).orElseThrow().getId();
		Expert expert = this.experts.forAccount(accountId).orElseThrow();
		assertThat(expert.getName()).isEqualTo("新专家");
		assertThat(expert.getCategoryCodes()).containsExactlyInAnyOrder(first, first + "-2");
		assertThat(expert.getLoadCap()).isEqualTo(15);
		assertThat(this.accounts.findAccount(username).orElseThrow().getRole()).isEqualTo(Role.EXPERT);
		this.mvc.perform(get("/expert").with(as(username))).andExpect(status().isOk());
	}

	@Test
	void duplicateUsernameIsRefusedOnTheFormAndCreatesNothing() throws Exception {
		String suffix = suffix();
		String taken = suffix + "-taken";
		this.experts.create(
				new ExpertRequest(taken, "secret-pass", "已有专家", "已有单位 " + suffix, "北京", null, ownCategory(suffix), 10));
		int poolBefore = this.experts.pool().size();
		String newUnit = "重复单位 " + suffix;
		this.mvc
			.perform(post("/organizer/experts").with(as(organizer(suffix)))
				.with(csrf())
				.param("username", taken)
				.param("password", "initial-pass")
				.param("name", "重名专家")
				.param("unitName", newUnit)
				.param("loadCap", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("用户名“" + taken + "”已被使用。")))
			.andExpect(content().string(containsString("value=\"" + newUnit + "\"")));
		assertThat(this.experts.pool()).hasSize(poolBefore);
		assertThat(this.accounts.findUnit(newUnit)).isEmpty();
	}

	@Test
	void invalidInputIsShownNextToTheFieldsAndCreatesNothing() throws Exception {
		String suffix = suffix();
		String username = suffix + "-invalid";
		this.mvc
			.perform(post("/organizer/experts").with(as(organizer(suffix)))
				.with(csrf())
				.param("username", username)
				.param("password", "short")
				.param("name", "")
				.param("unitName", "单位 " + suffix)
				.param("categoryCodes", "NO-SUCH-CATEGORY")
				.param("loadCap", "many"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("初始密码须为 8–100 个字符。")))
			.andExpect(content().string(containsString("请填写专家姓名。")))
			.andExpect(content().string(containsString("所选类别不属于任何评选活动。")))
			.andExpect(content().string(containsString("评审上限须为 1 到 100000 之间的整数。")));
		this.mvc
			.perform(post("/organizer/experts").with(as(organizer(suffix + "b")))
				.with(csrf())
				.param("username", username)
				.param("password", "initial-pass")
				.param("name", "零上限")
				.param("unitName", "单位 " + suffix)
				.param("loadCap", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评审上限须为正整数。")));
		assertThat(this.accounts.findAccount(username)).isEmpty();
	}

	@Test
	void organizerTakesAnExpertOutOfThePoolAndBack() throws Exception {
		String suffix = suffix();
		Expert expert = this.experts.create(new ExpertRequest(suffix + "-leaving", "secret-pass", "离库专家" + suffix,
				"离库单位 " + suffix, "北京", null, ownCategory(suffix), 10));
		String organizer = organizer(suffix);
		this.mvc
			.perform(post("/organizer/experts/" + expert.getId() + "/active").with(as(organizer))
				.with(csrf())
				.param("active", "false"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/organizer/experts"));
		assertThat(this.experts.get(expert.getId()).isActive()).isFalse();
		assertThat(this.experts.active()).extracting(Expert::getId).doesNotContain(expert.getId());
		this.mvc
			.perform(post("/organizer/experts/" + expert.getId() + "/active").with(as(organizer))
				.with(csrf())
				.param("active", "true"))
			.andExpect(status().isFound());
		assertThat(this.experts.get(expert.getId()).isActive()).isTrue();
		this.mvc.perform(
				post("/organizer/experts/999999999/active").with(as(organizer)).with(csrf()).param("active", "false"))
			.andExpect(status().isNotFound());
	}

	@Test
	void expertsAndAnonymousUsersAreRefusedThePool() throws Exception {
		String suffix = suffix();
		String expert = suffix + "-expert";
		this.experts.create(new ExpertRequest(expert, "secret-pass", "普通专家", "专家单位 " + suffix, "北京", null,
				ownCategory(suffix), 10));
		this.mvc.perform(get("/organizer/experts").with(as(expert))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/organizer/experts").with(as(expert))
				.with(csrf())
				.param("username", suffix + "-sneaky")
				.param("password", "initial-pass")
				.param("name", "越权")
				.param("unitName", "越权单位 " + suffix)
				.param("loadCap", "10"))
			.andExpect(status().isForbidden());
		Long expertId = this.accounts.findAccount(expert)
			.flatMap(a -> this.experts.forAccount(a.getId()))
			.orElseThrow()
			.getId();
		this.mvc
			.perform(post("/organizer/experts/" + expertId + "/active").with(as(expert))
				.with(csrf())
				.param("active", "false"))
			.andExpect(status().isForbidden());
		assertThat(this.experts.get(expertId).isActive()).isTrue();
		this.mvc.perform(get("/organizer/experts").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		assertThat(this.accounts.findAccount(suffix + "-sneaky")).isEmpty();
	}

	/** A category no campaign has: these experts are never drawn for other tests. */
	private static Set<String> ownCategory(String suffix) {
		return Set.of(ReviewTestCampaigns.categoryCode(suffix));
	}

	private String organizer(String suffix) {
		String username = suffix + "-organizer";
		if (this.accounts.findAccount(username).isEmpty()) {
			this.accounts.createAccount(username, "secret-pass", "组织方", Role.ORGANIZER, null);
		}
		return username;
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private static String suffix() {
		return "ep" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000_000, 36);
	}

}
