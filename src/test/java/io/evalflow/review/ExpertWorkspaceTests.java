package io.evalflow.review;

import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.evalflow.TestCampaigns;
import io.evalflow.account.AccountService;
import io.evalflow.account.CurrentUser;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Criterion;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.campaign.RoundStatus;
import io.evalflow.ranking.RankingService;
import io.evalflow.review.assignment.AssignmentEngine;
import io.evalflow.review.assignment.AssignmentPlan;
import io.evalflow.review.assignment.AssignmentProblem;
import io.evalflow.review.assignment.Constraint;
import io.evalflow.shared.DomainException;
import io.evalflow.submission.SubmissionService;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The expert's workspace on the real engine: the inbox read from the review table, a
 * declared conflict or a decline handing the same task to a replacement (or leaving the
 * place vacant for the organizer), and a submitted review reopened by an organizer and
 * submitted again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExpertWorkspaceTests {

	@Autowired
	WorkspaceFixture fixture;

	@Autowired
	MockMvc mvc;

	@Autowired
	ReviewService reviews;

	@Autowired
	ReplacementService replacements;

	@Autowired
	ReopenService reopening;

	@Autowired
	ReviewRepository reviewRepository;

	@Autowired
	ExpertConflictRepository conflicts;

	@Autowired
	ExpertRepository experts;

	@Autowired
	AssignmentProblems problems;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SubmissionService submissions;

	@Autowired
	AccountService accounts;

	@Autowired
	RankingService ranking;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@BeforeEach
	void pauseGeneralists() {
		this.fixture.pauseGeneralists();
	}

	@AfterEach
	void restorePool() {
		this.fixture.restorePool();
	}

	@Test
	void inboxListsOnlyTheExpertsOpenReviewsEarliestDeadlineFirstAPageAtATime() throws Exception {
		String suffix = TestCampaigns.unique("in");
		Campaign later = this.fixture.campaign(suffix + "a", 1, 14);
		Campaign sooner = this.fixture.campaign(suffix + "b", 1, 3);
		Campaign elsewhere = this.fixture.campaign(suffix + "c", 1, 1);
		String expert = this.fixture.expert(suffix + "-e",
				Set.of(WorkspaceFixture.category(suffix + "a"), WorkspaceFixture.category(suffix + "b")));
		String other = this.fixture.expert(suffix + "-o", Set.of(WorkspaceFixture.category(suffix + "c")));
		List<Long> laterApps = this.fixture.applications(later, suffix + "a", 3);
		List<Long> soonerApps = this.fixture.applications(sooner, suffix + "b", 2);
		List<Long> elsewhereApps = this.fixture.applications(elsewhere, suffix + "c", 1);
		this.fixture.openRoundOne(later);
		this.fixture.openRoundOne(sooner);
		this.fixture.openRoundOne(elsewhere);
		CurrentUser me = this.fixture.user(expert);

		List<Long> seen = new ArrayList<>();
		List<ReviewService.InboxItem> all = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			ReviewService.InboxPage inbox = this.reviews.inbox(me, page, 2);
			assertThat(inbox.page()).isEqualTo(page);
			assertThat(inbox.hasNext()).isEqualTo(page < 2);
			inbox.items().forEach(item -> seen.add(item.application().getId()));
			all.addAll(inbox.items());
		}
		List<Long> expected = new ArrayList<>(soonerApps);
		expected.addAll(laterApps);
		assertThat(seen).containsExactlyElementsOf(expected);
		assertThat(all).extracting(ReviewService.InboxItem::dueAt).isSorted();
		assertThat(this.reviews.inbox(me, 3, 2).items()).isEmpty();
		assertThat(this.reviews.inbox(me, 0).items()).extracting(i -> i.application().getId())
			.doesNotContainAnyElementsOf(elsewhereApps)
			.hasSize(5);

		// A submitted review leaves the inbox for the history; the progress counts it.
		Long first = all.get(0).reviewId();
		this.reviews.submit(me, first, fullScores(all.get(0).round()), "意见");
		assertThat(this.reviews.inbox(me, 0).items()).extracting(ReviewService.InboxItem::reviewId)
			.doesNotContain(first)
			.hasSize(4);
		assertThat(this.reviews.history(me, 20)).extracting(ReviewService.SubmittedItem::reviewId)
			.containsExactly(first);
		assertThat(this.reviews.ownProgress(me)).extracting(p -> p.assigned() + "/" + p.submitted())
			.containsExactly("2/1", "3/0");

		String soonerTitle = this.submissions.get(soonerApps.get(1)).getTitle();
		String elsewhereTitle = this.submissions.get(elsewhereApps.get(0)).getTitle();
		this.mvc.perform(get("/expert").with(as(expert)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(soonerTitle)))
			.andExpect(content().string(not(containsString(elsewhereTitle))));
		this.mvc.perform(get("/api/v1/reviews").with(as(other)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].applicationId").value(elsewhereApps.get(0)));
	}

	@Test
	void expertsSteppingOffAtTheSameMomentNeverPushTheirReplacementsPastACap() throws Exception {
		String suffix = TestCampaigns.unique("cc");
		Campaign campaign = this.fixture.campaign(suffix, 1, 14);
		for (int i = 1; i <= 3; i++) {
			this.fixture.expert(suffix + "-e" + i, Set.of(WorkspaceFixture.category(suffix)), "并发单位 " + suffix + i, 1);
		}
		List<Long> applicationIds = this.fixture.applications(campaign, suffix, 2);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		List<Review> leaving = applicationIds.stream()
			.map(id -> this.reviews.reviewsOf(round.getId(), id).get(0))
			.toList();

		// Each of the two may only go to the third expert, who has room for one: whoever
		// comes second must take the other's freed place instead, or leave theirs vacant.
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Review>> done = new ArrayList<>();
			for (Review review : leaving) {
				CurrentUser expert = this.fixture.user(this.fixture.usernameOf(review.getExpertId()));
				done.add(pool.submit(() -> {
					start.await();
					return this.replacements.decline(expert, review.getId(), "时间冲突");
				}));
			}
			start.countDown();
			for (Future<Review> each : done) {
				assertThat(each.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(ReviewStatus.DECLINED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Map<Long, Long> openPerExpert = this.reviewRepository.findByRoundIdOrderById(round.getId())
			.stream()
			.filter(r -> r.getStatus().isOpen())
			.collect(Collectors.groupingBy(Review::getExpertId, Collectors.counting()));
		assertThat(openPerExpert.values()).allMatch(n -> n == 1);
		for (Review left : leaving) {
			Review after = this.reviewRepository.findById(left.getId()).orElseThrow();
			if (after.getReplacedBy() != null) {
				assertThat(this.reviewRepository.findById(after.getReplacedBy()).orElseThrow().getExpertId())
					.isNotEqualTo(left.getExpertId());
			}
		}
	}

	@Test
	void declaredConflictHandsTheSameTaskToAReplacementAndNoLaterDrawGivesItBack() throws Exception {
		String suffix = TestCampaigns.unique("cf");
		Campaign campaign = this.fixture.campaign(suffix, 1, 14);
		this.fixture.expert(suffix + "-e1", Set.of(WorkspaceFixture.category(suffix)));
		this.fixture.expert(suffix + "-e2", Set.of(WorkspaceFixture.category(suffix)));
		Long applicationId = this.fixture.applications(campaign, suffix, 1).get(0);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		Review leaving = this.reviews.reviewsOf(round.getId(), applicationId).get(0);
		String leaver = this.fixture.usernameOf(leaving.getExpertId());
		String taskId = leaving.getTaskId();
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(leaver);

		this.mvc
			.perform(post("/expert/reviews/" + leaving.getId() + "/conflict").with(as(leaver))
				.with(csrf())
				.param("reason", "本人曾参与该项目的建设"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/expert"))
			.andExpect(flash().attribute("success", containsString("回避")));

		Review recused = this.reviewRepository.findById(leaving.getId()).orElseThrow();
		assertThat(recused.getStatus()).isEqualTo(ReviewStatus.RECUSED);
		assertThat(recused.getStatusReason()).isEqualTo("本人曾参与该项目的建设");
		assertThat(recused.getTaskId()).isNull();
		Review replacement = this.reviewRepository.findById(recused.getReplacedBy()).orElseThrow();
		String replacer = this.fixture.usernameOf(replacement.getExpertId());
		assertThat(replacer).isNotEqualTo(leaver).startsWith(suffix);
		assertThat(replacement.getStatus()).isEqualTo(ReviewStatus.ASSIGNED);
		assertThat(replacement.getTaskId()).isEqualTo(taskId);
		assertThat(replacement.getDueAt()).isEqualTo(leaving.getDueAt());
		Task task = this.tasks.createTaskQuery().taskAssignee(replacer).singleResult();
		assertThat(task.getId()).isEqualTo(taskId);
		assertThat(this.runtime.getVariableLocal(task.getExecutionId(), "reviewId")).isEqualTo(replacement.getId());
		assertThat(this.tasks.createTaskQuery().taskAssignee(leaver).count()).isZero();

		// The leaving expert no longer reaches the review, its application or its place.
		this.mvc.perform(get("/expert/reviews/" + leaving.getId()).with(as(leaver))).andExpect(status().isForbidden());
		this.mvc.perform(get("/expert/reviews/" + replacement.getId()).with(as(leaver)))
			.andExpect(status().isForbidden());
		assertThat(this.reviews.inbox(this.fixture.user(leaver), 0).items()).isEmpty();
		assertThat(this.reviews.isAssigned(this.fixture.user(leaver), applicationId)).isFalse();
		assertThat(this.reviews.inbox(this.fixture.user(replacer), 0).items())
			.extracting(ReviewService.InboxItem::reviewId)
			.containsExactly(replacement.getId());
		assertThat(this.reviews.progressPerExpert(round.getId()))
			.extracting(p -> p.expert().getId() + ":" + p.assigned())
			.containsExactly(replacement.getExpertId() + ":1");

		// The conflict is on record, and the draw keeps the expert off the application.
		assertThat(this.conflicts.findByExpertId(leaving.getExpertId()))
			.anySatisfy(c -> assertThat(c.getApplicationId()).isEqualTo(applicationId));
		Campaign stored = this.campaigns.get(campaign.getId());
		AssignmentPlan redraw = AssignmentEngine.assign(new AssignmentProblem(
				this.problems.candidates(stored, round, List.of(this.submissions.get(applicationId))),
				this.problems.pool(stored, round, List.of(this.experts.findById(leaving.getExpertId()).orElseThrow())),
				this.accounts.unitParents(), 1, false, 99));
		assertThat(redraw.assignments().get(applicationId)).isEmpty();
		assertThat(redraw.shortfalls()).singleElement()
			.satisfies(s -> assertThat(s.binding()).isEqualTo(Constraint.DECLARED));

		// The replacement's submission completes the engine task and the round.
		this.reviews.submit(this.fixture.user(replacer), replacement.getId(), fullScores(round), "意见");
		assertThat(this.tasks.createTaskQuery().taskId(taskId).count()).isZero();
		assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
	}

	@Test
	void declineThroughTheApiHandsTheTaskToAReplacement() throws Exception {
		String suffix = TestCampaigns.unique("dc");
		Campaign campaign = this.fixture.campaign(suffix, 1, 14);
		this.fixture.expert(suffix + "-e1", Set.of(WorkspaceFixture.category(suffix)));
		this.fixture.expert(suffix + "-e2", Set.of(WorkspaceFixture.category(suffix)));
		Long applicationId = this.fixture.applications(campaign, suffix, 1).get(0);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		Review leaving = this.reviews.reviewsOf(round.getId(), applicationId).get(0);
		String leaver = this.fixture.usernameOf(leaving.getExpertId());

		this.mvc.perform(post("/api/v1/reviews/" + leaving.getId() + "/decline").with(as(leaver)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.vacant").value(false));

		Review declined = this.reviewRepository.findById(leaving.getId()).orElseThrow();
		Review replacement = this.reviewRepository.findById(declined.getReplacedBy()).orElseThrow();
		String replacer = this.fixture.usernameOf(replacement.getExpertId());
		assertThat(replacer).isNotEqualTo(leaver);
		assertThat(this.tasks.createTaskQuery().taskAssignee(replacer).singleResult().getId())
			.isEqualTo(leaving.getTaskId());
		assertThat(this.conflicts.findByExpertId(leaving.getExpertId())).isEmpty();
		this.mvc.perform(get("/api/v1/reviews/" + leaving.getId()).with(as(leaver))).andExpect(status().isForbidden());

		// A place taken over cannot be declined again by the one who left it.
		this.mvc.perform(post("/api/v1/reviews/" + leaving.getId() + "/decline").with(as(leaver)))
			.andExpect(status().isForbidden());
	}

	@Test
	void placeNobodyMayTakeStaysVacantUntilTheOrganizerAssignsSomeone() throws Exception {
		String suffix = TestCampaigns.unique("vc");
		Campaign campaign = this.fixture.campaign(suffix, 1, 14);
		String category = WorkspaceFixture.category(suffix);
		String only = this.fixture.expert(suffix + "-e1", Set.of(category));
		Long applicationId = this.fixture.applications(campaign, suffix, 1).get(0);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		// Joins after the draw, from the applicant's own unit: in conflict.
		String colleague = this.fixture.expert(suffix + "-colleague", Set.of(category),
				WorkspaceFixture.applicantUnit(suffix));
		Review leaving = this.reviews.reviewsOf(round.getId(), applicationId).get(0);
		String organizer = this.fixture.organizer(suffix);

		this.mvc
			.perform(post("/expert/reviews/" + leaving.getId() + "/decline").with(as(only))
				.with(csrf())
				.param("reason", "出差"))
			.andExpect(status().isFound());

		Review vacant = this.reviewRepository.findById(leaving.getId()).orElseThrow();
		assertThat(vacant.getStatus()).isEqualTo(ReviewStatus.DECLINED);
		assertThat(vacant.isVacant()).isTrue();
		assertThat(vacant.getVacantBinding()).isEqualTo(Constraint.UNIT);
		Task task = this.tasks.createTaskQuery().taskId(leaving.getTaskId()).singleResult();
		assertThat(task.getAssignee()).isNull();
		assertThat(this.replacements.vacancies(round.getId())).extracting(Review::getId)
			.containsExactly(vacant.getId());
		String title = this.submissions.get(applicationId).getTitle();
		String progress = "/organizer/campaigns/" + campaign.getId() + "/rounds/1";
		this.mvc.perform(get(progress).with(as(organizer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("无人接替的评审席位")))
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(containsString("单位回避")));
		this.mvc.perform(get("/api/v1/rounds/" + round.getId() + "/vacancies").with(as(organizer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].reviewId").value(vacant.getId()))
			.andExpect(jsonPath("$[0].vacantBinding").value("UNIT"));
		// The round waits for the place: it is not complete.
		assertThat(this.ranking.remaining(round.getId())).isEqualTo(1);

		String fill = "/organizer/rounds/" + round.getId() + "/vacancies/" + vacant.getId();
		this.mvc.perform(post(fill).with(as(organizer)).with(csrf()).param("username", colleague))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(progress))
			.andExpect(flash().attribute("error", containsString("单位回避关系")));
		this.mvc.perform(post(fill).with(as(organizer)).with(csrf()).param("username", only))
			.andExpect(flash().attribute("error", containsString("本轮已被分配过这份申报")));
		this.mvc.perform(post(fill).with(as(only)).with(csrf()).param("username", colleague))
			.andExpect(status().isForbidden());
		assertThat(this.replacements.vacancies(round.getId())).hasSize(1);
		assertThat(this.tasks.createTaskQuery().taskId(leaving.getTaskId()).singleResult().getAssignee()).isNull();

		this.mvc
			.perform(post(fill).with(as(organizer))
				.with(csrf())
				.param("username", colleague)
				.param("overrideReason", "该专家已调离申报单位"))
			.andExpect(flash().attribute("success", containsString(colleague)));
		assertThat(this.replacements.vacancies(round.getId())).isEmpty();
		Review filled = this.reviewRepository
			.findById(this.reviewRepository.findById(vacant.getId()).orElseThrow().getReplacedBy())
			.orElseThrow();
		assertThat(filled.getAssignedBy()).isEqualTo(organizer);
		assertThat(filled.getOverrideReason()).isEqualTo("该专家已调离申报单位");
		assertThat(this.tasks.createTaskQuery().taskAssignee(colleague).singleResult().getId())
			.isEqualTo(leaving.getTaskId());

		this.reviews.submit(this.fixture.user(colleague), filled.getId(), fullScores(round), "意见");
		assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
	}

	@Test
	void reopenedReviewIsResubmittedAndCompletesTheRoundOnce() throws Exception {
		String suffix = TestCampaigns.unique("ro");
		Campaign campaign = this.fixture.campaign(suffix, 1, 14);
		String expert = this.fixture.expert(suffix + "-e1", Set.of(WorkspaceFixture.category(suffix)));
		List<Long> applicationIds = this.fixture.applications(campaign, suffix, 2);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		String organizer = this.fixture.organizer(suffix);
		CurrentUser me = this.fixture.user(expert);
		Review first = this.reviews.reviewsOf(round.getId(), applicationIds.get(0)).get(0);
		Review second = this.reviews.reviewsOf(round.getId(), applicationIds.get(1)).get(0);
		this.reviews.submit(me, first.getId(), fullScores(round), "初评意见");
		assertThat(this.ranking.remaining(round.getId())).isEqualTo(1);

		// Only an organizer, only with a reason.
		String reopen = "/organizer/rounds/" + round.getId() + "/reviews/" + first.getId() + "/reopen";
		this.mvc.perform(post(reopen).with(as(expert)).with(csrf()).param("reason", "想改"))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.reopening.reopen(me, first.getId(), "想改"))
			.isInstanceOf(AccessDeniedException.class);
		this.mvc.perform(post(reopen).with(as(organizer)).with(csrf()).param("reason", " "))
			.andExpect(flash().attribute("error", containsString("请说明理由")));
		assertThat(this.reviewRepository.findById(first.getId()).orElseThrow().getStatus())
			.isEqualTo(ReviewStatus.SUBMITTED);

		this.mvc.perform(post(reopen).with(as(organizer)).with(csrf()).param("reason", "评分与评语不一致"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("success", containsString("退回")));
		Review reopened = this.reviewRepository.findById(first.getId()).orElseThrow();
		assertThat(reopened.getStatus()).isEqualTo(ReviewStatus.DRAFT);
		assertThat(reopened.getTotal()).isNull();
		assertThat(reopened.getScores()).hasSize(round.getCriteria().size());
		assertThat(reopened.getReopenReason()).isEqualTo("评分与评语不一致");
		assertThat(reopened.getReopenedBy()).isEqualTo(organizer);
		assertThat(reopened.getReopenedAt()).isNotNull();
		Task own = this.tasks.createTaskQuery().taskId(reopened.getTaskId()).singleResult();
		assertThat(own.getAssignee()).isEqualTo(expert);
		assertThat(own.getProcessInstanceId()).isNull();
		assertThat(own.getDueDate().toInstant()).isEqualTo(reopened.getDueAt());
		assertThat(this.ranking.remaining(round.getId())).isEqualTo(2);
		assertThat(this.reviews.inbox(me, 0).items()).extracting(ReviewService.InboxItem::reviewId)
			.containsExactlyInAnyOrder(first.getId(), second.getId());
		this.mvc.perform(get("/expert/reviews/" + first.getId()).with(as(expert)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评分与评语不一致")));

		// The other application's last review leaves the round waiting for the reopened
		// one.
		this.reviews.submit(me, second.getId(), fullScores(round), "意见");
		assertThat(this.ranking.remaining(round.getId())).isEqualTo(1);
		assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.OPEN);

		this.reviews.submit(me, first.getId(), fullScores(round), "修改后的意见");
		assertThat(this.tasks.createTaskQuery().taskId(own.getId()).count()).isZero();
		assertThat(this.ranking.remaining(round.getId())).isZero();
		assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(rankings(campaign)).isEqualTo(1);
		assertThat(this.reviewRepository.findById(first.getId()).orElseThrow().getTotal()).isEqualByComparingTo("80");

		// Once ranked, no reopening.
		this.mvc.perform(post(reopen).with(as(organizer)).with(csrf()).param("reason", "再改"))
			.andExpect(flash().attribute("error", containsString("已汇总排名")));
		assertThat(this.reviewRepository.findById(first.getId()).orElseThrow().getStatus())
			.isEqualTo(ReviewStatus.SUBMITTED);
	}

	@Test
	void reopenedReviewKeepsItsApplicationWaitingWhileItsOtherReviewsComeIn() throws Exception {
		String suffix = TestCampaigns.unique("rw");
		Campaign campaign = this.fixture.campaign(suffix, 2, 14);
		this.fixture.expert(suffix + "-e1", Set.of(WorkspaceFixture.category(suffix)));
		this.fixture.expert(suffix + "-e2", Set.of(WorkspaceFixture.category(suffix)));
		Long applicationId = this.fixture.applications(campaign, suffix, 1).get(0);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		String organizer = this.fixture.organizer(suffix);
		List<Review> both = this.reviews.reviewsOf(round.getId(), applicationId);
		CurrentUser firstExpert = this.fixture.user(this.fixture.usernameOf(both.get(0).getExpertId()));
		CurrentUser secondExpert = this.fixture.user(this.fixture.usernameOf(both.get(1).getExpertId()));

		this.reviews.submit(firstExpert, both.get(0).getId(), fullScores(round), "意见");
		this.mvc
			.perform(post("/api/v1/reviews/" + both.get(0).getId() + "/reopen").with(as(organizer))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"漏评一项\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.reopenReason").value("漏评一项"));

		// The process's last task is done, but the reopened review is still out.
		this.reviews.submit(secondExpert, both.get(1).getId(), fullScores(round), "意见");
		assertThat(this.ranking.remaining(round.getId())).isEqualTo(1);
		assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.OPEN);

		this.reviews.submit(firstExpert, both.get(0).getId(), fullScores(round), "补评后的意见");
		assertThat(this.ranking.remaining(round.getId())).isZero();
		assertThat(this.campaigns.round(round.getId()).getStatus()).isEqualTo(RoundStatus.RANKED);
		assertThat(rankings(campaign)).isEqualTo(1);
	}

	@Test
	void doubleSubmitAForeignReviewAndASubmittedReviewsDeclineAreRefusedAndChangeNothing() throws Exception {
		String suffix = TestCampaigns.unique("bd");
		Campaign campaign = this.fixture.campaign(suffix, 1, 14);
		String expert = this.fixture.expert(suffix + "-e1", Set.of(WorkspaceFixture.category(suffix)));
		String stranger = this.fixture.expert(suffix + "-x", Set.of("WS-none-" + suffix));
		List<Long> applicationIds = this.fixture.applications(campaign, suffix, 2);
		ReviewRound round = this.fixture.openRoundOne(campaign);
		CurrentUser me = this.fixture.user(expert);
		Review review = this.reviews.reviewsOf(round.getId(), applicationIds.get(0)).get(0);
		this.reviews.submit(me, review.getId(), fullScores(round), "意见");
		BigDecimal total = this.reviewRepository.findById(review.getId()).orElseThrow().getTotal();

		Map<Long, BigDecimal> lower = new HashMap<>();
		round.getCriteria().forEach(c -> lower.put(c.getId(), BigDecimal.ONE));
		assertThatThrownBy(() -> this.reviews.submit(me, review.getId(), lower, "再交一次"))
			.isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("messageKey", "review.error.locked");
		this.mvc
			.perform(post("/api/v1/reviews/" + review.getId() + "/submit").with(as(expert))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scores\":{},\"comment\":\"再交一次\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("该评审已提交并锁定，不能再修改。"));
		this.mvc.perform(post("/api/v1/reviews/" + review.getId() + "/decline").with(as(expert)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("该评审已提交或已关闭，不能再谢绝或声明回避。"));
		this.mvc
			.perform(post("/api/v1/reviews/" + review.getId() + "/conflict").with(as(expert))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\" \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("声明回避时请说明理由。"));

		Review open = this.reviews.reviewsOf(round.getId(), applicationIds.get(1)).get(0);
		this.mvc
			.perform(post("/api/v1/reviews/" + open.getId() + "/submit").with(as(stranger))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scores\":{},\"comment\":\"不是我的\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/expert/reviews/" + open.getId() + "/conflict").with(as(stranger))
				.with(csrf())
				.param("reason", "不是我的"))
			.andExpect(status().isForbidden());

		Review stored = this.reviewRepository.findById(review.getId()).orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
		assertThat(stored.getTotal()).isEqualByComparingTo(total);
		assertThat(stored.getCommentText()).isEqualTo("意见");
		Review untouched = this.reviewRepository.findById(open.getId()).orElseThrow();
		assertThat(untouched.getStatus()).isEqualTo(ReviewStatus.ASSIGNED);
		assertThat(untouched.getCommentText()).isNull();
		assertThat(this.tasks.createTaskQuery().taskId(open.getTaskId()).singleResult().getAssignee())
			.isEqualTo(expert);
		assertThat(this.conflicts.findByExpertId(untouched.getExpertId())).isEmpty();
	}

	/** How many times the campaign's rounds were ranked. */
	private long rankings(Campaign campaign) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("review-round")
			.processInstanceBusinessKey("campaign-" + campaign.getId())
			.list()
			.stream()
			.mapToLong(p -> this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(p.getId())
				.activityId("rank-round")
				.count())
			.sum();
	}

	private static Map<Long, BigDecimal> fullScores(ReviewRound round) {
		Map<Long, BigDecimal> scores = new HashMap<>();
		for (Criterion criterion : round.getCriteria()) {
			scores.put(criterion.getId(), BigDecimal.valueOf(8));
		}
		return scores;
	}

	private RequestPostProcessor as(String username) {
		return user(this.fixture.user(username));
	}

}
