package io.evalflow.review.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.evalflow.RoundStarter;
import io.evalflow.TestCampaigns;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.account.RegistrationRequest;
import io.evalflow.account.UnitType;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.PipelineDecision;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.review.ExpertRequest;
import io.evalflow.review.ExpertService;
import io.evalflow.review.Review;
import io.evalflow.review.ReviewService;
import io.evalflow.review.ReviewStatus;
import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationContent;
import io.evalflow.submission.SubmissionService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The expert's screens on a campaign whose first round is open: each test starts its own
 * campaign, so reviews are fresh. The pool is shared with other tests, so the assigned
 * experts are read from the round rather than assumed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewScreensTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	private RoundStarter roundStarter;

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	AccountService accounts;

	@Autowired
	ExpertService experts;

	@Autowired
	ReviewService reviews;

	@Autowired
	UserDetailsService users;

	@Test
	void inboxListsTheAssignedTasksAndTheExpertsProgress() throws Exception {
		RoundOne round = startRoundOne(false);
		this.mvc.perform(get("/expert").with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(round.referenceNo())))
			.andExpect(content().string(containsString(round.title())))
			.andExpect(content().string(containsString("初审")))
			.andExpect(content().string(containsString("待评审")))
			.andExpect(content().string(containsString("/expert/reviews/" + round.reviewId())));
		assertThat(progressIn(round)).isEqualTo(new long[] { 1, 0 });
	}

	@Test
	void reviewPageShowsTheApplicationItsUnitsAndTheRubric() throws Exception {
		RoundOne round = startRoundOne(false);
		this.mvc.perform(get("/expert/reviews/" + round.reviewId()).with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(round.title())))
			.andExpect(content().string(containsString("做法内容")))
			.andExpect(content().string(containsString(round.leadUnit())))
			.andExpect(content().string(containsString(round.coUnit())))
			.andExpect(content().string(containsString(round.fileName())))
			.andExpect(content().string(containsString("创新性")))
			.andExpect(content().string(containsString("示范推广价值")))
			.andExpect(content().string(containsString("name=\"scores[" + round.criteria().get(0).getId() + "]\"")))
			.andExpect(content().string(containsString("max=\"10\"")))
			.andExpect(content().string(containsString("step=\"0.01\"")));
	}

	@Test
	void blindRoundHidesTheUnitsAndTheOriginalFileName() throws Exception {
		RoundOne round = startRoundOne(true);
		this.mvc.perform(get("/expert/reviews/" + round.reviewId()).with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(round.title())))
			.andExpect(content().string(not(containsString(round.leadUnit()))))
			.andExpect(content().string(not(containsString(round.coUnit()))))
			.andExpect(content().string(not(containsString(round.fileName()))))
			.andExpect(content().string(containsString("attachment-1.pdf")));
		this.mvc.perform(get(attachmentUrl(round)).with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment-1.pdf")))
			.andExpect(header().string("Content-Disposition", not(containsString("case-"))));
	}

	@Test
	void attachmentIsServedAsADownloadToTheAssignedExpert() throws Exception {
		RoundOne round = startRoundOne(false);
		this.mvc.perform(get(attachmentUrl(round)).with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment")))
			.andExpect(header().string("Content-Disposition", containsString(round.fileName())))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().contentType("application/pdf"))
			.andExpect(content().bytes(TestCampaigns.PDF));
	}

	@Test
	void attachmentOfAnotherApplicationIsNotFoundThroughOwnReview() throws Exception {
		RoundOne round = startRoundOne(false);
		RoundOne other = startRoundOne(false);
		this.mvc
			.perform(get("/expert/reviews/" + round.reviewId() + "/attachments/" + other.attachmentId())
				.with(as(round.expert())))
			.andExpect(status().isNotFound());
	}

	@Test
	void savedDraftKeepsTheScoresAndStaysOpen() throws Exception {
		RoundOne round = startRoundOne(false);
		Criterion first = round.criteria().get(0);
		this.mvc
			.perform(post("/expert/reviews/" + round.reviewId() + "/draft").with(as(round.expert()))
				.with(csrf())
				.param("scores[" + first.getId() + "]", "7.50")
				.param("scores[" + round.criteria().get(1).getId() + "]", "")
				.param("comment", "初步意见"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/expert/reviews/" + round.reviewId()));
		Review review = this.reviews.ownReview(principal(round.expert()), round.reviewId());
		assertThat(review.getStatus()).isEqualTo(ReviewStatus.DRAFT);
		assertThat(review.getScores()).containsOnlyKeys(first.getId());
		assertThat(review.getScores().get(first.getId())).isEqualByComparingTo("7.5");
		assertThat(review.getCommentText()).isEqualTo("初步意见");
		this.mvc.perform(get("/expert/reviews/" + round.reviewId()).with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"7.5\"")))
			.andExpect(content().string(containsString("初步意见")))
			.andExpect(content().string(containsString("/expert/reviews/" + round.reviewId() + "/submit")));
	}

	@Test
	void submitWithAMissingCriterionIsRefusedAndChangesNothing() throws Exception {
		RoundOne round = startRoundOne(false);
		Criterion last = round.criteria().get(round.criteria().size() - 1);
		MockHttpServletRequestBuilder request = post("/expert/reviews/" + round.reviewId() + "/submit")
			.with(as(round.expert()))
			.with(csrf())
			.param("confirmed", "true")
			.param("comment", "意见");
		for (Criterion criterion : round.criteria()) {
			if (criterion != last) {
				request.param("scores[" + criterion.getId() + "]", "8");
			}
		}
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请为“" + last.getName() + "”打分。")));
		assertUnchanged(round);
	}

	@Test
	void scoreOutOfRangeIsRefusedAndChangesNothing() throws Exception {
		RoundOne round = startRoundOne(false);
		Criterion first = round.criteria().get(0);
		for (String score : List.of("10.5", "-1", "7.125")) {
			this.mvc
				.perform(post("/expert/reviews/" + round.reviewId() + "/draft").with(as(round.expert()))
					.with(csrf())
					.param("scores[" + first.getId() + "]", score))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("“" + first.getName() + "”的分数须在 0 到 10 之间")));
		}
		assertUnchanged(round);
	}

	@Test
	void nonNumericScoreGetsAMessageInsteadOfAnErrorPage() throws Exception {
		RoundOne round = startRoundOne(false);
		Criterion first = round.criteria().get(0);
		this.mvc
			.perform(post("/expert/reviews/" + round.reviewId() + "/draft").with(as(round.expert()))
				.with(csrf())
				.param("scores[" + first.getId() + "]", "eight"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("“" + first.getName() + "”的分数须为数字。")))
			.andExpect(content().string(containsString("value=\"eight\"")));
		assertUnchanged(round);
	}

	@Test
	void submitWithoutConfirmationIsRefused() throws Exception {
		RoundOne round = startRoundOne(false);
		this.mvc.perform(fullSubmit(round).param("confirmed", "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提交前请勾选确认。")));
		assertUnchanged(round);
	}

	@Test
	void submittedReviewShowsItsTotalAndIsLocked() throws Exception {
		RoundOne round = startRoundOne(false);
		this.mvc.perform(fullSubmit(round).param("confirmed", "true"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/expert/reviews/" + round.reviewId()));
		Review review = this.reviews.ownReview(principal(round.expert()), round.reviewId());
		assertThat(review.getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		// 8 of 10 on every criterion: 80 of the 100 weighted points.
		assertThat(review.getTotal()).isEqualByComparingTo(new BigDecimal("80"));
		this.mvc.perform(get("/expert/reviews/" + round.reviewId()).with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("加权总分")))
			.andExpect(content().string(containsString("80.00")))
			.andExpect(content().string(containsString("已提交")))
			.andExpect(content().string(not(containsString("/expert/reviews/" + round.reviewId() + "/submit"))));

		this.mvc.perform(fullSubmit(round).param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该评审已提交并锁定，不能再修改。")));
		this.mvc
			.perform(post("/expert/reviews/" + round.reviewId() + "/draft").with(as(round.expert()))
				.with(csrf())
				.param("scores[" + round.criteria().get(0).getId() + "]", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该评审已提交并锁定，不能再修改。")));
		Review after = this.reviews.ownReview(principal(round.expert()), round.reviewId());
		assertThat(after.getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(after.getScores().get(round.criteria().get(0).getId())).isEqualByComparingTo("8");

		assertThat(progressIn(round)).isEqualTo(new long[] { 1, 1 });
		this.mvc.perform(get("/expert").with(as(round.expert())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已提交的评审")))
			.andExpect(content().string(containsString(round.referenceNo())));
	}

	@Test
	void anotherExpertIsRefusedTheReviewAndItsAttachment() throws Exception {
		RoundOne round = startRoundOne(false);
		String stranger = round.unassignedExpert();
		this.mvc.perform(get("/expert/reviews/" + round.reviewId()).with(as(stranger)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(attachmentUrl(round)).with(as(stranger))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/expert/reviews/" + round.reviewId() + "/draft").with(as(stranger))
				.with(csrf())
				.param("scores[" + round.criteria().get(0).getId() + "]", "5"))
			.andExpect(status().isForbidden());
		MockHttpServletRequestBuilder strangerSubmit = post("/expert/reviews/" + round.reviewId() + "/submit")
			.with(as(stranger))
			.with(csrf())
			.param("confirmed", "true");
		round.criteria().forEach(c -> strangerSubmit.param("scores[" + c.getId() + "]", "5"));
		this.mvc.perform(strangerSubmit).andExpect(status().isForbidden());
		assertUnchanged(round);
	}

	@Test
	void applicantsAndAnonymousUsersAreRefusedTheExpertScreens() throws Exception {
		RoundOne round = startRoundOne(false);
		for (String url : List.of("/expert", "/expert/reviews/" + round.reviewId(), attachmentUrl(round))) {
			this.mvc.perform(get(url).with(as(round.applicant()))).andExpect(status().isForbidden());
			this.mvc.perform(get(url).accept(MediaType.TEXT_HTML))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/login"));
		}
	}

	private MockHttpServletRequestBuilder fullSubmit(RoundOne round) {
		MockHttpServletRequestBuilder request = post("/expert/reviews/" + round.reviewId() + "/submit")
			.with(as(round.expert()))
			.with(csrf())
			.param("comment", "总体较好");
		for (Criterion criterion : round.criteria()) {
			request.param("scores[" + criterion.getId() + "]", "8");
		}
		return request;
	}

	/**
	 * The expert's assigned and submitted reviews in the round, as the inbox shows them.
	 */
	private long[] progressIn(RoundOne round) {
		return this.reviews.ownProgress(principal(round.expert()))
			.stream()
			.filter(p -> p.round().getId().equals(round.roundId()))
			.map(p -> new long[] { p.assigned(), p.submitted() })
			.findFirst()
			.orElseThrow();
	}

	private void assertUnchanged(RoundOne round) {
		Review review = this.reviews.ownReview(principal(round.expert()), round.reviewId());
		assertThat(review.getStatus()).isEqualTo(ReviewStatus.ASSIGNED);
		assertThat(review.getScores()).isEmpty();
		assertThat(review.getCommentText()).isNull();
	}

	private static String attachmentUrl(RoundOne round) {
		return "/expert/reviews/" + round.reviewId() + "/attachments/" + round.attachmentId();
	}

	/**
	 * A campaign with one joint application taken through the formal check, and its first
	 * round started.
	 */
	private RoundOne startRoundOne(boolean blind) {
		String suffix = "rv" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000_000, 36);
		Campaign campaign = this.campaigns.create(ReviewTestCampaigns.twoRounds(suffix, blind));
		Set<String> expertise = Set.of(ReviewTestCampaigns.categoryCode(suffix));
		Long id = campaign.getId();
		this.campaigns.decide(id, PipelineDecision.PUBLISH_CALL, null, "organizer");
		for (int e = 1; e <= 2; e++) {
			this.experts.create(new ExpertRequest(suffix + "-expert" + e, "secret-pass", "评审专家" + e,
					"专家单位 " + suffix + "-" + e, "北京", "研究员", expertise, 50));
		}
		String leadUnit = "申报单位 " + suffix;
		String coUnit = "联合单位 " + suffix;
		String applicant = suffix + "-applicant";
		this.accounts.registerApplicant(new RegistrationRequest(applicant, "secret-pass", leadUnit,
				UnitType.LOCAL_GOVERNMENT, "江苏", "联系人", "contact@example.org", "010-1234567"));
		CurrentUser applicantUser = principal(applicant);
		String title = "一网通办实践 " + suffix;
		Application draft = this.submissions.createDraft(applicantUser, id,
				new ApplicationContent(this.campaigns.get(id).getCategories().get(0).getId(), title, List.of(coUnit),
						"摘要内容", "背景内容", "做法内容", "创新点内容", "成效内容"));
		String fileName = "case-" + suffix + ".pdf";
		Long attachmentId = this.submissions.addAttachment(applicantUser, draft.getId(), fileName, TestCampaigns.PDF)
			.getId();
		String referenceNo = this.submissions.submit(applicantUser, draft.getId()).getReferenceNo();
		this.campaigns.decide(id, PipelineDecision.CLOSE_SUBMISSIONS, null, "organizer");
		this.submissions.decideEligibility(draft.getId(), true, null, "organizer");
		this.submissions.completeFormalCheck(id, "organizer");
		this.roundStarter.open(id, 1);
		ReviewRound round = this.campaigns.round(id, 1);
		Review review = this.reviews.reviewsOf(round.getId(), draft.getId()).get(0);
		String expert = usernameOf(review.getExpertId());
		// Created after the assignment, so certainly not assigned to this application.
		String stranger = suffix + "-stranger";
		this.experts.create(new ExpertRequest(stranger, "secret-pass", "未分配专家", "专家单位 " + suffix + "-x", "北京", "研究员",
				expertise, 50));
		return new RoundOne(round.getId(), review.getId(), expert, stranger, applicant, referenceNo, title, leadUnit,
				coUnit, fileName, attachmentId, round.getCriteria());
	}

	private String usernameOf(Long expertId) {
		Long accountId = this.experts.get(expertId).getAccountId();
		return this.accounts.accountsById(List.of(accountId)).get(accountId).getUsername();
	}

	private CurrentUser principal(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	record RoundOne(Long roundId, Long reviewId, String expert, String unassignedExpert, String applicant,
			String referenceNo, String title, String leadUnit, String coUnit, String fileName, Long attachmentId,
			List<Criterion> criteria) {
	}

}
