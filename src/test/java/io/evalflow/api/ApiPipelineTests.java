package io.evalflow.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.evalflow.TestCampaigns;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drives a campaign of a shape unlike 2012's (two categories with quotas 1 and 2, two
 * rounds: the best two per category, then the winners per quota; a three-criterion
 * rubric) from its definition to the published results, through HTTP calls only. Only the
 * organizer's account is made beforehand, as an operator would.
 */
class ApiPipelineTests extends ApiTestSupport {

	private static final String APPS = "/api/v1/applications/";

	@Test
	void campaignOfAnyShapeRunsFromDefinitionToPublishedResultsThroughTheApi() throws Exception {
		String organizer = organizer();
		JsonNode campaign = postJson(organizer, "/api/v1/campaigns", definition());
		Long campaignId = campaign.get("id").asLong();
		assertThat(campaign.get("status").asString()).isEqualTo("DRAFT");
		Map<String, Long> category = new HashMap<>();
		campaign.get("categories").forEach(c -> category.put(c.get("code").asString(), c.get("id").asLong()));
		List<Long> roundIds = campaign.get("rounds").valueStream().map(r -> r.get("id").asLong()).toList();
		assertThat(roundIds).hasSize(2);
		assertThat(campaign.get("rounds").get(0).get("criteria").size()).isEqualTo(3);

		decide(organizer, campaignId, "publish-call", null, "CALL_OPEN");

		List<String> units = new ArrayList<>();
		for (int u = 1; u <= 3; u++) {
			String username = "api-e2e-unit" + u + "-" + this.suffix;
			call(post("/api/v1/registrations").contentType("application/json")
				.content(write(Map.of("username", username, "password", PASSWORD, "unitName",
						"接口申报单位" + u + " " + this.suffix, "unitType", "LOCAL_GOVERNMENT", "region", "广东",
						"contactPerson", "联系人" + u, "email", "unit" + u + "@example.org", "phone", "020-1234567"))),
					null)
				.andExpect(status().isCreated());
			units.add(username);
		}
		JsonNode me = getJson(units.get(0), "/api/v1/me");
		assertThat(me.get("role").asString()).isEqualTo("APPLICANT");
		assertThat(me.get("unit").get("name").asString()).startsWith("接口申报单位1");

		// title → (unit, category, hidden quality); better quality scores higher
		Map<String, Case> cases = new LinkedHashMap<>();
		cases.put("GOV-best", new Case(0, "GOV", 9));
		cases.put("GOV-good", new Case(1, "GOV", 7));
		cases.put("GOV-weak", new Case(2, "GOV", 3));
		cases.put("GOV-incomplete", new Case(2, "GOV", 1));
		cases.put("DATA-best", new Case(1, "DATA", 8));
		cases.put("DATA-good", new Case(0, "DATA", 6));
		cases.put("DATA-weak", new Case(2, "DATA", 4));
		cases.put("DATA-withdrawn", new Case(0, "DATA", 5));
		Map<String, Long> ids = new LinkedHashMap<>();
		for (Map.Entry<String, Case> entry : cases.entrySet()) {
			Case c = entry.getValue();
			String unit = units.get(c.unit());
			JsonNode draft = postJson(unit, "/api/v1/campaigns/" + campaignId + "/applications",
					content(category.get(c.category()), "草稿 " + entry.getKey()));
			Long id = draft.get("id").asLong();
			assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
			JsonNode edited = putJson(unit, APPS + id, content(category.get(c.category()), entry.getKey()));
			assertThat(edited.get("title").asString()).isEqualTo(entry.getKey());
			upload(unit, id, entry.getKey() + ".pdf");
			ids.put(entry.getKey(), id);
		}
		attachmentsCanBeReplacedAndDownloaded(units.get(0), ids.get("GOV-best"));
		Map<Long, Integer> quality = new HashMap<>();
		for (Map.Entry<String, Long> entry : ids.entrySet()) {
			String unit = units.get(cases.get(entry.getKey()).unit());
			JsonNode submitted = postJson(unit, APPS + entry.getValue() + "/submit", Map.of());
			assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
			assertThat(submitted.get("referenceNo").asString()).startsWith("api-e2e-" + this.suffix);
			quality.put(entry.getValue(), cases.get(entry.getKey()).quality());
		}
		assertThat(postJson(units.get(0), APPS + ids.get("DATA-withdrawn") + "/withdraw", Map.of()).get("status")
			.asString()).isEqualTo("WITHDRAWN");

		decide(organizer, campaignId, "close-submissions", null, "CALL_CLOSED");
		JsonNode toCheck = getJson(organizer,
				APPS.substring(0, APPS.length() - 1) + "?campaignId=" + campaignId + "&status=SUBMITTED");
		assertThat(toCheck.size()).isEqualTo(7);
		for (JsonNode application : toCheck) {
			boolean eligible = application.get("id").asLong() != ids.get("GOV-incomplete");
			JsonNode decided = postJson(organizer, APPS + application.get("id").asLong() + "/eligibility",
					eligible ? Map.of("eligible", true) : Map.of("eligible", false, "reason", "材料不全"));
			assertThat(decided.get("status").asString()).isEqualTo(eligible ? "IN_REVIEW" : "INELIGIBLE");
		}
		call(post("/api/v1/campaigns/" + campaignId + "/formal-check/complete"), organizer)
			.andExpect(status().isNoContent());
		assertThat(getJson(organizer, "/api/v1/campaigns/" + campaignId).get("status").asString())
			.isEqualTo("IN_REVIEW");

		Map<String, Long> experts = new LinkedHashMap<>();
		for (int e = 1; e <= 3; e++) {
			String username = "api-e2e-expert" + e + "-" + this.suffix;
			JsonNode expert = postJson(organizer, "/api/v1/experts",
					Map.of("username", username, "password", PASSWORD, "name", "接口专家" + e, "unitName",
							"专家单位" + e + " " + this.suffix, "region", "北京", "title", "研究员", "loadCap", 20));
			ownExpert(expert.get("id").asLong());
			experts.put(username, expert.get("id").asLong());
		}

		// Round 1 (blind): the best two of each category advance.
		startRound(organizer, campaignId, 1, experts.values());
		JsonNode assignments = getJson(organizer, "/api/v1/rounds/" + roundIds.get(0) + "/assignments");
		assertThat(assignments.size()).isEqualTo(12);
		assertThat(assignments.valueStream().map(a -> a.get("expertId").asLong())).allMatch(experts.values()::contains);
		assertThat(getJson(organizer, "/api/v1/rounds/" + roundIds.get(0) + "/progress").get("reviews")
			.get("ASSIGNED")
			.asLong()).isEqualTo(12);
		scoreEverything(experts.keySet(), roundIds.get(0), quality, true);
		JsonNode ranking = getJson(organizer, "/api/v1/rounds/" + roundIds.get(0) + "/ranking");
		assertThat(ranking.get("status").asString()).isEqualTo("RANKED");
		assertThat(proposed(ranking)).containsExactlyInAnyOrder(ids.get("GOV-best"), ids.get("GOV-good"),
				ids.get("DATA-best"), ids.get("DATA-good"));
		JsonNode cut = postJson(organizer, "/api/v1/rounds/" + roundIds.get(0) + "/cut", Map.of());
		assertThat(cut.get("status").asString()).isEqualTo("DECIDED");

		// Round 2 (open): each category's quota of winners, confirmed as an explicit
		// list.
		startRound(organizer, campaignId, 2, experts.values());
		assertThat(getJson(organizer, "/api/v1/rounds/" + roundIds.get(1) + "/assignments").size()).isEqualTo(8);
		scoreEverything(experts.keySet(), roundIds.get(1), quality, false);
		ranking = getJson(organizer, "/api/v1/rounds/" + roundIds.get(1) + "/ranking");
		Set<Long> winners = Set.of(ids.get("GOV-best"), ids.get("DATA-best"), ids.get("DATA-good"));
		assertThat(proposed(ranking)).containsExactlyInAnyOrderElementsOf(winners);
		postJson(organizer, "/api/v1/rounds/" + roundIds.get(1) + "/cut", Map.of("advancedIds", winners));

		decide(organizer, campaignId, "publish-results", null, "PUBLISHED");
		Map<Long, String> statuses = getJson(organizer, "/api/v1/applications?campaignId=" + campaignId).valueStream()
			.collect(Collectors.toMap(a -> a.get("id").asLong(), a -> a.get("status").asString()));
		assertThat(statuses).containsOnly(Map.entry(ids.get("GOV-best"), "WINNER"),
				Map.entry(ids.get("GOV-good"), "FINALIST"), Map.entry(ids.get("GOV-weak"), "NOT_ADVANCED"),
				Map.entry(ids.get("GOV-incomplete"), "INELIGIBLE"), Map.entry(ids.get("DATA-best"), "WINNER"),
				Map.entry(ids.get("DATA-good"), "WINNER"), Map.entry(ids.get("DATA-weak"), "NOT_ADVANCED"),
				Map.entry(ids.get("DATA-withdrawn"), "WITHDRAWN"));
		assertThat(getJson(units.get(1), "/api/v1/applications").valueStream()
			.collect(Collectors.toMap(a -> a.get("title").asString(), a -> a.get("status").asString())))
			.containsOnly(Map.entry("GOV-good", "FINALIST"), Map.entry("DATA-best", "WINNER"));
	}

