package io.evalflow.account.web;

import java.util.UUID;

import io.evalflow.account.AccountService;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.Role;
import io.evalflow.account.UnitType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class RegistrationControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Test
	void registrationPageOffersEveryUnitTypeIncludingIndividuals() throws Exception {
		this.mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("注册申报单位")))
			.andExpect(content().string(containsString("value=\"INDIVIDUAL\"")))
			.andExpect(content().string(containsString("个人")));
	}

	@Test
	void validRegistrationCreatesTheUnitAndAnApplicantAccountAndSendsToSignIn() throws Exception {
		String suffix = suffix();
		this.mvc.perform(register("reg-ok-" + suffix, "申报单位" + suffix).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("success", containsString("reg-ok-" + suffix)));
		assertThat(this.accounts.findAccount("reg-ok-" + suffix)).hasValueSatisfying(account -> {
			assertThat(account.getRole()).isEqualTo(Role.APPLICANT);
			assertThat(account.getDisplayName()).isEqualTo("联系人");
			assertThat(this.accounts.unit(account.getUnitId()).getName()).isEqualTo("申报单位" + suffix);
			assertThat(this.accounts.unit(account.getUnitId()).getType()).isEqualTo(UnitType.LOCAL_GOVERNMENT);
		});
	}

	@Test
	void takenUserNameIsShownNextToTheFormAndNothingIsSaved() throws Exception {
		String suffix = suffix();
		this.accounts.registerApplicant(new RegistrationRequest("reg-dup-" + suffix, "secret-pass", "先到单位" + suffix,
				UnitType.ENTERPRISE, "北京", "张三", "a@example.org", "010-1234567"));
		this.mvc.perform(register("reg-dup-" + suffix, "后到单位" + suffix).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "account.error.usernameTaken"))
			.andExpect(content().string(containsString("用户名“reg-dup-" + suffix + "”已被使用")));
		assertThat(this.accounts.findUnit("后到单位" + suffix)).isEmpty();
	}

	@Test
	void takenUnitNameIsRefusedAndNoAccountIsCreated() throws Exception {
		String suffix = suffix();
		this.accounts.registerApplicant(new RegistrationRequest("reg-unit-a-" + suffix, "secret-pass", "同名单位" + suffix,
				UnitType.ENTERPRISE, "北京", "张三", "a@example.org", "010-1234567"));
		this.mvc.perform(register("reg-unit-b-" + suffix, "同名单位" + suffix).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "unitName", "account.error.unitTaken"));
		assertThat(this.accounts.usernameTaken("reg-unit-b-" + suffix)).isFalse();
	}

	@Test
	void missingFieldsReShowTheFormWithMessagesAndSaveNothing() throws Exception {
		String suffix = suffix();
		this.mvc
			.perform(post("/register").with(csrf())
				.param("username", "reg-missing-" + suffix)
				.param("password", "short")
				.param("confirmPassword", "other")
				.param("unitName", "缺项单位" + suffix))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "password", "confirmPassword", "unitType", "region",
					"contactPerson", "email", "phone"))
			.andExpect(content().string(containsString("密码至少 8 位")))
			.andExpect(content().string(containsString("请选择单位类型")))
			.andExpect(content().string(containsString("两次输入的密码不一致")))
			.andExpect(content().string(not(containsString("short"))));
		assertThat(this.accounts.usernameTaken("reg-missing-" + suffix)).isFalse();
		assertThat(this.accounts.findUnit("缺项单位" + suffix)).isEmpty();
	}

	@Test
	void messagesFollowTheChosenLanguage() throws Exception {
		this.mvc.perform(post("/register").with(csrf()).param("lang", "en").param("username", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the unit name.")));
	}

	@Test
	void registrationWithoutCsrfTokenIsRefused() throws Exception {
		String suffix = suffix();
		this.mvc.perform(register("reg-csrf-" + suffix, "无令牌单位" + suffix)).andExpect(status().isForbidden());
		assertThat(this.accounts.usernameTaken("reg-csrf-" + suffix)).isFalse();
	}

	private static MockHttpServletRequestBuilder register(String username, String unitName) {
		return post("/register").param("username", username)
			.param("password", "secret-pass")
			.param("confirmPassword", "secret-pass")
			.param("unitName", unitName)
			.param("unitType", "LOCAL_GOVERNMENT")
			.param("region", "江苏")
			.param("contactPerson", "联系人")
			.param("email", "contact@example.org")
			.param("phone", "025-12345678");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
