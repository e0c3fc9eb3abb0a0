package io.evalflow.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.evalflow.campaign.Criterion;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewStatus;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input gets a problem JSON with a sentence in the caller's language, and changes
 * nothing.
 */
class ApiRefusalTests extends ApiTestSupport {

	@Autowired
	TaskService tasks;

	@Test
	void campaignWithOneRoundIsRefusedInChineseByDefault() throws Exception {
		Map<String, Object> definition = definition("one-zh");
		definition.put("rounds", List.of(round("CATEGORY_QUOTA", rubric())));
		defineCampaign(definition, null).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("campaign.error.roundCount"))
			.andExpect(jsonPath("$.detail").value("评审轮次须为 2 至 5 轮。"));
		call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/campaigns"), organizer())
			.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.not(hasItem("api-ref-one-zh-" + this.suffix))));
	}

	@Test
	void campaignWithOneRoundIsRefusedInEnglishWhenAsked() throws Exception {
		Map<String, Object> definition = definition("one-en");
		definition.put("rounds", List.of(round("CATEGORY_QUOTA", rubric())));
		defineCampaign(definition, "en").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("A campaign has 2 to 5 rounds."));
	}

	@Test
	void roundWithoutRubricIsRefusedInBothLanguages() throws Exception {
		Map<String, Object> definition = definition("norubric");
		definition.put("rounds", List.of(round("TOP_N_OVERALL", null), round("CATEGORY_QUOTA", rubric())));
		defineCampaign(definition, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("round.error.noCriteria"))
			.andExpect(jsonPath("$.detail").value("轮次“初审”至少需要一项评分标准。"));
		defineCampaign(definition, "en").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Round \"初审\" needs at least one criterion."));
	}

	@Test
	void roundScoringSettingsAreTakenAndAnUnknownTieCriterionIsRefused() throws Exception {
		Map<String, Object> definition = definition("tie");
		Map<String, Object> first = round("TOP_N_OVERALL", rubric());
		first.put("aggregation", "ZSCORE");
		first.put("minReviewsPerExpert", 4);
		Map<String, Object> last = round("CATEGORY_QUOTA", rubric());
		last.put("tieRule", "CRITERIA");
		last.put("tieCriteria", List.of("实效性", "可持续性"));
		definition.put("rounds", List.of(first, last));
		defineCampaign(definition, "en").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("round.error.tieCriterionUnknown"))
			.andExpect(jsonPath("$.detail").value("Round \"终审\" has no criterion \"可持续性\"; its criteria: 创新性、实效性."));

		last.put("tieCriteria", List.of("实效性", "创新性"));
		defineCampaign(definition, null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.rounds[0].aggregation").value("ZSCORE"))
			.andExpect(jsonPath("$.rounds[0].minReviewsPerExpert").value(4))
			.andExpect(jsonPath("$.rounds[0].tieRule").value("TAKE_ALL"))
			.andExpect(jsonPath("$.rounds[1].aggregation").value("MEAN"))
			.andExpect(jsonPath("$.rounds[1].tieRule").value("CRITERIA"))
			.andExpect(jsonPath("$.rounds[1].tieCriteria[0]").value("实效性"))
			.andExpect(jsonPath("$.rounds[1].tieCriteria[1]").value("创新性"));
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		call(post("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"x\", "),
				organizer())
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("请求内容无法识别，请检查后重试。"));
	}

	@Test
	void invalidBodyNamesEachFieldInTheCallersLanguage() throws Exception {
		Map<String, Object> registration = Map.of("username", "api-ref-" + this.suffix, "password", "short");
		ResultActions refused = call(post("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.content(write(registration)), null);
		refused.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'unitType')].message").value(hasItem("Choose the unit type.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'password')].message")
				.value(hasItem("A password has 8–100 characters.")));
		org.assertj.core.api.Assertions.assertThat(this.accounts.usernameTaken("api-ref-" + this.suffix)).isFalse();
	}

	@Test
	void scoreAboveTheCriterionsMaximumIsRefused() throws Exception {
		OpenReview fixture = openReview();
		List<Criterion> rubric = this.campaigns.round(fixture.roundId()).getCriteria();
		Map<String, Object> scores = new HashMap<>();
		rubric.forEach(c -> scores.put(c.getId().toString(), c.getMaxScore()));
		scores.put(rubric.get(0).getId().toString(), rubric.get(0).getMaxScore() + 1);
		call(post("/api/v1/reviews/" + fixture.reviewId() + "/submit").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("scores", scores, "comment", "超出满分"))), fixture.assignedExpert())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("review.error.scoreRange"))
			.andExpect(jsonPath("$.detail").value("“创新性”的分数须在 0 到 10 之间，最多两位小数。"));
		org.assertj.core.api.Assertions.assertThat(this.reviews.reviewsOfRound(fixture.roundId()).get(0).getStatus())
			.hasToString("ASSIGNED");
	}

	@Test
	void reviewSubmittedTwiceIsRefusedAsLockedAndKeepsTheFirstScores() throws Exception {
		OpenReview fixture = openReview();
		String path = "/api/v1/reviews/" + fixture.reviewId() + "/submit";
		postJson(fixture.assignedExpert(), path, Map.of("scores", fullScores(fixture, 8), "comment", "第一次"));
		call(post(path).contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("scores", fullScores(fixture, 3), "comment", "第二次"))), fixture.assignedExpert())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("review.error.locked"))
			.andExpect(jsonPath("$.detail").value("该评审已提交并锁定，不能再修改。"));
		call(put("/api/v1/reviews/" + fixture.reviewId() + "/draft").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("scores", fullScores(fixture, 1)))), fixture.assignedExpert())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("review.error.locked"));
		Review review = this.reviews.reviewsOfRound(fixture.roundId()).get(0);
		org.assertj.core.api.Assertions.assertThat(review.getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		org.assertj.core.api.Assertions.assertThat(review.getCommentText()).isEqualTo("第一次");
		org.assertj.core.api.Assertions.assertThat(review.getScores().values())
			.allSatisfy(score -> org.assertj.core.api.Assertions.assertThat(score).isEqualByComparingTo("8"));
	}

	@Test
	void reviewWhoseTaskIsNoLongerTheExpertsIsRefusedAndChangesNothing() throws Exception {
		OpenReview fixture = openReview();
		Review review = this.reviews.reviewsOfRound(fixture.roundId()).get(0);
		this.tasks.setAssignee(review.getTaskId(), fixture.otherExpert());
		call(post("/api/v1/reviews/" + fixture.reviewId() + "/submit").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("scores", fullScores(fixture, 8)))), fixture.assignedExpert())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("review.error.noTask"))
			.andExpect(jsonPath("$.detail").value("该评审任务已不在您的待办中。"));
		Review after = this.reviews.reviewsOfRound(fixture.roundId()).get(0);
		org.assertj.core.api.Assertions.assertThat(after.getStatus()).isEqualTo(ReviewStatus.ASSIGNED);
		org.assertj.core.api.Assertions.assertThat(after.getScores()).isEmpty();
		org.assertj.core.api.Assertions.assertThat(this.tasks.createTaskQuery().taskId(review.getTaskId()).count())
			.isEqualTo(1);
	}

	private Map<String, Object> fullScores(OpenReview fixture, int score) {
		Map<String, Object> scores = new HashMap<>();
		this.campaigns.round(fixture.roundId()).getCriteria().forEach(c -> scores.put(c.getId().toString(), score));
		return scores;
	}

	private ResultActions defineCampaign(Map<String, Object> definition, String language) throws Exception {
		var request = post("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON).content(write(definition));
		if (language != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		return call(request, organizer());
	}

	private Map<String, Object> definition(String name) {
		Map<String, Object> definition = new HashMap<>();
		definition.put("code", "api-ref-" + name + "-" + this.suffix);
		definition.put("name", "拒绝测试 " + name);
		definition.put("organizer", "接口测试组织单位");
		definition.put("submissionDeadline", Instant.now().plus(10, ChronoUnit.DAYS).toString());
		definition.put("categories", List.of(Map.of("code", "ONLY", "name", "唯一类别", "quota", 1)));
		return definition;
	}

	private static Map<String, Object> round(String rule, List<Map<String, Object>> criteria) {
		Map<String, Object> round = new HashMap<>(Map.of("name", "CATEGORY_QUOTA".equals(rule) ? "终审" : "初审", "type",
				"SCORING", "expertsPerApplication", 1, "reviewDays", 7, "rule", rule, "ruleCount", 1));
		round.put("criteria", criteria);
		return round;
	}

	private static List<Map<String, Object>> rubric() {
		return List.of(criterion("创新性", "Innovation", 50, 10), criterion("实效性", "Effectiveness", 50, 10));
	}

}