	private Map<String, Object> definition() {
		List<Map<String, Object>> rubric = List.of(criterion("创新性", "Innovation", 40, 10),
				criterion("实效性", "Effectiveness", 40, 10), criterion("可推广性", "Replicability", 20, 5));
		Map<String, Object> first = new HashMap<>(Map.of("name", "初评", "nameEn", "First review", "type", "SCORING",
				"expertsPerApplication", 2, "reviewDays", 10, "blind", true, "rule", "TOP_N_PER_CATEGORY", "ruleCount",
				2, "criteria", rubric));
		Map<String, Object> last = Map.of("name", "终评", "nameEn", "Final judgment", "type", "PANEL",
				"expertsPerApplication", 2, "reviewDays", 5, "blind", false, "rule", "CATEGORY_QUOTA", "criteria",
				rubric);
		return Map.of("code", "api-e2e-" + this.suffix, "name", "接口评选 " + this.suffix, "organizer", "接口测试组织单位",
				"description", "通过接口定义的评选", "submissionDeadline",
				java.time.Instant.now().plus(java.time.Duration.ofDays(20)).toString(), "unrankedListing", true,
				"categories",
				List.of(Map.of("code", "GOV", "name", "政务服务", "nameEn", "Government services", "quota", 1),
						Map.of("code", "DATA", "name", "数据开放", "nameEn", "Open data", "quota", 2)),
				"rounds", List.of(first, last));
	}

