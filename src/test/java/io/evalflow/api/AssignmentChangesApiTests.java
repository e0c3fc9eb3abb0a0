package io.evalflow.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.evalflow.review.AssignmentFixture;
import io.evalflow.review.AssignmentFixture.Scenario;
import io.evalflow.review.Expert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Manual changes through the API: the same rules as the screen, refusals as problem JSON
 * naming the rule, overrides with their reason, places and shortfalls in step.
 */
class AssignmentChangesApiTests extends ApiTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void aBrokenRuleIsRefusedAsProblemJsonAndAReasonOverridesIt() throws Exception {
		AssignmentFixture fixture = new AssignmentFixture(this.context);
		Scenario s = fixture.propose(2, false, false, 2, 1);
		String organizer = organizer();
		String path = "/api/v1/rounds/" + s.round().getId() + "/assignment/reviews";
		Long appId = s.application(0).getId();
		Expert sameUnit = fixture.expert("同单位", s.unitName(), "北京", Set.of(s.categoryCode()), 10, null);
		Map<String, Object> swap = body(appId, s.drawn().get(0).getId(), null);
		swap.put("replacementId", sameUnit.getId());

		send(organizer, path + "/swap", swap, "en").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("assignment.error.violated"))
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.containsString("Same unit, parent or child unit")));
		send(organizer, path + "/swap", swap, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("单位回避")));
		assertThat(getJson(organizer, path).get(0).get("experts").valueStream().map(e -> e.get("expertId").asLong()))
			.containsExactlyInAnyOrder(s.drawn().get(0).getId(), s.drawn().get(1).getId());

		swap.put("reason", "经会商同意");
		JsonNode swapped = postJson(organizer, path + "/swap", swap);
		assertThat(swapped.get("missing").asInt()).isZero();
		JsonNode placed = swapped.get("experts")
			.valueStream()
			.filter(e -> e.get("expertId").asLong() == sameUnit.getId())
			.findFirst()
			.orElseThrow();
		assertThat(placed.get("overrideReason").asString()).isEqualTo("经会商同意");
		assertThat(placed.get("assignedBy").asString()).isEqualTo(organizer);
		assertThat(placed.get("status").asString()).isEqualTo("PROPOSED");

		JsonNode removed = postJson(organizer, path + "/remove", body(appId, s.drawn().get(1).getId(), "出差"));
		assertThat(removed.get("missing").asInt()).isEqualTo(1);
		assertThat(getJson(organizer, "/api/v1/rounds/" + s.round().getId() + "/assignment").get("shortfalls")
			.get(0)
			.get("binding")
			.isNull()).isTrue();
		JsonNode added = postJson(organizer, path, body(appId, s.drawn().get(1).getId(), null));
		assertThat(added.get("missing").asInt()).isZero();
		assertThat(added.get("experts").size()).isEqualTo(2);
	}

	@Test
	void badBodiesAndOtherRolesAreRefused() throws Exception {
		AssignmentFixture fixture = new AssignmentFixture(this.context);
		Scenario s = fixture.propose(1, false, false, 1, 1);
		String path = "/api/v1/rounds/" + s.round().getId() + "/assignment/reviews";
		Map<String, Object> noExpert = new HashMap<>();
		noExpert.put("applicationId", s.application(0).getId());

		send(organizer(), path, noExpert, null).andExpect(status().isBadRequest());
		send(organizer(), path, body(s.application(0).getId(), s.drawn().get(0).getId(), null), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("assignment.error.full"));
		send(s.applicant(), path + "/remove", body(s.application(0).getId(), s.drawn().get(0).getId(), null), null)
			.andExpect(status().isForbidden());
		assertThat(this.reviews.reviewsOf(s.round().getId(), s.application(0).getId())).hasSize(1);
	}

	private static Map<String, Object> body(Long applicationId, Long expertId, String reason) {
		Map<String, Object> body = new HashMap<>();
		body.put("applicationId", applicationId);
		body.put("expertId", expertId);
		if (reason != null) {
			body.put("reason", reason);
		}
		return body;
	}

	private ResultActions send(String username, String path, Object body, String language) throws Exception {
		var request = post(path).contentType(MediaType.APPLICATION_JSON).content(write(body));
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return call(request, username);
	}

}
