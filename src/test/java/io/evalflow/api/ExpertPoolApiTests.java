package io.evalflow.api;

import java.util.Map;

import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.UnitType;
import io.evalflow.review.Expert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organizer manages the expert pool that rounds draw from.
 */
class ExpertPoolApiTests extends ApiTestSupport {

	@Test
	void expertTakenOutOfThePoolIsNotDrawnUntilTakenBackIn() throws Exception {
		String organizer = organizer();
		JsonNode expert = postJson(organizer, "/api/v1/experts",
				Map.of("username", "api-pool-" + this.suffix, "password", PASSWORD, "name", "库内专家", "unitName",
						"专家单位 " + this.suffix, "categoryCodes", java.util.List.of("GOV"), "loadCap", 5));
		Long id = expert.get("id").asLong();
		ownExpert(id);
		assertThat(expert.get("active").asBoolean()).isTrue();
		assertThat(expert.get("categoryCodes").get(0).asString()).isEqualTo("GOV");
		assertThat(getJson("api-pool-" + this.suffix, "/api/v1/me").get("role").asString()).isEqualTo("EXPERT");

		JsonNode out = putJson(organizer, "/api/v1/experts/" + id + "/active", Map.of("active", false));
		assertThat(out.get("active").asBoolean()).isFalse();
		assertThat(this.experts.active()).extracting(Expert::getId).doesNotContain(id);

		putJson(organizer, "/api/v1/experts/" + id + "/active", Map.of("active", true));
		assertThat(this.experts.active()).extracting(Expert::getId).contains(id);
	}

	@Test
	void onlyOrganizersManageThePool() throws Exception {
		String applicant = "api-pool-unit-" + this.suffix;
		this.accounts.registerApplicant(new RegistrationRequest(applicant, PASSWORD, "专家库测试单位 " + this.suffix,
				UnitType.UNIVERSITY, "北京", null, null, null));
		call(get("/api/v1/experts"), applicant).andExpect(status().isForbidden());
		call(post("/api/v1/experts").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("username", "api-pool-self-" + this.suffix, "password", PASSWORD, "name", "自封专家",
					"unitName", "专家库测试单位 " + this.suffix, "loadCap", 5))),
				applicant)
			.andExpect(status().isForbidden());
		assertThat(this.accounts.usernameTaken("api-pool-self-" + this.suffix)).isFalse();
	}

}