	private static Map<String, Object> content(Long categoryId, String title) {
		Map<String, Object> body = new HashMap<>(Map.of("categoryId", categoryId, "title", title, "summary", "摘要",
				"background", "背景", "practice", "做法", "innovation", "创新点", "results", "成效"));
		body.put("coApplicantUnits", List.of());
		return body;
	}

	private JsonNode upload(String unit, Long applicationId, String name) throws Exception {
		return read(call(multipart(APPS + applicationId + "/attachments")
			.file(new MockMultipartFile("file", name, "application/pdf", TestCampaigns.PDF)), unit)
			.andExpect(status().isCreated()));
	}

	private void attachmentsCanBeReplacedAndDownloaded(String unit, Long applicationId) throws Exception {
		Long extra = upload(unit, applicationId, "补充材料.pdf").get("id").asLong();
		assertThat(getJson(unit, APPS + applicationId).get("attachments").size()).isEqualTo(2);
		call(delete(APPS + applicationId + "/attachments/" + extra), unit).andExpect(status().isNoContent());
		JsonNode attachments = getJson(unit, APPS + applicationId).get("attachments");
		assertThat(attachments.size()).isEqualTo(1);
		call(get(APPS + applicationId + "/attachments/" + attachments.get(0).get("id").asLong()), unit)
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.startsWith("attachment")))
			.andExpect(MockMvcResultMatchers.content().bytes(TestCampaigns.PDF));
	}

	private void decide(String organizer, Long campaignId, String step, Integer roundNo, String expectedStatus)
			throws Exception {
		Map<String, Object> body = new HashMap<>(Map.of("step", step));
		body.put("roundNo", roundNo);
		JsonNode campaign = postJson(organizer, "/api/v1/campaigns/" + campaignId + "/decisions", body);
		if (expectedStatus != null) {
			assertThat(campaign.get("status").asString()).isEqualTo(expectedStatus);
		}
	}

	/** Starts the round while only this test's experts are in the pool. */
	private void startRound(String organizer, Long campaignId, int roundNo, java.util.Collection<Long> own)
			throws Exception {
		List<Long> others = getJson(organizer, "/api/v1/experts").valueStream()
			.filter(e -> e.get("active").asBoolean() && !own.contains(e.get("id").asLong()))
			.map(e -> e.get("id").asLong())
			.toList();
		for (Long other : others) {
			putJson(organizer, "/api/v1/experts/" + other + "/active", Map.of("active", false));
		}
		try {
			decide(organizer, campaignId, "start-round", roundNo, null);
			this.roundStarter.runJobs();
			Long roundId = getJson(organizer, "/api/v1/campaigns/" + campaignId).get("rounds")
				.get(roundNo - 1)
				.get("id")
				.asLong();
			JsonNode proposal = getJson(organizer, "/api/v1/rounds/" + roundId + "/assignment");
			assertThat(proposal.get("status").asString()).isEqualTo("PROPOSED");
			assertThat(proposal.get("seed").asLong()).isPositive();
			JsonNode confirmed = postJson(organizer, "/api/v1/rounds/" + roundId + "/assignment/confirm", Map.of());
			assertThat(confirmed.get("status").asString()).isEqualTo("RELEASING");
			this.roundStarter.runJobs();
			assertThat(getJson(organizer, "/api/v1/rounds/" + roundId + "/assignment").get("status").asString())
				.isEqualTo("RELEASED");
		}
		finally {
			for (Long other : others) {
				putJson(organizer, "/api/v1/experts/" + other + "/active", Map.of("active", true));
			}
		}
	}

	/**
	 * Every expert reads each review of the round in their inbox and scores it by the
	 * application's hidden quality; the first is saved as a draft before it is submitted.
	 */
	private void scoreEverything(Set<String> experts, Long roundId, Map<Long, Integer> quality, boolean blind)
			throws Exception {
		for (String expert : experts) {
			List<JsonNode> inbox = getJson(expert, "/api/v1/reviews").valueStream()
				.filter(item -> item.get("roundId").asLong() == roundId)
				.toList();
			assertThat(inbox).isNotEmpty();
			boolean first = true;
			for (JsonNode item : inbox) {
				String path = "/api/v1/reviews/" + item.get("reviewId").asLong();
				JsonNode review = getJson(expert, path);
				assertThat(review.get("application").get("summary").asString()).isEqualTo("摘要");
				assertThat(review.get("application").get("applicantUnits").isEmpty()).isEqualTo(blind);
				Map<String, Object> scores = new HashMap<>();
				int q = quality.get(item.get("applicationId").asLong());
				for (JsonNode criterion : review.get("criteria")) {
					scores.put(criterion.get("id").asString(), BigDecimal.valueOf(q * criterion.get("maxScore").asInt())
						.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP));
				}
				Map<String, Object> body = Map.of("scores", scores, "comment", "评语");
				if (first) {
					assertThat(putJson(expert, path + "/draft", body).get("status").asString()).isEqualTo("DRAFT");
					first = false;
				}
				assertThat(postJson(expert, path + "/submit", body).get("status").asString()).isEqualTo("SUBMITTED");
			}
		}
	}

	private static Set<Long> proposed(JsonNode ranking) {
		return ranking.get("results")
			.valueStream()
			.filter(r -> r.get("proposed").asBoolean())
			.map(r -> r.get("applicationId").asLong())
			.collect(Collectors.toSet());
	}

	private record Case(int unit, String category, int quality) {
	}

}
